import Digest
import Foundation
import InboxReader
import TestSupport
import Testing

/// The seed's Markdown and e-mail reports against golden files (issue 12, "done when"), and the
/// Markdown read by a real GFM renderer. Record them again after an intended change with
/// `LORE_DIGEST_UPDATE_GOLDEN=1 swift test --filter SeedFormatGoldenTests` (the test then fails
/// once, naming the files it wrote; review them with `git diff`).
@Suite(.enabled(if: SharedData.isAvailable, Comment(rawValue: SharedData.skipReason)))
struct SeedFormatGoldenTests {
    /// The seed archive's report, built as `SeedGoldenTests` builds it.
    private static func seedReport() async throws -> Report {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let epoch = directory.url.appendingPathComponent("kvm/git/0.git")
        let script = SharedData.seedFixture.appendingPathComponent("make-archive.sh").path
        let result = try CommandRunner.run(URL(fileURLWithPath: "/bin/bash"), [script, epoch.path])
        try #require(result.exitCode == 0, "make-archive.sh failed: \(result.standardError)")
        let inbox = try Inbox.open(directory.url.appendingPathComponent("kvm").path)
        return try await ReportBuilder().build(
            inbox: inbox, range: RevisionRange(from: nil, to: nil), options: ReportOptions())
    }

    @Test func theSeedMarkdownMatchesItsGoldenFile() async throws {
        let markdown = MarkdownRenderer().render(try await Self.seedReport())
        try Self.checkGolden(markdown, "seed-kvm-2025-10.md")
    }

    @Test func theSeedEmailMatchesItsGoldenFile() async throws {
        let renderer = EmailRenderer(
            from: try #require(EmailAddress.list("KVM digest <digest@example.org>")?.first),
            to: try #require(EmailAddress.list("kvm-team@example.org")),
            date: Date(timeIntervalSince1970: 1_760_400_000))
        let mail = renderer.render(try await Self.seedReport())
        #expect(mail.contains("\nSubject: [KVM] mailing list update 2025-10-07..2025-10-15\n"))
        try Self.checkGolden(mail, "seed-kvm-2025-10.eml")
    }

    /// Every message shown links to lore (the seed's `List-Archive:`), and a GFM renderer makes
    /// the tables, links and code blocks of it, with no stray backslash in the rendered text.
    @Test(
        .enabled(if: FormatReaders.markdownSkipReason == nil, Comment(rawValue: FormatReaders.markdownSkipReason ?? ""))
    )
    func theSeedMarkdownRendersAsGitHubWould() async throws {
        let report = try await Self.seedReport()
        #expect(report.archiveURL == "https://lore.kernel.org/kvm/")
        let html = try FormatReaders.renderMarkdown(MarkdownRenderer().render(report))
        #expect(html.components(separatedBy: "<table>").count - 1 == 4)
        #expect(html.contains("<td>Sean Christopherson</td>\n<td>seanjc@google.com</td>"))
        #expect(html.contains("<td style=\"text-align:right\">11</td>\n<td>google.com</td>"))
        let links = html.components(separatedBy: "<a href=\"https://lore.kernel.org/kvm/").count - 1
        #expect(links >= report.patchList.count + report.entries.count + report.series.count)
        #expect(html.contains("<a href=\"https://lore.kernel.org/kvm/20251007081616.68442-1-philmd@linaro.org/\">"))
        #expect(html.components(separatedBy: "<pre><code").count - 1 == report.entries.count)
        // Outside code blocks, every backslash of the rendered text would be a stray escape.
        var text = html
        while let open = text.range(of: "<pre><code"),
            let close = text.range(of: "</code></pre>", range: open.upperBound..<text.endIndex)
        {
            text.removeSubrange(open.lowerBound..<close.upperBound)
        }
        #expect(!text.contains("\\"))
    }

    /// Compares with `Golden/NAME` beside this file (see ``GoldenFile``).
    private static func checkGolden(_ actual: String, _ name: String) throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
        if let mismatch = try GoldenFile.mismatch(actual, golden: path) { Issue.record(Comment(rawValue: mismatch)) }
    }
}
