import PatchModel
import Testing

@Suite struct ChangeIDTests {
    static func find(header: String? = nil, _ body: String) -> String? {
        ChangeID.find(headerValues: header.map { [ArraySlice(Array($0.utf8))] } ?? [], body: body)
    }

    @Test func coverLetterBelowTheDiffstat() {
        let body = """
            This series does things.

            ---
            Jane Doe (2):
                  a
                  b

             a.c | 2 +-
             1 file changed

            ---
            base-commit: 9852d85ec9d492ebef56dc5f229416c925758edc
            change-id: 20240913-mgtime-20c98bcda88e

            Best regards,
            -- 
            Jane Doe <jane@example.org>
            """
        #expect(Self.find(body) == "20240913-mgtime-20c98bcda88e")
    }

    @Test func singlePatchAfterTheDiff() {
        let body =
            "Fix.\n---\ndiff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n\n---\nbase-commit: abc\nchange-id: 20230921-strncpy-c-4a6945316cea\r\n\nBest regards,\n"
        #expect(Self.find(body) == "20230921-strncpy-c-4a6945316cea")
    }

    @Test func theHeaderComesFirst() {
        #expect(
            Self.find(header: " 20260330-ipq9650_boot-159027d548cc", "change-id: 20200101-other-1")
                == "20260330-ipq9650_boot-159027d548cc")
    }

    @Test func gerritChangeIdIsNotB4s() {
        let body = "Change-Id: Ie0f824270b5871cff4305046b0f9b238acfb218f\nSigned-off-by: A <a@example.org>\n"
        #expect(Self.find(body) == nil)
        #expect(Self.find(body + "---\nchange-id: 20250101-x-abc\n") == "20250101-x-abc")
    }

    @Test(arguments: [
        "> change-id: 20250101-quoted-abc\n",
        "  change-id: 20250101-indented-abc\n",
        "change-id:\n",
        "change-id:   \n",
        "the change-id: 20250101-inline\n",
        "",
    ])
    func noChangeID(_ body: String) {
        #expect(Self.find(body) == nil)
    }

    @Test func labelCaseDoesNotMatter() {
        #expect(Self.find("Change-ID: 20250101-x-abc\n") == "20250101-x-abc")
    }
}
