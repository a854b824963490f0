internal import MailParser

/// One address of the e-mail's `From:`, `To:` or `Cc:`: what `--email-from`, `--email-to` and
/// `--email-cc` (or git config's `sendemail.from`, `user.name` and `user.email`) give.
///
/// Values come from the user, so they are checked rather than trusted: an address must be
/// `local@domain` with a dot-atom local part and a host name of letters, digits, `-` and `.`; a
/// name may be anything printable on one line and is quoted or RFC 2047-encoded when written.
package struct EmailAddress: Sendable, Equatable {
    package var name: String
    package var address: String

    package init?(name: String, address: String) {
        guard Self.isValidAddress(address), !name.unicodeScalars.contains(where: Self.isControl) else { return nil }
        self.name = name
        self.address = address
    }

    /// The addresses of `value`: one (`Jane Doe <jane@example.org>`, `jane@example.org`) or a
    /// comma-separated list (commas inside a quoted name do not split); nil when any of them does
    /// not parse, or there is none.
    package static func list(_ value: String) -> [EmailAddress]? {
        guard !value.unicodeScalars.contains(where: isControl) else { return nil }
        var result: [EmailAddress] = []
        for piece in splitOnCommas(value) where !piece.allSatisfy(\.isWhitespace) {
            let mailboxes = AddressParser.mailboxes(from: Array(piece.utf8))
            guard mailboxes.count == 1, let mailbox = mailboxes.first,
                Self.looksWhole(piece, address: mailbox.address),
                let address = EmailAddress(name: mailbox.name, address: mailbox.address)
            else { return nil }
            result.append(address)
        }
        return result.isEmpty ? nil : result
    }

    /// `Jane Doe <jane@example.org>` from git config's `user.name` and `user.email`.
    package static func identity(name: String?, email: String) -> EmailAddress? {
        EmailAddress(name: name ?? "", address: email.trimmingSpaces)
    }

    /// The header form: `Jane Doe <jane@example.org>`, `"Doe, Jane" <…>` when the name holds
    /// specials, `=?UTF-8?B?…?= <…>` when it is not ASCII, the address alone without a name.
    package var headerText: String {
        let trimmed = name.trimmingSpaces
        guard !trimmed.isEmpty else { return address }
        let phrase: String
        if trimmed.utf8.contains(where: { $0 >= 0x80 }) {
            phrase = HeaderEncoder.encodeIfNeeded(trimmed)
        } else if trimmed.utf8.allSatisfy(Self.isAtomOrSpace) {
            phrase = trimmed
        } else {
            phrase = "\"" + trimmed.replacingBackslashAndQuote + "\""
        }
        return "\(phrase) <\(address)>"
    }

    /// The domain, for the Message-ID.
    package var domain: String {
        String(address[address.index(after: address.lastIndex(of: "@") ?? address.startIndex)...])
    }

    /// The parser is lenient with mail; a value the user typed must have been read whole (a
    /// stray word such as `jane@example.org junk` is refused, not silently dropped).
    private static func looksWhole(_ piece: Substring, address: String) -> Bool {
        let text = piece.trimmingSpaces
        if text == address { return true }
        guard text.hasSuffix(">"), let open = text.lastIndex(of: "<") else { return false }
        return text[text.index(after: open)..<text.index(before: text.endIndex)].trimmingSpaces == address
    }

    static func isValidAddress(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last, !local.isEmpty,
            local.utf8.count <= 64, domain.utf8.count <= 253
        else { return false }
        let localOK =
            local.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { atom in
                !atom.isEmpty && atom.utf8.allSatisfy(isAtomText)
            }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        let domainOK = labels.allSatisfy { label in
            !label.isEmpty && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.utf8.allSatisfy { isLetterOrDigit($0) || $0 == UInt8(ascii: "-") }
        }
        return localOK && domainOK
    }

    /// RFC 5322 `atext`.
    private static func isAtomText(_ byte: UInt8) -> Bool {
        isLetterOrDigit(byte) || "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
    }

    private static func isAtomOrSpace(_ byte: UInt8) -> Bool {
        isAtomText(byte) || byte == UInt8(ascii: " ") || byte == UInt8(ascii: ".")
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator, .format: true
        default: false
        }
    }

    /// Splits on commas outside double quotes and angle brackets.
    private static func splitOnCommas(_ value: String) -> [Substring] {
        var pieces: [Substring] = []
        var start = value.startIndex
        var inQuotes = false
        var inAngle = false
        var escaped = false
        for index in value.indices {
            let character = value[index]
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\\" where inQuotes: escaped = true
            case "\"": inQuotes.toggle()
            case "<" where !inQuotes: inAngle = true
            case ">" where !inQuotes: inAngle = false
            case "," where !inQuotes && !inAngle:
                pieces.append(value[start..<index])
                start = value.index(after: index)
            default: break
            }
        }
        pieces.append(value[start...])
        return pieces
    }
}

extension StringProtocol {
    fileprivate var trimmingSpaces: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }

    fileprivate var replacingBackslashAndQuote: String {
        var out = ""
        for character in self {
            if character == "\\" || character == "\"" { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
