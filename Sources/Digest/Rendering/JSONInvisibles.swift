package import Foundation

/// Escapes, in encoded JSON, the characters JSONEncoder writes raw but that a terminal or an
/// editor acts on: C1 controls (U+0080-009F, e.g. U+009B, an 8-bit CSI), bidirectional formatting
/// (U+202A-202E, U+2066-2069, U+200E/200F, U+061C) and the line separators U+2028/2029. They can
/// only stand inside JSON strings, where `\uXXXX` means the same character, so the document's
/// value is unchanged; only its bytes become safe to print.
package enum JSONInvisibles {
    /// `json` with those characters written as `\uXXXX`.
    /// - Complexity: O(*n*); a document without a 0xC2, 0xD8 or 0xE2 byte is returned as is.
    package static func escaped(_ json: Data) -> Data {
        guard json.contains(where: { $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 }) else { return json }
        let bytes = [UInt8](json)
        var output = [UInt8]()
        output.reserveCapacity(bytes.count + 64)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if let (scalar, length) = invisible(at: index, in: bytes) {
                output.append(contentsOf: Array("\\u".utf8))
                let hex = String(scalar, radix: 16)
                output.append(contentsOf: Array((String(repeating: "0", count: 4 - hex.count) + hex).utf8))
                index += length
            } else {
                output.append(byte)
                index += 1
            }
        }
        return Data(output)
    }

    /// The scalar and its UTF-8 length when the bytes at `index` encode one to escape.
    private static func invisible(at index: Int, in bytes: [UInt8]) -> (UInt32, Int)? {
        let byte = bytes[index]
        if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
            return (UInt32(bytes[index + 1]), 2)
        }
        if byte == 0xD8, index + 1 < bytes.count, bytes[index + 1] == 0x9C { return (0x061C, 2) }
        guard byte == 0xE2, index + 2 < bytes.count else { return nil }
        let scalar =
            (UInt32(byte & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F)
        switch scalar {
        case 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return (scalar, 3)
        default: return nil
        }
    }
}
