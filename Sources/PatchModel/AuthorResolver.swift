package import MailParser
internal import Synchronization

/// Decides who sent a mail and who wrote it (report.md, "The author of a mail").
///
/// DMARC repair: some lists rewrite the header From as `Jane Doe via Virtualization
/// <virtualization@lists.linux-foundation.org>`. A From whose address is one of the list's own
/// addresses, or whose name ends in ` via <something>`, is replaced by X-Original-From, else by
/// Reply-To (each only when it is not a list address itself); a replacement without a name keeps
/// the name before ` via `. With no replacement, a From at the list's own address is no person
/// (nil: the list itself is never an author), and any other From only loses its ` via …` suffix.
package enum AuthorResolver {
    /// The list's own addresses, lower-cased: from List-Id (`kvm.vger.kernel.org` reads as
    /// `kvm@vger.kernel.org`), X-Mailing-List and List-Post (`<mailto:kvm@vger.kernel.org>`).
    package static func listAddresses(
        listID: String?, mailingList: [ArraySlice<UInt8>], listPost: [ArraySlice<UInt8>]
    ) -> Set<String> {
        if let known = lastListAddresses.withLock({ $0?.addresses(listID, mailingList, listPost) }) { return known }
        let addresses = readListAddresses(listID: listID, mailingList: mailingList, listPost: listPost)
        let answer = ListAddresses(
            listID: listID, mailingList: mailingList.map(Array.init), listPost: listPost.map(Array.init),
            addresses: addresses)
        lastListAddresses.withLock { $0 = answer }
        return addresses
    }

    /// The last answer of `listAddresses`, given again while its headers repeat, as they do from
    /// one mail of a list to the next: reading them again was 1.6% of the whole kvmarm report.
    private static let lastListAddresses = Mutex<ListAddresses?>(nil)

    private struct ListAddresses: Sendable {
        var listID: String?
        var mailingList: [[UInt8]]
        var listPost: [[UInt8]]
        var addresses: Set<String>

        /// The addresses, when the headers are these; nil otherwise.
        func addresses(_ listID: String?, _ mailingList: [ArraySlice<UInt8>], _ listPost: [ArraySlice<UInt8>])
            -> Set<String>?
        {
            guard listID == self.listID, Self.same(mailingList, self.mailingList), Self.same(listPost, self.listPost)
            else { return nil }
            return addresses
        }

        private static func same(_ values: [ArraySlice<UInt8>], _ kept: [[UInt8]]) -> Bool {
            values.count == kept.count && zip(values, kept).allSatisfy { $0.elementsEqual($1) }
        }
    }

    private static func readListAddresses(
        listID: String?, mailingList: [ArraySlice<UInt8>], listPost: [ArraySlice<UInt8>]
    ) -> Set<String> {
        var addresses: Set<String> = []
        if let listID, let dot = listID.firstIndex(of: ".") {
            let local = listID[..<dot]
            let domain = listID[listID.index(after: dot)...]
            if !local.isEmpty, domain.contains(".") { addresses.insert("\(local)@\(domain)".lowercased()) }
        }
        for value in mailingList {
            if let address = listAddress(in: value) { addresses.insert(address) }
        }
        for value in listPost {
            if let address = listAddress(in: value) { addresses.insert(address) }
        }
        return addresses
    }

    /// The address in `<mailto:a@b?subject=x>`, `<a@b>` or `a@b (comment)`, lower-cased.
    static func listAddress(in value: ArraySlice<UInt8>) -> String? {
        if value.allSatisfy({ $0 < 0x80 }) { return asciiListAddress(in: value) }
        var text = Substring(String(decoding: value, as: UTF8.self))
        if let mailto = text.firstRange(of: "mailto:") { text = text[mailto.upperBound...] }
        text = text.drop(while: { $0 == "<" || $0.isWhitespace })
        let address = text.prefix(while: { !($0 == ">" || $0 == "?" || $0 == "(" || $0.isWhitespace || $0 == ",") })
        return address.contains("@") ? address.lowercased() : nil
    }

    /// `listAddress(in:)` over ASCII bytes, without building Strings for what it skips: the same
    /// rules, as in ASCII every Character is one byte (CRLF aside, which is white space either way).
    private static func asciiListAddress(in value: ArraySlice<UInt8>) -> String? {
        func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        let mailto = Self.mailto
        var start = value.startIndex
        if let found = value.indices.first(where: { value[$0...].starts(with: mailto) }) {
            start = found + mailto.count
        }
        while start < value.endIndex, value[start] == 0x3C || isWhitespace(value[start]) { start += 1 }  // <
        var end = start
        var hasAt = false
        while end < value.endIndex {
            let byte = value[end]
            // > ? ( ,
            if byte == 0x3E || byte == 0x3F || byte == 0x28 || byte == 0x2C || isWhitespace(byte) { break }
            if byte == 0x40 { hasAt = true }
            end += 1
        }
        guard hasAt else { return nil }
        return ASCII.lowercasedString(value[start..<end])
    }

    private static let mailto = Array("mailto:".utf8)

    /// The sender after DMARC repair, and a note when the repair could not find the person.
    package static func repairedSender(
        from: Mailbox?, replyTo: Mailbox?, originalFrom: Mailbox?, listAddresses: Set<String>
    ) -> (sender: Mailbox?, problem: String?) {
        guard let from else { return (nil, nil) }
        let isListAddress = listAddresses.contains(from.address.lowercased())
        let nameBeforeVia = nameWithoutVia(from.name)
        guard isListAddress || nameBeforeVia != nil else { return (from, nil) }

        let plainName = nameBeforeVia ?? from.name
        for candidate in [originalFrom, replyTo] {
            guard let candidate, candidate.address.contains("@"),
                !listAddresses.contains(candidate.address.lowercased())
            else { continue }
            return (Mailbox(name: candidate.name.isEmpty ? plainName : candidate.name, address: candidate.address), nil)
        }
        if isListAddress {
            return (
                nil,
                "header From: <\(from.address)> is the list's own address and neither X-Original-From: nor "
                    + "Reply-To: names the sender; the mail has no author"
            )
        }
        return (Mailbox(name: plainName, address: from.address), nil)
    }

    /// `'Jane Doe' via kasan-dev` → `Jane Doe`; nil when the name does not end in ` via <something>`.
    static func nameWithoutVia(_ name: String) -> String? {
        guard let via = lastVia(in: name), !name[via.upperBound...].trimmingSpaces().isEmpty else { return nil }
        var before = name[..<via.lowerBound].trimmingSpaces()
        if before.count >= 2, let first = before.first, first == "'" || first == "\"", before.last == first {
            before = before.dropFirst().dropLast()
        }
        return String(before)
    }

    /// The last ` via ` in the name, found on its bytes: every mail's sender name is checked, and
    /// the generic `ranges(of:)` was a per-mail cost in the whole-archive profile.
    private static func lastVia(in name: String) -> Range<String.Index>? {
        let utf8 = name.utf8
        let pattern: [UInt8] = [0x20, 0x76, 0x69, 0x61, 0x20]  // " via "
        guard utf8.count >= pattern.count else { return nil }
        var start = utf8.index(utf8.endIndex, offsetBy: -pattern.count)
        while true {
            if utf8[start...].starts(with: pattern) {
                return start..<utf8.index(start, offsetBy: pattern.count)
            }
            guard start > utf8.startIndex else { return nil }
            start = utf8.index(before: start)
        }
    }
}
