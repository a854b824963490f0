import Testing

@testable import MailParser

@Suite struct QuotedPrintableEncoderTests {
    @Test(arguments: [
        ("plain text\n", "plain text\n"),
        ("1 + 1 = 2\n", "1 + 1 =3D 2\n"),
        ("café\n", "caf=C3=A9\n"),
        ("trailing blank \nand tab\t\n", "trailing blank=20\nand tab=09\n"),
        ("inner  blanks\tstay\n", "inner  blanks\tstay\n"),
        ("carriage\r\n", "carriage=0D\n"),
        ("no final line break", "no final line break"),
        ("", ""),
        ("\n\n", "\n\n"),
    ])
    func encodes(text: String, expected: String) {
        #expect(QuotedPrintableEncoder.encode(text) == expected)
    }

    @Test(arguments: [
        String(repeating: "x", count: 1200) + " = end\n",
        String(repeating: "é", count: 600) + " \n",
        String(repeating: "ab=", count: 100) + "\n\ttabbed line \t\n\n",
        "Ümlaut=" + String(repeating: "日本語 ", count: 80) + "\r\nlast line without break",
        (0...255).map { String(UnicodeScalar(UInt8($0))) }.joined() + "\n",
    ])
    func roundTripsThroughTheDecoderInLinesOfAtMost76Characters(text: String) {
        let encoded = QuotedPrintableEncoder.encode(text)
        #expect(TransferDecoding.quotedPrintable(Array(encoded.utf8)) == Array(text.utf8))
        let lines = encoded.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(encoded.utf8.allSatisfy { $0 < 0x80 })
        // Only a soft line break may end a line with white space's stand-in, never a bare blank.
        #expect(!lines.contains { $0.hasSuffix(" ") || $0.hasSuffix("\t") })
    }

    @Test func aSoftBreakNeverSplitsAnEscape() {
        // 74 literal characters, then é (=C3=A9): the escape must move whole to the next line.
        let encoded = QuotedPrintableEncoder.encode(String(repeating: "a", count: 74) + "é\n")
        #expect(encoded == String(repeating: "a", count: 74) + "=\n=C3=A9\n")
    }
}
