/// One mail, parsed lazily from its raw bytes.
///
/// The initializer never throws: it splits the header block from the body once and indexes the
/// header fields as byte ranges. Each property decodes its header only when asked, so a header
/// nobody reads costs no String. Anything odd is reported in ``problems``, never thrown.
package struct MailMessage: Sendable {
    /// The raw message as given.
    package let bytes: [UInt8]
    /// The header fields and where the body starts.
    package let header: HeaderBlock
    package let limits: MailParseLimits

    package init(bytes: [UInt8]) {
        self.init(bytes: bytes, limits: .standard)
    }

    package init(bytes: [UInt8], limits: MailParseLimits) {
        self.bytes = bytes
        self.limits = limits
        self.header = HeaderParser.scan(bytes, in: 0..<bytes.count, allowMboxFromLine: true, limits: limits)
    }

    /// False when the bytes do not start with a header block (garbage, or a bare body).
    package var hasHeaderBlock: Bool { header.hasHeaderBlock }

    /// What was wrong with the message and how it was handled.
    ///
    /// Computed on each call: it includes checks of Subject, From, Message-ID and Date, which
    /// decode those headers. Problems of the body are in ``bodyText()``'s result.
    package var problems: [String] {
        if bytes.isEmpty { return ["empty message"] }
        var problems = header.problems
        guard hasHeaderBlock else { return problems }
        if let raw = firstValue(MailMessage.subjectName) {
            for problem in HeaderText.display(raw).problems { problems.append("\(problem) in Subject") }
        } else {
            problems.append("no Subject header")
        }
        if firstValue(MailMessage.fromName) == nil { problems.append("no From header") }
        if let raw = firstValue(MailMessage.messageIDName) {
            if MessageID.first(in: raw) == nil {
                problems.append(
                    MessageID.bareWord(in: raw) == nil
                        ? "unusable Message-ID header ignored" : "Message-ID without angle brackets taken as it is")
            }
        } else {
            problems.append("no Message-ID header")
        }
        if let raw = firstValue(MailMessage.dateName) {
            if MailDate(headerValue: HeaderText.unfold(raw)) == nil {
                let text = Charset.decodeUTF8(raw.prefix(80)).string.collapsingWhitespace()
                problems.append("unparseable Date '\(text)'")
            }
        } else {
            problems.append("no Date header")
        }
        return problems
    }

    /// The raw values of every field called `name` (any case), still folded.
    package func values(of name: String) -> [ArraySlice<UInt8>] {
        header.values(of: name.utf8, in: bytes)
    }

    /// The raw value of the first field called `name` (any case), still folded.
    package func value(of name: String) -> ArraySlice<UInt8>? {
        header.firstValue(of: name.utf8, in: bytes)
    }

    /// The first value of `name`, unfolded, RFC 2047-decoded, white space collapsed and trimmed.
    package func decodedValue(of name: String) -> String? {
        value(of: name).map { HeaderText.display($0).text }
    }

    package var subject: String? { firstValue(MailMessage.subjectName).map { HeaderText.display($0).text } }
    package var from: Mailbox? { firstValue(MailMessage.fromName).flatMap(AddressParser.mailbox(from:)) }
    package var replyTo: Mailbox? { firstValue(MailMessage.replyToName).flatMap(AddressParser.mailbox(from:)) }
    package var originalFrom: Mailbox? {
        firstValue(MailMessage.originalFromName).flatMap(AddressParser.mailbox(from:))
    }
    /// Every mailbox of every To field, in order.
    package var to: [Mailbox] { values(of: "To").flatMap(AddressParser.mailboxes(from:)) }
    /// Every mailbox of every Cc field, in order.
    package var cc: [Mailbox] { values(of: "Cc").flatMap(AddressParser.mailboxes(from:)) }
    /// The Message-ID; a value without angle brackets and without `@` (some mailers write a bare
    /// UUID) is taken whole when it is one word, as public-inbox does.
    package var messageID: String? {
        guard let raw = firstValue(MailMessage.messageIDName) else { return nil }
        return MessageID.first(in: raw) ?? MessageID.bareWord(in: raw)
    }
    package var inReplyTo: String? { firstValue(MailMessage.inReplyToName).flatMap(MessageID.first(in:)) }
    package var references: [String] { values(of: "References").flatMap(MessageID.ids(in:)) }

    /// The List-Id, the part inside `<>` (the whole trimmed value when there are no brackets).
    package var listID: String? {
        guard let raw = firstValue(MailMessage.listIDName) else { return nil }
        let unfolded = HeaderText.unfold(raw)
        if let open = unfolded.lastIndex(of: ASCII.lessThan),
            let close = unfolded[open...].firstIndex(of: ASCII.greaterThan)
        {
            return Charset.decodeUTF8(HeaderText.trimmed(unfolded[(open + 1)..<close])).string
        }
        let trimmed = HeaderText.trimmed(unfolded[...])
        return trimmed.isEmpty ? nil : Charset.decodeUTF8(trimmed).string
    }

    package var date: MailDate? {
        firstValue(MailMessage.dateName).flatMap { MailDate(headerValue: HeaderText.unfold($0)) }
    }

    /// The raw body: everything after the header block (the whole input without one).
    package var body: ArraySlice<UInt8> { bytes[header.body] }

    /// The top-level Content-Type (text/plain when missing).
    package var contentType: ContentType {
        firstValue(MIMEPart.contentTypeName).map { ContentType(headerValue: $0) } ?? .textPlain
    }

    /// The leaf MIME parts in document order, and problems met on the way.
    package func parts() -> (parts: [MIMEPart], problems: [String]) {
        MIMEWalker.leaves(of: bytes, header: header, limits: limits)
    }

    /// The readable text of the message: the first text/plain part (or the whole body when the
    /// message is not multipart), then every patch part (text/x-patch, text/x-diff, parts
    /// named *.patch or *.diff), each starting on a new line. Transfer- and charset-decoded;
    /// CRLF and bare CR become LF; format=flowed text is unwrapped (RFC 3676, see ``FlowedText``).
    package func bodyText() -> BodyText {
        let walk = parts()
        var problems = walk.problems
        let leaves = walk.parts
        let textPart =
            leaves.first {
                $0.contentType.mimeType == "text/plain" && !$0.isPatch && $0.disposition?.isAttachment != true
            }
            ?? leaves.first { $0.contentType.mimeType == "text/plain" && !$0.isPatch }
        var selected: [MIMEPart] = textPart.map { [$0] } ?? []
        selected += leaves.filter(\.isPatch)
        if selected.isEmpty, !contentType.isMultipart, let only = leaves.first {
            // Not multipart: the whole body, whatever its type.
            selected = [only]
        }
        if selected.isEmpty { problems.append("no text/plain part") }
        var output = ""
        for part in selected {
            let decoded = part.decodedText(in: bytes)
            problems += decoded.problems
            if !output.isEmpty, output.utf8.last != ASCII.lf { output += "\n" }
            output += decoded.text
        }
        return BodyText(text: output, problems: problems)
    }

    private func firstValue(_ lowercasedName: [UInt8]) -> ArraySlice<UInt8>? {
        header.firstValue(of: lowercasedName, in: bytes)
    }

    static let subjectName = Array("subject".utf8)
    static let fromName = Array("from".utf8)
    static let replyToName = Array("reply-to".utf8)
    static let originalFromName = Array("x-original-from".utf8)
    static let messageIDName = Array("message-id".utf8)
    static let inReplyToName = Array("in-reply-to".utf8)
    static let listIDName = Array("list-id".utf8)
    static let dateName = Array("date".utf8)
}
