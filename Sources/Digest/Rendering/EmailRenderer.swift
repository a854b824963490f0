package import Foundation

/// The report as an RFC 5322 message, ready for `sendmail -t` or `git send-email`-style tools:
/// the text report as a UTF-8 `text/plain` body, the title as the Subject (RFC 2047-encoded when
/// it is not ASCII).
package struct EmailRenderer: Sendable {
    /// The `From:` and `To:` header values; `To:` is left out when nil.
    package var from: String
    package var to: String?
    /// When the message is dated; a parameter so that tests are repeatable.
    package var date: Date

    package init(from: String = "lore-digest <lore-digest@localhost>", to: String? = nil, date: Date = Date()) {
        self.from = from
        self.to = to
        self.date = date
    }

    package func render(_ report: Report) -> String {
        let body = TextRenderer().render(report)
        let subject = "\(report.listName) mailing list update from \(TextRenderer.rangeDescription(report.selection))"
        // SMTP allows lines of at most 998 octets; only then is quoted-printable worth its noise.
        let needsQuotedPrintable = body.split(separator: "\n").contains { $0.utf8.count > 998 }
        var headers = [
            "From: \(Self.headerSafe(from))",
        ]
        if let to { headers.append("To: \(Self.headerSafe(to))") }
        headers += [
            "Subject: \(Self.encodedWordIfNeeded(subject.terminalSafe))",
            "Date: \(Self.rfc5322Date(date))",
            "Message-ID: <lore-digest-\(Int(date.timeIntervalSince1970))-\(UUID().uuidString.lowercased())@localhost>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: \(needsQuotedPrintable ? "quoted-printable" : "8bit")",
        ]
        let encodedBody = needsQuotedPrintable ? Self.quotedPrintable(body) : body
        return headers.joined(separator: "\n") + "\n\n" + encodedBody
    }

    /// A header value cannot carry a line break: one would let text inject headers.
    private static func headerSafe(_ value: String) -> String {
        String(value.terminalSafe.map { $0 == "\n" ? " " : $0 })
    }

    /// `=?UTF-8?B?…?=` words of at most 75 characters each, split on character boundaries.
    static func encodedWordIfNeeded(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        var words: [String] = []
        var chunk: [UInt8] = []
        // 45 bytes of UTF-8 become 60 characters of base64: with `=?UTF-8?B?` and `?=`, 72.
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=") }
        return words.joined(separator: "\n ")
    }

    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }

    /// RFC 2045 quoted-printable with soft line breaks before 76 characters.
    static func quotedPrintable(_ text: String) -> String {
        var out = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var width = 0
            let bytes = Array(line.utf8)
            for (index, byte) in bytes.enumerated() {
                let isLast = index == bytes.count - 1
                let literal =
                    (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || (!isLast && (byte == 0x20 || byte == 0x09))
                let piece = literal ? String(UnicodeScalar(byte)) : String(format: "=%02X", byte)
                if width + piece.count > 75 {
                    out += "=\n"
                    width = 0
                }
                out += piece
                width += piece.count
            }
            out += "\n"
        }
        return out.hasSuffix("\n\n") ? String(out.dropLast()) : out
    }
}
