import Testing

@testable import MailParser

/// A part in 7bit, 8bit, binary or an unknown encoding is charset-decoded where its bytes lie,
/// without the copy the other encodings make: each charset rule must give what base64 of the same
/// bytes gives.
@Suite struct MIMEPartPassThroughTests {
    /// A one-part mail whose body is `body` in `encoding` (`base64` encodes it first).
    private func decoded(_ body: [UInt8], charset: String?, encoding: String) -> (text: String, problems: [String]) {
        let payload = encoding == "base64" ? Self.base64(body) : body
        let charsetParameter = charset.map { "; charset=\($0)" } ?? ""
        let header = "Content-Type: text/plain\(charsetParameter)\r\nContent-Transfer-Encoding: \(encoding)\r\n\r\n"
        let raw = Array(header.utf8) + payload
        let headerBlock = HeaderParser.scan(raw, in: 0..<raw.count, allowMboxFromLine: false)
        return MIMEPart(header: headerBlock, in: raw, depth: 0).decodedText(in: raw)
    }

    private static func base64(_ bytes: [UInt8]) -> [UInt8] {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let value = chunk.enumerated().reduce(0) { $0 | (Int($1.element) << (16 - 8 * $1.offset)) }
            for position in 0..<4 {
                output.append(
                    position <= chunk.count ? alphabet[(value >> (18 - 6 * position)) & 0x3F] : UInt8(ascii: "="))
            }
            index += 3
        }
        return output
    }

    static let bodies: [[UInt8]] = [
        Array("plain ASCII\r\nReviewed-by: A <a@b>\r\n".utf8),
        Array("UTF-8: Ünïcödé, 日本\n".utf8),
        [0x4C, 0x61, 0x74, 0x69, 0x6E, 0x31, 0x3A, 0x20, 0xE9, 0xE8, 0x0A],  // "Latin1: éè" in ISO-8859-1
        [0x62, 0x61, 0x64, 0x20, 0xFF, 0xFE, 0x0D, 0x0A],  // invalid UTF-8
        [],
    ]

    @Test(arguments: [nil, "us-ascii", "utf-8", "iso-8859-1", "windows-1252", "x-unknown"] as [String?])
    func passThroughAgreesWithBase64(charset: String?) {
        for body in Self.bodies {
            let reference = decoded(body, charset: charset, encoding: "base64")
            for encoding in ["7bit", "8bit", "binary", "x-uuencode"] {
                let found = decoded(body, charset: charset, encoding: encoding)
                #expect(found.text == reference.text, "\(encoding) \(body)")
                #expect(found.problems == reference.problems, "\(encoding) \(body)")
            }
        }
    }
}
