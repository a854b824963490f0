package import MailParser

/// One trailer line of a commit message or review: `Reviewed-by: Jane Doe <jane@example.org>`.
///
/// Person trailers (`Signed-off-by`, `Reviewed-by`, `Acked-by`, `Tested-by`, `Reported-by`,
/// `Suggested-by`, `Co-developed-by`, any other `*-by`, and `Cc`) carry a mailbox. Utility
/// trailers (`Fixes`, `Link`, `Closes`, `Change-Id`, `Message-ID`, `Base-commit`) carry a value.
/// Other `Name: value` lines are not trailers: they are too often prose (`Note: ...`).
package struct Trailer: Sendable, Hashable {
    /// The name as written, e.g. `Signed-off-by`.
    package var name: String
    /// The value, white space at either end trimmed.
    package var value: String
    /// The mailbox of a person trailer; nil for utility trailers and unparseable values.
    package var person: Mailbox?
    package var isPersonTrailer: Bool
    /// True for a trailer of a reply whose person is not the replier (b4's "mismatched" trailer):
    /// kept, but flagged. Always false for the trailers of a commit message. See
    /// `isGiven(by:)` for the rule; not part of the `messages` JSON, so a decoded trailer has it
    /// false until `isGiven(by:)` is asked again.
    package var isMismatched: Bool

    package init(name: String, value: String, person: Mailbox?, isPersonTrailer: Bool, isMismatched: Bool = false) {
        self.name = name
        self.value = value
        self.person = person
        self.isPersonTrailer = isPersonTrailer
        self.isMismatched = isMismatched
    }

    /// What a trailer says, for counting reviews: the four review trailers by name, any other
    /// person trailer as `.other`, and utility trailers (`Fixes`, `Link`, …) as `.utility`.
    package var type: TrailerType { TrailerType(key: key, isPersonTrailer: isPersonTrailer) }

    /// The name in lower case, for comparisons: `signed-off-by`.
    package var key: String { name.lowercased() }

    /// The mailbox of a person trailer's value; nil when it names no address.
    ///
    /// A name with an unquoted comma (`Liu, Yi L <yi.l.liu@intel.com>`), which an address parser
    /// reads as two addresses, is read as the text before the last `<`, and the address inside.
    static func person(in value: some StringProtocol) -> Mailbox? {
        if let mailbox = AddressParser.mailbox(from: value.utf8), mailbox.address.contains("@") { return mailbox }
        let text = Substring(value).trimmingSpaces()
        guard text.last == ">", let open = text.lastIndex(of: "<") else { return nil }
        let address = text[text.index(after: open)..<text.index(before: text.endIndex)]
        guard address.contains("@"), !address.contains(" ") else { return nil }
        return Mailbox(name: String(text[..<open].trimmingSpaces()), address: String(address))
    }

    /// Lower-case names of trailers that name a person besides the `*-by` ones.
    static let otherPersonNames: Set<String> = ["cc"]
    /// Lower-case names of utility trailers.
    static let utilityNames: Set<String> = [
        "fixes", "link", "closes", "change-id", "message-id", "base-commit",
    ]

    /// Parses one line `Name: value`; nil when the line is no known trailer.
    ///
    /// The name starts the line (no indentation), is 2 to 40 letters, digits and hyphens, and is
    /// followed by a colon and a non-empty value.
    /// Whether the bytes from `start` can open a trailer line: a letter, then letters, digits and
    /// hyphens, then a colon, within 41 bytes: the cheap test `init(line:)` begins with, for
    /// scanners that reject prose before making a `Substring` of it.
    static func mayStart(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        guard start < end, ASCII.isLetter(bytes[start]) else { return false }
        var index = start + 1
        while index < end, index - start < 41 {
            let byte = bytes[index]
            if byte == ASCII.colon { return index - start >= 2 }
            guard ASCII.isLetter(byte) || ASCII.isDigit(byte) || byte == ASCII.minus else { return false }
            index += 1
        }
        return false
    }

    package init?(line: Substring) {
        // The name: a letter, then letters, digits and hyphens, then the colon, within 41 bytes.
        // Prose fails at its first space, so this costs a few bytes per line.
        let utf8 = line.utf8
        guard let firstByte = utf8.first, ASCII.isLetter(firstByte) else { return nil }
        var colon = utf8.index(after: utf8.startIndex)
        var length = 1
        while colon < utf8.endIndex {
            let byte = utf8[colon]
            if byte == ASCII.colon { break }
            guard length < 40, ASCII.isLetter(byte) || ASCII.isDigit(byte) || byte == ASCII.minus else { return nil }
            length += 1
            colon = utf8.index(after: colon)
        }
        guard colon < utf8.endIndex, length >= 2 else { return nil }
        let name = line[line.startIndex..<colon]
        let key = name.lowercased()
        let isPerson = key.hasSuffix("-by") || Self.otherPersonNames.contains(key)
        guard isPerson || Self.utilityNames.contains(key) else { return nil }
        let value = line[line.index(after: colon)...].trimmingSpaces()
        guard !value.isEmpty else { return nil }
        self.init(
            name: String(name),
            value: String(value),
            person: isPerson ? Self.person(in: value) : nil,
            isPersonTrailer: isPerson)
    }
}
