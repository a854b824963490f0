import PatchModel
import Testing

@Suite struct DiffstatTests {
    static let lines: [(String, Diffstat?)] = [
        (" 1 file changed, 8 insertions(+), 14 deletions(-)", Diffstat(filesChanged: 1, insertions: 8, deletions: 14)),
        (" 12 files changed, 1 insertion(+)", Diffstat(filesChanged: 12, insertions: 1, deletions: 0)),
        ("3 files changed, 5 deletions(-)", Diffstat(filesChanged: 3, insertions: 0, deletions: 5)),
        (" 1 file changed, 0 insertions(+), 0 deletions(-)", Diffstat(filesChanged: 1, insertions: 0, deletions: 0)),
        (" virt/kvm/guest_memfd.c | 22 ++++++++--------------", nil),
        ("2 cats changed", nil),
        ("", nil),
    ]

    @Test("Summary lines", arguments: lines)
    func parsesSummaryLine(_ line: String, _ expected: Diffstat?) {
        #expect(Diffstat(summaryLine: line.trimmingPrefixSpaces()) == expected)
    }

    @Test func findsTheSummaryInASection() {
        let section =
            "v2: fix\n\n virt/kvm/a.c | 2 +-\n virt/kvm/b.c | 1 +\n 2 files changed, 2 insertions(+), 1 deletion(-)\n\n"
        #expect(Diffstat(section: section[...]) == Diffstat(filesChanged: 2, insertions: 2, deletions: 1))
    }
}

extension String {
    fileprivate func trimmingPrefixSpaces() -> Substring { self[...].drop(while: { $0 == " " }) }
}
