import Foundation
import PatchModel
import Testing

/// `PatchID.stable(of:)` against what `git patch-id --stable` (git 2.39.5) printed for the same
/// text: every expected value below was produced by git, not by this code.
@Suite struct PatchIDTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var expected: String?
        var text: String
        init(_ name: String, expected: String?, _ text: String) {
            self.name = name
            self.expected = expected
            self.text = text
        }
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            "basic", expected: "68373168ab845e32eeaccc8fc2c2708704263992",
            "From: A <a@example.org>\nSubject: [PATCH] x\n\nFix it.\n\nSigned-off-by: A <a@example.org>\n---\n a.c | 2 +-\n 1 file changed\n\ndiff --git a/a.c b/a.c\nindex 1234567..89abcde 100644\n--- a/a.c\n+++ b/a.c\n@@ -1,3 +1,3 @@\n int a;\n-int b;\n+int b = 1;\n int c;\n-- \n2.43.0\n\n"
        ),
        Case(
            "lineNumbersAndWhitespace", expected: "68373168ab845e32eeaccc8fc2c2708704263992",
            "Other words.\n---\ndiff --git a/a.c b/a.c\nindex 1234567..89abcde 100644\n--- a/a.c\n+++ b/a.c\n@@ -40,3 +41,3 @@ static void f(void)\n int a;\n-int  b;\n+int\tb = 1;\n int c;\n-- \n2.43.0\n\n"
        ),
        Case(
            "twoFiles", expected: "382efcd564499cc4f17f4b557c86aa25ca8eb0a8",
            "From: A <a@example.org>\nSubject: [PATCH] x\n\nFix it.\n\nSigned-off-by: A <a@example.org>\n---\n a.c | 2 +-\n 1 file changed\n\ndiff --git a/a.c b/a.c\nindex 1234567..89abcde 100644\n--- a/a.c\n+++ b/a.c\n@@ -1,3 +1,3 @@\n int a;\n-int b;\n+int b = 1;\n int c;\ndiff --git a/b.c b/b.c\nindex 1111111..2222222 100644\n--- a/b.c\n+++ b/b.c\n@@ -10,2 +10,3 @@\n x();\n+y();\n z();\n-- \n2.43.0\n\n"
        ),
        Case(
            "twoFilesSwapped", expected: "382efcd564499cc4f17f4b557c86aa25ca8eb0a8",
            "From: A <a@example.org>\nSubject: [PATCH] x\n\nFix it.\n\nSigned-off-by: A <a@example.org>\n---\n a.c | 2 +-\n 1 file changed\n\ndiff --git a/b.c b/b.c\nindex 1111111..2222222 100644\n--- a/b.c\n+++ b/b.c\n@@ -10,2 +10,3 @@\n x();\n+y();\n z();\ndiff --git a/a.c b/a.c\nindex 1234567..89abcde 100644\n--- a/a.c\n+++ b/a.c\n@@ -1,3 +1,3 @@\n int a;\n-int b;\n+int b = 1;\n int c;\n-- \n2.43.0\n\n"
        ),
        Case(
            "crlf", expected: "68373168ab845e32eeaccc8fc2c2708704263992",
            "From: A <a@example.org>\r\nSubject: [PATCH] x\r\n\r\nFix it.\r\n\r\nSigned-off-by: A <a@example.org>\r\n---\r\n a.c | 2 +-\r\n 1 file changed\r\n\r\ndiff --git a/a.c b/a.c\r\nindex 1234567..89abcde 100644\r\n--- a/a.c\r\n+++ b/a.c\r\n@@ -1,3 +1,3 @@\r\n int a;\r\n-int b;\r\n+int b = 1;\r\n int c;\r\n-- \r\n2.43.0\r\n\r\n"
        ),
        Case(
            "noNewlineMarker", expected: "b5ce38cd69b2b6b34b7a3de7a5ec050366e4ab5f",
            "From: A <a@example.org>\nSubject: [PATCH] x\n\nFix it.\n\nSigned-off-by: A <a@example.org>\n---\n a.c | 2 +-\n 1 file changed\n\ndiff --git a/a.c b/a.c\nindex 1234567..89abcde 100644\n--- a/a.c\n+++ b/a.c\n@@ -1,2 +1,2 @@\n int a;\n-int b;\n\\ No newline at end of file\n+int b = 1;\n\\ No newline at end of file\n-- \n2.43.0\n\n"
        ),
        Case(
            "noNewlineMarkerAbsent", expected: "b5ce38cd69b2b6b34b7a3de7a5ec050366e4ab5f",
            "From: A <a@example.org>\nSubject: [PATCH] x\n\nFix it.\n\nSigned-off-by: A <a@example.org>\n---\n a.c | 2 +-\n 1 file changed\n\ndiff --git a/a.c b/a.c\nindex 1234567..89abcde 100644\n--- a/a.c\n+++ b/a.c\n@@ -1,2 +1,2 @@\n int a;\n-int b;\n+int b = 1;\n-- \n2.43.0\n\n"
        ),
        Case(
            "binary", expected: "7134077447f490376b11995b732733c78692ca43",
            "From: A <a@example.org>\nSubject: [PATCH] x\n\nFix it.\n\nSigned-off-by: A <a@example.org>\n---\n a.c | 2 +-\n 1 file changed\n\ndiff --git a/logo.png b/logo.png\nnew file mode 100644\nindex 0000000000000000000000000000000000000000..8f4c2a1b9e0d3c7f6a5b4e3d2c1b0a9f8e7d6c5b\nGIT binary patch\nliteral 12\nTcmZ?wbhEHbWM}|`3=9Cl0{{X1\n\nliteral 0\nHcmV?d00001\n\ndiff --git a/b.c b/b.c\nindex 1111111..2222222 100644\n--- a/b.c\n+++ b/b.c\n@@ -10,2 +10,3 @@\n x();\n+y();\n z();\n-- \n2.43.0\n\n"
        ),
        Case(
            "binaryOtherObjects", expected: "f6351fd4ff26b6d56e46136e2d08d8ed523ff009",
            "From: A <a@example.org>\nSubject: [PATCH] x\n\nFix it.\n\nSigned-off-by: A <a@example.org>\n---\n a.c | 2 +-\n 1 file changed\n\ndiff --git a/logo.png b/logo.png\nnew file mode 100644\nindex 0000000000000000000000000000000000000000..1111111111111111111111111111111111111111\nGIT binary patch\nliteral 12\nTcmZ?wbhEHbWM}|`3=9Cl0{{X1\n\nliteral 0\nHcmV?d00001\n\ndiff --git a/b.c b/b.c\nindex 1111111..2222222 100644\n--- a/b.c\n+++ b/b.c\n@@ -10,2 +10,3 @@\n x();\n+y();\n z();\n-- \n2.43.0\n\n"
        ),
        Case(
            "binaryFilesDiffer", expected: "95885c8b19b715ec78d31d518159e7307aee20be",
            "From: A <a@example.org>\nSubject: [PATCH] x\n\nFix it.\n\nSigned-off-by: A <a@example.org>\n---\n a.c | 2 +-\n 1 file changed\n\ndiff --git a/logo.png b/logo.png\nindex abcdef0..1234567 100644\nBinary files a/logo.png and b/logo.png differ\n-- \n2.43.0\n\n"
        ),
        Case(
            "rename", expected: "8220e7f4bcf8381da8409f75bb4e280fb208460d",
            "From: A <a@example.org>\nSubject: [PATCH] x\n\nFix it.\n\nSigned-off-by: A <a@example.org>\n---\n a.c | 2 +-\n 1 file changed\n\ndiff --git a/old.c b/new.c\nsimilarity index 100%\nrename from old.c\nrename to new.c\ndiff --git a/b.c b/b.c\nindex 1111111..2222222 100644\n--- a/b.c\n+++ b/b.c\n@@ -10,2 +10,3 @@\n x();\n+y();\n z();\n-- \n2.43.0\n\n"
        ),
        Case(
            "renameWithChange", expected: "98b4f6a579485a9c317f5ce363d38ecd1699860a",
            "From: A <a@example.org>\nSubject: [PATCH] x\n\nFix it.\n\nSigned-off-by: A <a@example.org>\n---\n a.c | 2 +-\n 1 file changed\n\ndiff --git a/old.c b/new.c\nsimilarity index 90%\nrename from old.c\nrename to new.c\nindex 1234567..89abcde 100644\n--- a/old.c\n+++ b/new.c\n@@ -1,3 +1,3 @@\n int a;\n-int b;\n+int b = 1;\n int c;\n-- \n2.43.0\n\n"
        ),
        Case(
            "emptyNewFile", expected: "65de6eed6600d95465e78b7a9da5477dfdc8adaf",
            "From: A <a@example.org>\nSubject: [PATCH] x\n\nFix it.\n\nSigned-off-by: A <a@example.org>\n---\n a.c | 2 +-\n 1 file changed\n\ndiff --git a/empty b/empty\nnew file mode 100644\nindex 0000000..e69de29\n-- \n2.43.0\n\n"
        ),
        Case(
            "noDiff", expected: nil,
            "From: A <a@example.org>\nSubject: [PATCH] x\n\nFix it.\n\nSigned-off-by: A <a@example.org>\n---\n a.c | 2 +-\n 1 file changed\n\nNo diff here.\n-- \n2.43.0\n\n"
        ),
        Case(
            "twoHunks", expected: "2bc50b4ab2edef483df5b7e8c1bc07dc100f9791",
            "From: A <a@example.org>\nSubject: [PATCH] x\n\nFix it.\n\nSigned-off-by: A <a@example.org>\n---\n a.c | 2 +-\n 1 file changed\n\ndiff --git a/a.c b/a.c\nindex 1234567..89abcde 100644\n--- a/a.c\n+++ b/a.c\n@@ -1,2 +1,2 @@\n int a;\n-int b;\n+int b = 1;\n@@ -20 +20 @@ void g(void)\n-old();\n+new();\n-- \n2.43.0\n\n"
        ),
        Case(
            "objectNameBeforeDiff", expected: "68373168ab845e32eeaccc8fc2c2708704263992",
            "commit 0123456789abcdef0123456789abcdef01234567 upstream.\n\nFrom: A <a@example.org>\nSubject: [PATCH] x\n\nFix it.\n\nSigned-off-by: A <a@example.org>\n---\n a.c | 2 +-\n 1 file changed\n\ndiff --git a/a.c b/a.c\nindex 1234567..89abcde 100644\n--- a/a.c\n+++ b/a.c\n@@ -1,3 +1,3 @@\n int a;\n-int b;\n+int b = 1;\n int c;\n-- \n2.43.0\n\n"
        ),
        Case(
            "objectNameAfterDiff", expected: "68373168ab845e32eeaccc8fc2c2708704263992",
            "From: A <a@example.org>\nSubject: [PATCH] x\n\nFix it.\n\nSigned-off-by: A <a@example.org>\n---\n a.c | 2 +-\n 1 file changed\n\ndiff --git a/a.c b/a.c\nindex 1234567..89abcde 100644\n--- a/a.c\n+++ b/a.c\n@@ -1,3 +1,3 @@\n int a;\n-int b;\n+int b = 1;\n int c;\n0123456789abcdef0123456789abcdef01234567\ndiff --git a/b.c b/b.c\nindex 1111111..2222222 100644\n--- a/b.c\n+++ b/b.c\n@@ -10,2 +10,3 @@\n x();\n+y();\n z();\n"
        ),
        Case(
            "unterminatedHunk", expected: "907e1cca27183d7499bd25e32b0ff6958edc7395",
            "From: A <a@example.org>\nSubject: [PATCH] x\n\nFix it.\n\nSigned-off-by: A <a@example.org>\n---\n a.c | 2 +-\n 1 file changed\n\ndiff --git a/a.c b/a.c\n--- a/a.c\n+++ b/a.c\n@@ -1,5 +1,5 @@\n int a;\n-int b;\n+int b = 1;\n-- \n2.43.0\n\n"
        ),
        Case(
            "modeChange", expected: "0801bff7999b122f0df44a0663a00deef879a340",
            "From: A <a@example.org>\nSubject: [PATCH] x\n\nFix it.\n\nSigned-off-by: A <a@example.org>\n---\n a.c | 2 +-\n 1 file changed\n\ndiff --git a/run.sh b/run.sh\nold mode 100644\nnew mode 100755\n-- \n2.43.0\n\n"
        ),
        Case(
            "diffWordInMessage", expected: "65437fc489d598fd553f7759fb99e1f8f991a161",
            "diff between v1 and v2: none\nFrom: A <a@example.org>\nSubject: [PATCH] x\n\nFix it.\n\nSigned-off-by: A <a@example.org>\n---\n a.c | 2 +-\n 1 file changed\n\n"
        ),
    ]

    @Test("The same id as git patch-id --stable", arguments: cases)
    func matchesGit(_ example: Case) {
        #expect(PatchID.stable(of: example.text) == example.expected)
    }

    private static func text(_ name: String) -> String {
        cases.first { $0.name == name }?.text ?? ""
    }

    @Test func fileOrderDoesNotMatter() {
        let one = PatchID.stable(of: Self.text("twoFiles"))
        #expect(one != nil)
        #expect(one == PatchID.stable(of: Self.text("twoFilesSwapped")))
        #expect(one != PatchID.stable(of: Self.text("basic")))
    }

    @Test func lineNumbersWhiteSpaceMessageAndLineBreaksDoNotMatter() {
        let basic = PatchID.stable(of: Self.text("basic"))
        #expect(PatchID.stable(of: Self.text("lineNumbersAndWhitespace")) == basic)
        #expect(PatchID.stable(of: Self.text("crlf")) == basic)
        #expect(PatchID.stable(of: Self.text("objectNameBeforeDiff")) == basic)
    }

    @Test func aChangedLineChangesTheID() {
        let changed = Self.text("basic").replacingOccurrences(of: "+int b = 1;", with: "+int b = 2;")
        #expect(PatchID.stable(of: changed) != nil)
        #expect(PatchID.stable(of: changed) != PatchID.stable(of: Self.text("basic")))
    }

    @Test func aBinaryFileHashesItsObjectNames() {
        #expect(PatchID.stable(of: Self.text("binary")) != PatchID.stable(of: Self.text("binaryOtherObjects")))
    }

    @Test func textWithoutDiffHasNoID() {
        #expect(PatchID.stable(of: "") == nil)
        #expect(PatchID.stable(of: "diff") == nil)
        #expect(PatchID.stable(of: "--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n") == nil)
    }

    @Test func aSubstringGivesTheSameIDAsTheString() {
        let text = "prefix\n" + Self.text("basic")
        let substring = text[text.index(text.startIndex, offsetBy: 7)...]
        #expect(PatchID.stable(of: substring) == PatchID.stable(of: Self.text("basic")))
    }
}
