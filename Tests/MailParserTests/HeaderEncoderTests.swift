import Testing

@testable import MailParser

@Suite struct HeaderEncoderTests {
    @Test(arguments: ["", "WIDGET mailing list update from 1234567 to 89abcde", "tab\tand = ? signs =?x?="])
    func asciiIsLeftAsItIs(text: String) {
        #expect(HeaderEncoder.encodeIfNeeded(text) == text)
    }

    @Test func shortTextIsOneBase64Word() {
        #expect(HeaderEncoder.encodeIfNeeded("日本語") == "=?UTF-8?B?5pel5pys6Kqe?=")
        #expect(HeaderEncoder.encodeIfNeeded("WIDGET-Ü") == "=?UTF-8?B?V0lER0VULcOc?=")
    }

    @Test(arguments: [
        "WIDGET-Ü mailing list update from 1234567 to 89abcde",
        "Ünïcödé " + String(repeating: "日本語", count: 30),
        String(repeating: "Ω", count: 100) + " and ASCII after it, long enough for several words",
        "emoji 👩‍👩‍👧‍👦 family and flags 🇩🇪🇫🇷 " + String(repeating: "é", count: 50),
        "e" + String(repeating: "\u{0301}", count: 40) + " one character of 81 bytes",
    ])
    func roundTripsThroughTheDecoderInWordsOfAtMost75Characters(text: String) {
        let encoded = HeaderEncoder.encodeIfNeeded(text)
        #expect(EncodedWords.decode(Array(encoded.utf8)) == text)
        let words = encoded.split(separator: "\n ")
        #expect(words.count > 1 || text.utf8.count <= HeaderEncoder.bytesPerWord)
        for word in words {
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            #expect(word.utf8.count <= 75)
            #expect(word.utf8.count > "=?UTF-8?B??=".utf8.count)
        }
    }

    @Test func wordsHoldWholeCharacters() {
        // 44 ASCII bytes then a 2-byte é: split by bytes, the é would straddle both words.
        let text = String(repeating: "a", count: 44) + "éx"
        let words = HeaderEncoder.encodeIfNeeded(text).split(separator: "\n ").map { word in
            EncodedWords.decode(Array(word.utf8))
        }
        #expect(words == [String(repeating: "a", count: 44), "éx"])
    }

    @Test(arguments: 0...7)
    func base64IsRFC4648WithPadding(length: Int) {
        let bytes = Array("any carnal pleasure.".utf8.prefix(length))
        let expected = ["", "YQ==", "YW4=", "YW55", "YW55IA==", "YW55IGM=", "YW55IGNh", "YW55IGNhcg=="][length]
        #expect(HeaderEncoder.base64(bytes) == expected)
        #expect(TransferDecoding.base64(Array(expected.utf8)) == bytes)
    }
}
