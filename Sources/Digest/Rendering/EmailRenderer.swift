package import Foundation
internal import MailParser

/// The report as an RFC 5322 message, ready for `sendmail -t` or `git send-email`-style tools:
/// the text report as a UTF-8 `text/plain` body, the title as the Subject (RFC 2047-encoded when
/// it is not ASCII).
package struct EmailRenderer: ReportRenderer {
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
        let subject = ReportWording.title(listName: report.listName, range: ReportWording.range(report.selection))
        // SMTP allows lines of at most 998 octets; only then is quoted-printable worth its noise.
        let needsQuotedPrintable = body.split(separator: "\n").contains { $0.utf8.count > 998 }
        var headers = [
            "From: \(Self.headerSafe(from))"
        ]
        if let to { headers.append("To: \(Self.headerSafe(to))") }
        headers += [
            "Subject: \(HeaderEncoder.encodeIfNeeded(Self.headerSafe(subject)))",
            "Date: \(Self.rfc5322Date(date))",
            "Message-ID: <lore-digest-\(Int(date.timeIntervalSince1970))-\(UUID().uuidString.lowercased())@localhost>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: \(needsQuotedPrintable ? "quoted-printable" : "8bit")",
        ]
        let encodedBody = needsQuotedPrintable ? QuotedPrintableEncoder.encode(body) : body
        return headers.joined(separator: "\n") + "\n\n" + encodedBody
    }

    /// A header value cannot carry a line end: one would let text inject headers. The subject
    /// holds the list name (from mail's List-Id) and an mbox file's name, so every line end
    /// (LF, CR, CRLF, NEL, U+2028, U+2029) and other control character becomes a space.
    static func headerSafe(_ value: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in value.terminalSafe.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator: scalars.append(" ")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
