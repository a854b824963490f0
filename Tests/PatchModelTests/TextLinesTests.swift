import Testing

@testable import PatchModel

@Suite struct TextLinesTests {
    static let texts: [(String, [String])] = [
        ("", []),
        ("one", ["one"]),
        ("one\n", ["one"]),
        ("one\ntwo", ["one", "two"]),
        ("one\r\ntwo\r\n", ["one", "two"]),
        ("\n\n", ["", ""]),
        ("a\r\r\nb", ["a\r", "b"]),
        ("é\nü\n", ["é", "ü"]),
    ]

    @Test("Lines split at LF, a CR before it dropped", arguments: texts)
    func splitsLines(_ text: String, _ expected: [String]) {
        #expect(TextLines(text[...]).map { String($0.text) } == expected)
    }

    @Test func linesRememberWhereTheyAre() {
        let text = "ab\r\ncd"[...]
        let lines = Array(TextLines(text))
        #expect(lines[0].hadCarriageReturn)
        #expect(!lines[1].hadCarriageReturn)
        #expect(text[lines[1].start...] == "cd")
        #expect(lines[0].next == lines[1].start)
        #expect(lines[1].next == text.endIndex)
    }

    @Test func blankLinesHoldOnlySpacesAndTabs() {
        #expect(Array(TextLines(" \t\nx\n"[...])).map(\.isBlank) == [true, false])
    }

    @Test func stringHelpers() {
        #expect(" \tab c \t"[...].trimmingSpaces() == "ab c")
        #expect("   "[...].trimmingSpaces() == "")
        #expect("From: x".hasASCIIPrefixIgnoringCase("from:"))
        #expect(!"Fro".hasASCIIPrefixIgnoringCase("from:"))
        #expect("-- ".isSignatureSeparator)
        #expect(!"--".isSignatureSeparator)
    }
}
