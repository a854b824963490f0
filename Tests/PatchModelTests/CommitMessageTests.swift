import PatchModel
import Testing

@Suite struct CommitMessageTests {
    static let patch = """
        KVM: do the thing

        Longer explanation.

        Signed-off-by: A <a@example.org>
        ---
        v2: reworded

         virt/kvm/kvm_main.c | 3 ++-
         1 file changed, 2 insertions(+), 1 deletion(-)

        diff --git a/virt/kvm/kvm_main.c b/virt/kvm/kvm_main.c
        index 1..2 100644
        --- a/virt/kvm/kvm_main.c
        +++ b/virt/kvm/kvm_main.c
        @@ -1 +1 @@
        -old
        +new
        -- 
        2.43.0

        """

    @Test func patchEntryStopsBeforeTheDiff() {
        let message = CommitMessage(Self.patch[...], isCoverLetter: false)
        #expect(
            message.entryText == """
                KVM: do the thing

                Longer explanation.

                Signed-off-by: A <a@example.org>
                ---
                v2: reworded

                 virt/kvm/kvm_main.c | 3 ++-
                 1 file changed, 2 insertions(+), 1 deletion(-)
                """)
        #expect(message.message == "KVM: do the thing\n\nLonger explanation.\n\nSigned-off-by: A <a@example.org>")
        #expect(message.firstLine == "KVM: do the thing")
        #expect(message.diffstat == Diffstat(filesChanged: 1, insertions: 2, deletions: 1))
    }

    @Test func coverLetterStopsAtTheSignatureOnly() {
        let cover = """
            This series does things.

            Interdiff:
            diff --git a/x b/x
            --- a/x
            +++ b/x

            A (2):
              KVM: one

             2 files changed, 10 insertions(+)

            -- 
            2.43.0
            """
        let message = CommitMessage(cover[...], isCoverLetter: true)
        #expect(message.entryText.hasPrefix("This series does things.\n\nInterdiff:\ndiff --git"))
        #expect(message.entryText.hasSuffix(" 2 files changed, 10 insertions(+)"))
        #expect(message.diffstat == Diffstat(filesChanged: 2, insertions: 10, deletions: 0))
    }

    @Test func patchWithoutDiffStopsAtTheSignature() {
        let body = "Docs: only words\n\nSigned-off-by: A <a@example.org>\n\n\n-- \n2.43.0\n"
        let message = CommitMessage(body[...], isCoverLetter: false)
        #expect(message.entryText == "Docs: only words\n\nSigned-off-by: A <a@example.org>")
        #expect(message.diffstat == nil)
    }

    @Test func patchWithoutDiffOrSignatureKeepsEverything() {
        let message = CommitMessage("Only text\n\n\n"[...], isCoverLetter: false)
        #expect(message.entryText == "Only text")
    }

    @Test func crlfInputReadsAsLF() {
        let body =
            "Subject line\r\n\r\nSigned-off-by: A <a@example.org>\r\n---\r\n 1 file changed, 1 deletion(-)\r\n\r\ndiff --git a/x b/x\r\n"
        let message = CommitMessage(body[...], isCoverLetter: false)
        #expect(
            message.entryText == "Subject line\n\nSigned-off-by: A <a@example.org>\n---\n 1 file changed, 1 deletion(-)"
        )
        #expect(message.firstLine == "Subject line")
        #expect(message.diffstat == Diffstat(filesChanged: 1, insertions: 0, deletions: 1))
    }

    @Test(
        "Other diff starts",
        arguments: [
            "Index: a/file.c\n===\n", "--- a/file.c\n+++ b/file.c\n", "--- old/file.c\n+++ new/file.c\n",
            "diff -u a/file.c b/file.c\n",
        ])
    func stopsAtOtherDiffStarts(_ diff: String) {
        let body = "Text\n\n" + diff + "@@ -1 +1 @@\n"
        #expect(CommitMessage(body[...], isCoverLetter: false).entryText == "Text")
    }

    @Test func dashLineWithoutPlusLineIsText() {
        let body = "Text\n--- not a diff\nmore\n"
        #expect(CommitMessage(body[...], isCoverLetter: false).entryText == "Text\n--- not a diff\nmore")
    }

    @Test func leadingBlankLinesAreDropped() {
        let message = CommitMessage("\n\n\nFirst\n"[...], isCoverLetter: false)
        #expect(message.entryText == "First")
        #expect(message.firstLine == "First")
    }

    @Test func emptyBody() {
        let message = CommitMessage(""[...], isCoverLetter: false)
        #expect(message.entryText == "")
        #expect(message.firstLine == nil)
        #expect(message.message == "")
    }
}
