/// Message-ID, In-Reply-To and References values.
///
/// Ids are the text inside `<>` with white space removed. When a value has no angle brackets at
/// all, its white-space separated words that contain `@` are taken instead (some mailers omit
/// the brackets). Comments in parentheses are skipped.
package enum MessageID {
    /// Every id in the value, in order.
    package static func ids(in value: some Collection<UInt8>) -> [String] {
        // One allocation per id (its string) on the common path: a References header of a long
        // thread names dozens, and every message's headers are read this way.
        value.withContiguousStorageIfAvailable(ids(in:)) ?? Array(value).withUnsafeBufferPointer(ids(in:))
    }

    private static func ids(in bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var ids: [String] = []
        ids.reserveCapacity(bytes.reduce(0) { $0 + ($1 == ASCII.lessThan ? 1 : 0) })
        var index = 0
        var sawAngle = false
        while index < bytes.count {
            switch bytes[index] {
            case ASCII.lessThan:
                sawAngle = true
                index += 1
                let start = index
                var hasWhitespace = false
                while index < bytes.count, bytes[index] != ASCII.greaterThan, bytes[index] != ASCII.lessThan {
                    if ASCII.isWhitespace(bytes[index]) { hasWhitespace = true }
                    index += 1
                }
                let inside = UnsafeBufferPointer(rebasing: bytes[start..<index])
                if index < bytes.count, bytes[index] == ASCII.greaterThan {
                    index += 1
                }
                if hasWhitespace {
                    let id = inside.filter { !ASCII.isWhitespace($0) }
                    if !id.isEmpty { ids.append(Charset.decodeUTF8(id).string) }
                } else if !inside.isEmpty {
                    ids.append(Charset.decodeUTF8(inside).string)
                }
            case ASCII.openParen:
                var depth = 0
                while index < bytes.count {
                    if bytes[index] == ASCII.openParen { depth += 1 }
                    if bytes[index] == ASCII.closeParen {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    index += 1
                }
                index += 1
            default:
                index += 1
            }
        }
        if sawAngle { return ids }
        for word in bytes.split(whereSeparator: ASCII.isWhitespace) where word.contains(ASCII.at) {
            ids.append(Charset.decodeUTF8(word).string)
        }
        return ids
    }

    /// The value as one id when it is a single word with neither `<>` nor `@`, or nil.
    package static func bareWord(in value: some Collection<UInt8>) -> String? {
        let words = Array(value).split(whereSeparator: ASCII.isWhitespace)
        guard words.count == 1, let word = words.first, !word.contains(ASCII.lessThan),
            !word.contains(ASCII.greaterThan), word.count <= 998
        else { return nil }
        return Charset.decodeUTF8(word).string
    }

    /// The first id in the value, or nil.
    package static func first(in value: some Collection<UInt8>) -> String? {
        ids(in: value).first
    }
}
