/// RFC 5322 address lists as real mailers write them.
///
/// Accepted forms: `Name <addr>`, `"Quoted, Name" <addr>` (backslash escapes), `addr (Comment)`
/// (the comment is the name when there is no other), bare `addr`, `<addr>`, groups
/// (`undisclosed-recipients:;`, `team: a@x, b@y;`), obsolete routes `<@relay:addr>`, and RFC 2047
/// encoded words in names, also inside quotes. Names such as `Jane via List` are left as they are.
/// Addresses keep their case; names are trimmed with white space collapsed and may be empty.
///
/// - Complexity: O(*n*); comments nest through a counter, not recursion.
package enum AddressParser {
    package static func mailbox(from value: some Collection<UInt8>) -> Mailbox? {
        mailboxes(from: value, first: true).first
    }

    package static func mailboxes(from value: some Collection<UInt8>) -> [Mailbox] {
        mailboxes(from: value, first: false)
    }

    private struct Item {
        var phrase: [UInt8] = []
        var comment: [UInt8] = []
        var angle: [UInt8]? = nil

        var isEmpty: Bool { phrase.isEmpty && comment.isEmpty && angle == nil }
    }

    private static func mailboxes(from value: some Collection<UInt8>, first: Bool) -> [Mailbox] {
        let bytes = HeaderText.unfold(value)
        var result: [Mailbox] = []
        var item = Item()
        var inGroup = false
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            switch byte {
            case ASCII.quote:
                index += 1
                while index < count, bytes[index] != ASCII.quote {
                    if bytes[index] == ASCII.backslash, index + 1 < count { index += 1 }
                    if item.angle == nil { item.phrase.append(bytes[index]) }
                    index += 1
                }
                index += 1
            case ASCII.openParen:
                index = readComment(bytes, from: index, into: &item.comment)
            case ASCII.lessThan:
                var angle: [UInt8] = []
                index += 1
                while index < count, bytes[index] != ASCII.greaterThan {
                    if bytes[index] == ASCII.openParen {
                        var ignored: [UInt8] = []
                        index = readComment(bytes, from: index, into: &ignored)
                        continue
                    }
                    if !ASCII.isWhitespace(bytes[index]) { angle.append(bytes[index]) }
                    index += 1
                }
                index += 1
                item.angle = withoutRoute(angle)
            case ASCII.comma:
                if let mailbox = finish(item) {
                    result.append(mailbox)
                    if first { return result }
                }
                item = Item()
                index += 1
            case ASCII.colon where !inGroup && item.angle == nil:
                // A group name: drop it; the group's members follow.
                inGroup = true
                item = Item()
                index += 1
            case ASCII.semicolon where inGroup:
                if let mailbox = finish(item) {
                    result.append(mailbox)
                    if first { return result }
                }
                item = Item()
                inGroup = false
                index += 1
            default:
                // Words after `<addr>` are junk some mailers add ("<a@b> (sent from my phone) junk"),
                // not part of the name.
                if item.angle == nil { item.phrase.append(byte) }
                index += 1
            }
        }
        if let mailbox = finish(item) { result.append(mailbox) }
        return result
    }

    /// Reads a comment starting at `(`; nested comments are kept in the text. Returns the index after it.
    private static func readComment(_ bytes: [UInt8], from start: Int, into text: inout [UInt8]) -> Int {
        var depth = 0
        var index = start
        if !text.isEmpty { text.append(ASCII.space) }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == ASCII.backslash, index + 1 < bytes.count {
                text.append(bytes[index + 1])
                index += 2
                continue
            }
            if byte == ASCII.openParen {
                depth += 1
                if depth > 1 { text.append(byte) }
            } else if byte == ASCII.closeParen {
                depth -= 1
                if depth == 0 { return index + 1 }
                text.append(byte)
            } else {
                text.append(byte)
            }
            index += 1
        }
        return index
    }

    /// `@relay1,@relay2:user@host` becomes `user@host`.
    private static func withoutRoute(_ angle: [UInt8]) -> [UInt8] {
        guard angle.first == ASCII.at, let colon = angle.firstIndex(of: ASCII.colon) else { return angle }
        return Array(angle[(colon + 1)...])
    }

    private static func finish(_ item: Item) -> Mailbox? {
        guard !item.isEmpty else { return nil }
        if let angle = item.angle {
            var name = displayName(item.phrase)
            if name.isEmpty { name = displayName(item.comment) }
            return Mailbox(name: name, address: String(decoding: angle, as: UTF8.self))
        }
        // No angle brackets: the phrase is the address; stray words around it become the name.
        let words = item.phrase.split(whereSeparator: ASCII.isWhitespace)
        guard !words.isEmpty else { return nil }
        var addressWord = words.last(where: { $0.contains(ASCII.at) }) ?? words[words.count - 1]
        var nameWords = words.filter { $0.startIndex != addressWord.startIndex }
        if words.count > 1, !addressWord.contains(ASCII.at) {
            // `John Doe` with no address at all: keep it as a name.
            nameWords = words
            addressWord = []
        }
        var name = displayName(Array(nameWords.joined(separator: [ASCII.space])))
        if name.isEmpty { name = displayName(item.comment) }
        return Mailbox(name: name, address: String(decoding: addressWord, as: UTF8.self))
    }

    private static func displayName(_ bytes: [UInt8]) -> String {
        guard !bytes.isEmpty else { return "" }
        return HeaderText.display(bytes).text
    }
}
