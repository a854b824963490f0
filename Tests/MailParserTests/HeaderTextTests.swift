import Testing

@testable import MailParser

@Suite struct HeaderTextTests {
    @Test(arguments: [
        ("  a \t b\r\n c  ", "a b c"),
        ("plain", "plain"),
        ("", ""),
        (" \t ", ""),
        ("é  ü", "é ü"),
    ])
    func collapsesWhitespaceRuns(input: String, expected: String) {
        #expect(input.collapsingWhitespace() == expected)
    }

    /// PatchModel collapses subject tags and titles, which are substrings of the subject.
    @Test func collapsesStringsAndSubstrings() {
        #expect("  a \t b\n c  ".collapsingWhitespace() == "a b c")
        #expect("[PATCH  v2 ]"[...].dropFirst().dropLast().collapsingWhitespace() == "PATCH v2")
    }

    @Test func unfoldingRemovesLineBreaksOnly() {
        #expect(HeaderText.unfold(bytes("a\r\n b\n\tc")) == bytes("a b\tc"))
    }

    @Test func displayDecodesAndCollapses() {
        let result = HeaderText.display(bytes(" =?utf-8?q?a__b?=\r\n  c "))
        #expect(result.text == "a b c")
        #expect(result.problems.isEmpty)
    }
}
