import MailParser

/// JSON shape: snake_case names; people as `{"name": …, "email": …}`.
extension MessageFacts: Codable {
    enum CodingKeys: String, CodingKey {
        case commit
        case messageID = "message_id"
        case date, subject, sender, author
        case isAuthorFromBody = "author_from_body"
        case kind, tags, title, number, total, version
        case isRFC = "is_rfc"
        case isResend = "is_resend"
        case entryText = "entry_text"
        case firstLine = "body_first_line"
        case diffstat, trailers
        case inReplyTo = "in_reply_to"
        case references
        case listID = "list_id"
        case problems
        // Per-patch facts (issue 10).
        case minorVersion = "minor_version"
        case patchID = "patch_id"
        case changeID = "change_id"
    }

    /// A person as JSON: `name` and `email`.
    struct Person: Codable {
        var name: String
        var email: String
        init(_ mailbox: Mailbox) {
            name = mailbox.name
            email = mailbox.address
        }
        var mailbox: Mailbox { Mailbox(name: name, address: email) }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(commit, forKey: .commit)
        try container.encodeIfPresent(messageID, forKey: .messageID)
        try container.encodeIfPresent(date, forKey: .date)
        try container.encodeIfPresent(subject, forKey: .subject)
        try container.encodeIfPresent(sender.map(Person.init), forKey: .sender)
        try container.encodeIfPresent(author.map(Person.init), forKey: .author)
        try container.encode(isAuthorFromBody, forKey: .isAuthorFromBody)
        try container.encode(kind, forKey: .kind)
        try container.encode(tags, forKey: .tags)
        try container.encode(title, forKey: .title)
        try container.encodeIfPresent(number, forKey: .number)
        try container.encodeIfPresent(total, forKey: .total)
        try container.encodeIfPresent(version, forKey: .version)
        try container.encode(isRFC, forKey: .isRFC)
        try container.encode(isResend, forKey: .isResend)
        try container.encodeIfPresent(entryText, forKey: .entryText)
        try container.encodeIfPresent(firstLine, forKey: .firstLine)
        try container.encodeIfPresent(diffstat, forKey: .diffstat)
        try container.encode(trailers, forKey: .trailers)
        try container.encodeIfPresent(inReplyTo, forKey: .inReplyTo)
        try container.encode(references, forKey: .references)
        try container.encodeIfPresent(listID, forKey: .listID)
        try container.encode(problems, forKey: .problems)
        try container.encodeIfPresent(minorVersion, forKey: .minorVersion)
        try container.encodeIfPresent(patchID, forKey: .patchID)
        try container.encodeIfPresent(changeID, forKey: .changeID)
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        commit = try container.decode(String.self, forKey: .commit)
        messageID = try container.decodeIfPresent(String.self, forKey: .messageID)
        date = try container.decodeIfPresent(MailDate.self, forKey: .date)
        subject = try container.decodeIfPresent(String.self, forKey: .subject)
        sender = try container.decodeIfPresent(Person.self, forKey: .sender)?.mailbox
        author = try container.decodeIfPresent(Person.self, forKey: .author)?.mailbox
        isAuthorFromBody = try container.decodeIfPresent(Bool.self, forKey: .isAuthorFromBody) ?? false
        kind = try container.decode(MessageKind.self, forKey: .kind)
        tags = try container.decodeIfPresent([String].self, forKey: .tags) ?? []
        title = try container.decodeIfPresent(String.self, forKey: .title) ?? ""
        number = try container.decodeIfPresent(Int.self, forKey: .number)
        total = try container.decodeIfPresent(Int.self, forKey: .total)
        version = try container.decodeIfPresent(Int.self, forKey: .version)
        isRFC = try container.decodeIfPresent(Bool.self, forKey: .isRFC) ?? false
        isResend = try container.decodeIfPresent(Bool.self, forKey: .isResend) ?? false
        entryText = try container.decodeIfPresent(String.self, forKey: .entryText)
        firstLine = try container.decodeIfPresent(String.self, forKey: .firstLine)
        diffstat = try container.decodeIfPresent(Diffstat.self, forKey: .diffstat)
        trailers = try container.decodeIfPresent([Trailer].self, forKey: .trailers) ?? []
        inReplyTo = try container.decodeIfPresent(String.self, forKey: .inReplyTo)
        references = try container.decodeIfPresent([String].self, forKey: .references) ?? []
        listID = try container.decodeIfPresent(String.self, forKey: .listID)
        problems = try container.decodeIfPresent([String].self, forKey: .problems) ?? []
        minorVersion = try container.decodeIfPresent(Int.self, forKey: .minorVersion)
        patchID = try container.decodeIfPresent(String.self, forKey: .patchID)
        changeID = try container.decodeIfPresent(String.self, forKey: .changeID)
        // Not in this JSON (see MessageFacts): unknown after decoding, except the mismatch flags,
        // which follow from the trailers and the sender.
        appliedNotice = nil
        pullRequest = nil
        botName = nil
        if !kind.isPatchMail, let sender {
            for index in trailers.indices where trailers[index].isPersonTrailer {
                trailers[index].isMismatched = !trailers[index].isGiven(by: sender)
            }
        }
    }
}
