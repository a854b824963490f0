/// A header value as RFC 2047 encoded words, for text that is not ASCII; the encoding side of
/// ``EncodedWords``.
///
/// - ASCII text is returned unchanged: it needs no encoding.
/// - Otherwise the whole value becomes `=?UTF-8?B?…?=` words of at most 75 characters each
///   (RFC 2047 section 2), joined by a line break and a space (a fold, in the LF line endings of the
///   messages lore-digest writes), so that no header line grows past 78 characters.
/// - A word holds whole characters (grapheme clusters), as section 5 asks; a character longer than
///   one word allows is split between its Unicode scalars instead.
///
/// - Complexity: O(*n*) in the UTF-8 length of the text.
package enum HeaderEncoder {
    /// 45 bytes of UTF-8 become 60 characters of base64: with `=?UTF-8?B?` and `?=`, 72.
    static let bytesPerWord = 45

    package static func encodeIfNeeded(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        var words: [String] = []
        var chunk: [UInt8] = []
        func append(_ bytes: [UInt8]) {
            if !chunk.isEmpty && chunk.count + bytes.count > bytesPerWord {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        for character in text {
            let bytes = Array(String(character).utf8)
            if bytes.count <= bytesPerWord {
                append(bytes)
            } else {
                // Rare (long combining sequences): better a split character than an overlong word.
                for scalar in character.unicodeScalars { append(Array(String(scalar).utf8)) }
            }
        }
        if !chunk.isEmpty { words.append(word(chunk)) }
        return words.joined(separator: "\n ")
    }

    private static func word(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + base64(bytes) + "?="
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// RFC 4648 base64 with `=` padding and no line breaks.
    static func base64(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let remaining = bytes.count - index
            let first = bytes[index]
            let second = remaining > 1 ? bytes[index + 1] : 0
            let third = remaining > 2 ? bytes[index + 2] : 0
            out.append(alphabet[Int(first >> 2)])
            out.append(alphabet[Int((first & 0x03) << 4 | second >> 4)])
            out.append(remaining > 1 ? alphabet[Int((second & 0x0F) << 2 | third >> 6)] : ASCII.equals)
            out.append(remaining > 2 ? alphabet[Int(third & 0x3F)] : ASCII.equals)
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
