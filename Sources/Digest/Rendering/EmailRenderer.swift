package import Foundation
internal import MailParser
internal import PatchModel

/// The report as an RFC 5322 message, ready for `sendmail -t` or `git send-email`:
/// `multipart/alternative` with the text report and the HTML report (mail readers show the last
/// part they can, so HTML where they render it, the text elsewhere), each UTF-8 and
/// quoted-printable when a line would pass SMTP's 998 octets or holds non-ASCII (else 7bit).
///
/// Nothing from mail or options can add a header: the subject is made terminal-safe and one
/// line, then RFC 2047-encoded when not ASCII; addresses are ``EmailAddress`` values, checked
/// when parsed; the boundary is chosen to occur in neither part.
package struct EmailRenderer: ReportRenderer {
    package var from: EmailAddress
    package var to: [EmailAddress]
    package var cc: [EmailAddress]
    /// When the message is dated; fixed in tests (and by `SOURCE_DATE_EPOCH`) for repeatable output.
    package var date: Date

    package init(from: EmailAddress, to: [EmailAddress] = [], cc: [EmailAddress] = [], date: Date = Date()) {
        self.from = from
        self.to = to
        self.cc = cc
        self.date = date
    }

    package func render(_ report: Report) -> String {
        let text = TextRenderer().render(report)
        let html = HTMLRenderer().render(report)
        let subject = ReportWording.emailSubject(listName: report.listName, selection: report.selection)
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        // The Message-ID and the boundary derive from the content and the date: unique for each
        // report and moment, and the same when a test (or SOURCE_DATE_EPOCH) fixes the date.
        let fingerprint = "\(seconds)\n\(from.address)\n\(to.map(\.address))\n\(subject)\n\(text)\n\(html)"
        let digest = SHA1.digest(of: fingerprint.utf8).prefix(10).map { byte in
            String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
        }.joined()
        var boundary = "=_lore-digest_\(digest)"
        while text.contains(boundary) || html.contains(boundary) { boundary += "_" }

        var headers = ["From: \(from.headerText)"]
        if !to.isEmpty { headers.append("To: " + Self.addressList(to)) }
        if !cc.isEmpty { headers.append("Cc: " + Self.addressList(cc)) }
        headers += [
            "Subject: \(HeaderEncoder.encodeIfNeeded(Self.oneLine(subject)))",
            "Date: \(Self.rfc5322Date(date))",
            "Message-ID: <lore-digest.\(seconds).\(digest)@\(from.domain)>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
        ]
        var out = headers.joined(separator: "\n") + "\n\n"
        out += "This is a multi-part message in MIME format: the report as text and as HTML.\n"
        out += Self.part(text, subtype: "plain", boundary: boundary)
        out += Self.part(html, subtype: "html", boundary: boundary)
        out += "\n--\(boundary)--\n"
        return out
    }

    /// One part: its headers, then the body as it is (7bit) or quoted-printable.
    private static func part(_ body: String, subtype: String, boundary: String) -> String {
        let quoted = needsQuotedPrintable(body)
        var out = "\n--\(boundary)\n"
        out += "Content-Type: text/\(subtype); charset=utf-8\n"
        out += "Content-Transfer-Encoding: \(quoted ? "quoted-printable" : "7bit")\n\n"
        let encoded = quoted ? QuotedPrintableEncoder.encode(body) : body
        // The line end before the next boundary belongs to the boundary (RFC 2046 5.1.1): the
        // part keeps its own last line end.
        out += encoded.hasSuffix("\n") ? encoded : encoded + "\n"
        return out
    }

    /// A line longer than 998 octets, a byte past ASCII, or a control byte that 7bit may not
    /// carry (anything but tab and line feed).
    static func needsQuotedPrintable(_ body: String) -> Bool {
        var lineLength = 0
        for byte in body.utf8 {
            if byte == ASCII.lf {
                lineLength = 0
                continue
            }
            lineLength += 1
            if lineLength > 998 || byte >= 0x80 || (byte < 0x20 && byte != ASCII.tab) || byte == 0x7F { return true }
        }
        return false
    }

    /// `a <a@x>,\n b <b@y>`: one address a line, folded.
    private static func addressList(_ addresses: [EmailAddress]) -> String {
        addresses.map(\.headerText).joined(separator: ",\n ")
    }

    /// The subject on one line: terminal-safe, every line end (LF, CR, CRLF, NEL, U+2028, U+2029)
    /// and other control character a space. It holds the list name (from mail's List-Id) and an
    /// mbox file's name: no line end may let either inject a header.
    private static func oneLine(_ text: String) -> String {
        String(
            text.terminalSafe.unicodeScalars.map { scalar -> Character in
                switch scalar.properties.generalCategory {
                case .control, .lineSeparator, .paragraphSeparator: " "
                default: Character(scalar)
                }
            })
    }

    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
