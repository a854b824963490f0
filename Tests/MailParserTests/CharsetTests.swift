import Testing

@testable import MailParser

@Suite struct CharsetTests {
    @Test(arguments: [
        ("UTF-8", [0x63, 0x61, 0x66, 0xC3, 0xA9] as [UInt8], "café"),
        ("utf8", [0xC3, 0xA9], "é"),
        ("latin1", [0xE9], "é"),
        ("ISO-8859-1", [0xE9], "é"),
        ("Windows-1252", [0x80], "€"),
        ("ks_c_5601-1987", [0xC7, 0xD1], "한"),
        ("KOI8-R", [0xF0, 0xD2], "Пр"),
        ("\"utf-8\"", [0x41], "A"),
    ])
    func decodesCharsetAliases(label: String, input: [UInt8], expected: String) {
        let result = Charset(label).decode(input)
        #expect(result.text == expected)
        #expect(result.problems.isEmpty)
    }

    @Test func invalidUTF8BecomesReplacementCharacter() {
        let result = Charset("utf-8").decode([0x61, 0xFF, 0x62])
        #expect(result.text == "a\u{FFFD}b")
        #expect(result.problems == ["invalid UTF-8 replaced"])
    }

    @Test func invalidBytesThroughIconvBecomeReplacementCharacter() {
        // 0xFF is not valid in Shift_JIS; a truncated lead byte at the end neither.
        let result = Charset("shift_jis").decode([0x41, 0xFF, 0x42, 0x93])
        #expect(result.text == "A\u{FFFD}B\u{FFFD}")
        #expect(!result.problems.isEmpty)
    }

    @Test func unknownCharsetIsLatin1WithProblem() {
        let result = Charset("x-no-such-charset").decode([0xE9])
        #expect(result.text == "é")
        #expect(result.problems == ["unknown charset 'x-no-such-charset' decoded as ISO-8859-1"])
    }

    @Test func decodingIsSafeOnConcurrentThreads() async {
        let input: [UInt8] = Array(repeating: [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], count: 200).flatMap { $0 }
        let expected = String(repeating: "Привет", count: 200)
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    (0..<200).allSatisfy { _ in Charset("koi8-r").decode(input).text == expected }
                }
            }
            for await ok in group { #expect(ok) }
        }
    }
}
