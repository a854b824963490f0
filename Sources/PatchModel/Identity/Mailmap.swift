package import MailParser

/// git's `.mailmap` (gitmailmap(5)): one person's many names and addresses, mapped to one.
///
/// The four line forms, read exactly as git's `mailmap.c` reads them:
/// - `Proper Name <commit@email>`: the name for every mail from that address;
/// - `<proper@email> <commit@email>`: the address;
/// - `Proper Name <proper@email> <commit@email>`: both;
/// - `Proper Name <proper@email> Commit Name <commit@email>`: both, but only for mails whose name is
///   `Commit Name` too.
///
/// Matching: the commit address and the commit name are compared without ASCII case (git uses
/// strcasecmp for both). When an address has name-form entries and none names the sender, its
/// plain entry (if any) applies. Later lines win: a plain line replaces only the parts it gives
/// (so `Jane <j@x>` then `<jane@y> <j@x>` maps to `Jane <jane@y>`), a name-form line replaces its
/// whole entry. A line starting with `#` is a comment; text after the last address is ignored,
/// as git ignores it (a `# comment` there is fine, anything else is reported).
package struct Mailmap: Sendable, Hashable {
    /// What a match replaces; nil keeps the mail's own value.
    struct Replacement: Sendable, Hashable {
        var name: String?
        var address: String?
    }

    /// Everything said about one commit address (git's `mailmap_entry`).
    struct Entry: Sendable, Hashable {
        var plain = Replacement()
        /// Name-form entries, keyed by the ASCII-lower-cased commit name.
        var byCommitName: [String: Replacement] = [:]
    }

    /// Keyed by the ASCII-lower-cased commit address.
    private(set) var entries: [String: Entry] = [:]

    package init() {}

    package var isEmpty: Bool { entries.isEmpty }

    /// The person a mailbox stands for: the mailbox itself when no line matches it.
    package func resolve(_ person: Mailbox) -> Mailbox {
        guard let entry = entries[person.address.asciiLowercased] else { return person }
        let replacement = entry.byCommitName[person.name.asciiLowercased] ?? entry.plain
        return Mailbox(name: replacement.name ?? person.name, address: replacement.address ?? person.address)
    }

    /// Adds the lines of a later file, as git does when it reads several mailmaps into one map.
    package mutating func merge(_ later: Mailmap) {
        for (address, laterEntry) in later.entries {
            var entry = entries[address] ?? Entry()
            if let name = laterEntry.plain.name { entry.plain.name = name }
            if let address = laterEntry.plain.address { entry.plain.address = address }
            entry.byCommitName.merge(laterEntry.byCommitName) { _, later in later }
            entries[address] = entry
        }
    }

    /// Records one line (git's `add_mapping`): with no commit address, the only address on the
    /// line is the commit address and the line gives a name only.
    mutating func add(
        properName: String?, properAddress: String?, commitName: String?, commitAddress: String?
    ) {
        var newAddress = properAddress
        var oldAddress = commitAddress
        if oldAddress == nil {
            oldAddress = newAddress
            newAddress = nil
        }
        guard let key = oldAddress?.asciiLowercased else { return }
        var entry = entries[key] ?? Entry()
        if let commitName {
            entry.byCommitName[commitName.asciiLowercased] = Replacement(name: properName, address: newAddress)
        } else {
            if let properName { entry.plain.name = properName }
            if let newAddress { entry.plain.address = newAddress }
        }
        entries[key] = entry
    }
}
