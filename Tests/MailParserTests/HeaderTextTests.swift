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
        #expect(HeaderText.collapsingWhitespace(input) == expected)
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
