/// Where each message of a report can be read on the archive's web view: the archive's address
/// (`https://lore.kernel.org/kvm/`), then the Message-ID escaped as public-inbox escapes it, then
/// a `/`: `<20251006.1234-1-jane@example.org>` is
/// `https://lore.kernel.org/kvm/20251006.1234-1-jane@example.org/` (`@` stays, `/` is `%2F`).
///
/// The address comes, first found wins, from `--archive-url`, git config's
/// `lore-digest.archiveUrl`, the range's `List-Archive:` header, or `https://lore.kernel.org/<list>/`
/// with the List-Id's first label. Only `http` and `https` addresses are taken: an address from mail
/// is untrusted, and a `javascript:` one would run in a reader's browser.
package struct MessageLinks: Sendable, Equatable {
    /// The archive's address, always ending in `/`.
    package let base: String

    /// `base` when it is an `http`/`https` URL without white space, quotes, angle brackets or
    /// control characters (a `/` is added when it lacks one); nil otherwise.
    package init?(base: String) {
        guard let checked = Self.checkedURL(base) else { return nil }
        self.base = checked.hasSuffix("/") ? checked : checked + "/"
    }

    /// The web view of the message `messageID` (with or without its angle brackets).
    package func url(for messageID: String) -> String {
        base + Self.escape(messageID: messageID) + "/"
    }

    /// The first usable address, in the order the option, the setting, the header and the default
    /// are tried; nil when none is usable (no List-Id and nothing else given).
    package static func choose(
        option: String?, setting: String?, listArchive: String?, listID: String?
    ) -> MessageLinks? {
        if let option, let links = MessageLinks(base: option) { return links }
        if let setting, let links = MessageLinks(base: setting) { return links }
        if let listArchive, let url = firstURL(ofListArchive: listArchive), let links = MessageLinks(base: url) {
            return links
        }
        guard let listID, let label = listID.split(separator: ".").first, !label.isEmpty else { return nil }
        return MessageLinks(base: "https://lore.kernel.org/" + escape(messageID: String(label)) + "/")
    }

    /// The first `<…>` of a `List-Archive:` value (RFC 2369: `<https://lore.kernel.org/kvm/>`,
    /// possibly several, comma-separated, with comments) that is an `http`/`https` URL.
    package static func firstURL(ofListArchive value: String) -> String? {
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "<") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: ">") else { return nil }
            let candidate = rest[afterOpen..<close].trimmingSpaces
            if let checked = checkedURL(String(candidate)), !isMailmanArchive(checked) { return checked }
            rest = rest[rest.index(after: close)...]
        }
        return nil
    }

    /// A Mailman archive (pipermail, HyperKitty) serves pages by date and number, not by
    /// Message-ID: a link built on it would lead nowhere. kvmarm's mails name
    /// `https://lists.cs.columbia.edu/pipermail/kvmarm`, whose messages lore also serves.
    static func isMailmanArchive(_ url: String) -> Bool {
        let lowered = url.lowercased()
        return ["/pipermail/", "/mailman/", "/hyperkitty/", "/archives/list/"].contains {
            lowered.contains($0) || lowered.hasSuffix(String($0.dropLast()))
        }
    }

    /// The URL when it is `http://` or `https://` followed by a host, and holds only printable
    /// ASCII but space, quotes, angle brackets, backslash and backtick (which would end or break out
    /// of an attribute or a Markdown link).
    static func checkedURL(_ text: String) -> String? {
        let lowered = text.lowercased()
        let scheme = lowered.hasPrefix("https://") ? 8 : (lowered.hasPrefix("http://") ? 7 : 0)
        guard scheme > 0, text.utf8.count > scheme else { return nil }
        let allowed = text.utf8.allSatisfy { byte in
            byte > 0x20 && byte < 0x7F && !"\"'<>\\`{}|^".utf8.contains(byte)
        }
        guard allowed, text.utf8.dropFirst(scheme).first != UInt8(ascii: "/") else { return nil }
        return text
    }

    /// A Message-ID as a path segment, as public-inbox writes it (`PublicInbox::MID::mid_escape`):
    /// angle brackets stripped, every UTF-8 byte outside `A-Za-z0-9-._~!$&'()*+,;=:@` written as
    /// `%XX` (upper-case hex), so `/` is `%2F`, `%` is `%25` and a space `%20`.
    package static func escape(messageID: String) -> String {
        var id = Substring(messageID).trimmingSpaces
        if id.utf8.count >= 2 && id.hasPrefix("<") && id.hasSuffix(">") { id = id.dropFirst().dropLast() }
        if id.utf8.allSatisfy({ keptBytes[Int($0)] }) { return String(id) }
        var out: [UInt8] = []
        out.reserveCapacity(id.utf8.count + 8)
        for byte in id.utf8 {
            if keptBytes[Int(byte)] {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// For each byte value, whether a path segment keeps it as it is (every Message-ID of a
    /// report is escaped, so this is a table, not a search of the list per byte).
    private static let keptBytes: [Bool] = (0...255).map { value in
        let byte = UInt8(value)
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default: return "-._~!$&'()*+,;=:@".utf8.contains(byte)
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}
