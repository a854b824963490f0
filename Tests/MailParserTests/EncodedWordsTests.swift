import Testing

@testable import MailParser

@Suite struct EncodedWordsTests {
    @Test(arguments: [
        ("=?UTF-8?q?Philippe=20Mathieu-Daud=C3=A9?=", "Philippe Mathieu-Daudé"),
        ("=?utf-8?Q?a_b?=", "a b"),
        ("=?UTF-8?B?5pel5pys6Kqe?=", "日本語"),
        ("=?iso-8859-1?B?RGF1ZOk=?=", "Daudé"),
        ("=?ISO-8859-1?Q?Daud=e9?=", "Daudé"),
        ("=?koi8-r?B?8NLJ18XU?=", "Привет"),
        ("=?gb2312?B?1tDOxA==?=", "中文"),
        ("=?big5?B?pKSk5Q==?=", "中文"),
        ("=?shift_jis?B?k/qWe4zq?=", "日本語"),
        ("=?iso-2022-jp?B?GyRCRnxLXDhsGyhC?=", "日本語"),
        ("=?UTF-8*en?Q?hello?=", "hello"),
        ("=?utf-8?b?5pel5pys6Kqe?=", "日本語"),
    ])
    func decodesWordInCharset(encoded: String, expected: String) {
        #expect(EncodedWords.decode(bytes(encoded)) == expected)
    }

    @Test func whiteSpaceBetweenAdjacentWordsIsDropped() {
        #expect(EncodedWords.decode(bytes("=?utf-8?q?a?= \t =?utf-8?q?b?=")) == "ab")
        #expect(EncodedWords.decode(bytes("=?utf-8?q?a?=\r\n =?iso-8859-1?q?b?=")) == "ab")
    }

    @Test func whiteSpaceBetweenWordAndTextIsKept() {
        #expect(EncodedWords.decode(bytes("Re: =?utf-8?q?caf=C3=A9?= time")) == "Re: café time")
    }

    @Test func multibyteCharacterSplitAcrossWordsDecodes() {
        // "Café" with the two bytes of é in separate words, B and Q.
        #expect(EncodedWords.decode(bytes("=?UTF-8?B?Q2Fmww==?= =?UTF-8?B?qQ==?=")) == "Café")
        #expect(EncodedWords.decode(bytes("=?UTF-8?Q?Caf=C3?= =?UTF-8?Q?=A9?=")) == "Café")
    }

    @Test(arguments: [
        "=?utf-8?x?abc?=",
        "=?utf-8?q?abc",
        "=??q?abc?=",
        "=?utf-8?q?has space?=",
        "a =? b ?= c",
    ])
    func malformedWordIsKeptLiterally(text: String) {
        #expect(EncodedWords.decode(bytes(text)) == text)
    }

    @Test func invalidQEscapeIsKeptLiterally() {
        #expect(EncodedWords.decode(bytes("=?utf-8?q?100=ZZ?=")) == "100=ZZ")
    }

    @Test func raw8BitUTF8IsDecoded() {
        #expect(EncodedWords.decode(bytes("Daudé")) == "Daudé")
    }

    @Test func invalidRawBytesBecomeReplacementWithProblem() {
        let result = EncodedWords.decodeReportingProblems([0x44, 0xE9, 0x21])
        #expect(result.text == "D\u{FFFD}!")
        #expect(result.problems == ["invalid UTF-8 replaced"])
    }

    @Test func unknownCharsetFallsBackToLatin1() {
        let result = EncodedWords.decodeReportingProblems(bytes("=?x-unknown?q?Daud=E9?="))
        #expect(result.text == "Daudé")
        #expect(result.problems == ["unknown charset 'x-unknown' decoded as ISO-8859-1"])
    }

    @Test func manyUnterminatedWordsDecodeInLinearTime() {
        for unit in ["=?utf-8?q?abc", "=?utf-8?q?", "=?=?"] {
            let text = String(repeating: unit, count: 100_000)
            let unchanged = EncodedWords.decode(bytes(text)) == text
            #expect(unchanged, "\(unit) repeated")
        }
    }
}
