// TEMPORARY stand-in for the MailParser API while branch `mailparser` is not ready.
// Remove as soon as `git merge mailparser` brings the real types.
package struct Mailbox: Sendable, Hashable, Codable {
    package var name: String
    package var address: String
    package init(name: String, address: String) {
        self.name = name
        self.address = address
    }
}

package enum AddressParser {
    package static func mailbox(from value: some Collection<UInt8>) -> Mailbox? {
        let text = EncodedWords.decode(value)
        if let open = text.lastIndex(of: "<"), let close = text[open...].firstIndex(of: ">") {
            var name = text[..<open].trimmingSpaces()
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = name.dropFirst().dropLast() }
            return Mailbox(name: String(name), address: String(text[text.index(after: open)..<close]))
        }
        let address = text.trimmingSpaces()
        guard address.contains("@") else { return nil }
        return Mailbox(name: "", address: String(address))
    }
}

package enum EncodedWords {
    package static func decode(_ value: some Collection<UInt8>) -> String {
        String(decoding: Array(value), as: UTF8.self)
    }
}
