package import MailParser

/// Everything the report needs from one mail, gathered in one pass: who, what kind, which series
/// position, the "New:" entry text and the trailers.
///
/// Never throws: a mail without a header block is `.unparseable`, and whatever was wrong and how it
/// was handled is in `problems` (the mail's own problems first, then the body's, then ours).
///
/// For speed, `entryText`, `firstLine` and `diffstat` are computed for patch and cover mails only.
/// Trailers come from the commit message's trailer block for patch and cover mails, and from the
/// unquoted lines of the whole body for every other kind (a review's `Reviewed-by:`).
package struct MessageFacts: Sendable, Hashable {
    /// The archive commit that added the mail.
    package var commit: String
    package var messageID: String?
    package var date: MailDate?
    /// The subject, unfolded and decoded.
    package var subject: String?
    /// The header From after DMARC repair (see `AuthorResolver`).
    package var sender: Mailbox?
    /// The in-body From when the body starts with one, else `sender`.
    package var author: Mailbox?
    /// True when `author` came from an in-body From line.
    package var isAuthorFromBody: Bool
    package var kind: MessageKind
    /// The leading bracketed tags of the subject.
    package var tags: [String]
    /// The subject without reply prefixes and leading tags.
    package var title: String
    package var number: Int?
    package var total: Int?
    package var version: Int?
    package var isRFC: Bool
    package var isResend: Bool
    /// The "New:" body (report.md) of a patch or cover mail; nil for other kinds.
    package var entryText: String?
    /// The first line of the commit message of a patch or cover mail; nil for other kinds.
    package var firstLine: String?
    /// The diffstat summary of a patch or cover mail.
    package var diffstat: Diffstat?
    package var trailers: [Trailer]
    package var inReplyTo: String?
    package var references: [String]
    package var listID: String?
    package var problems: [String]

    /// Revision of the series: `version`, else 1.
    package var revision: Int { version ?? 1 }

    /// Gathers the facts of one parsed mail.
    /// - Complexity: one decode of the body; O(*n*) scans over it.
    package init(commit: String, mail: MailMessage) {
        self.commit = commit
        problems = mail.problems
        trailers = []
        entryText = nil
        firstLine = nil
        diffstat = nil
        isAuthorFromBody = false
        guard mail.hasHeaderBlock else {
            messageID = nil
            date = nil
            subject = nil
            sender = nil
            author = nil
            kind = .unparseable
            tags = []
            title = ""
            number = nil
            total = nil
            version = nil
            isRFC = false
            isResend = false
            inReplyTo = nil
            references = []
            listID = nil
            problems.append("no header block; the mail is counted as unparseable")
            return
        }

        messageID = mail.messageID
        date = mail.date
        inReplyTo = mail.inReplyTo
        references = mail.references
        listID = mail.listID
        let subject = mail.subject
        self.subject = subject
        let subjectTags = subject.map(SubjectTags.init(subject:))
        kind = MessageKind(subject: subjectTags)
        tags = subjectTags?.tags ?? []
        title = subjectTags?.title ?? ""
        number = subjectTags?.number
        total = subjectTags?.total
        version = subjectTags?.version
        isRFC = subjectTags?.isRFC ?? false
        isResend = subjectTags?.isResend ?? false

        let listAddresses = AuthorResolver.listAddresses(
            listID: listID, mailingList: mail.values(of: "X-Mailing-List"), listPost: mail.values(of: "List-Post"))
        let repair = AuthorResolver.repairedSender(
            from: mail.from, replyTo: mail.replyTo, originalFrom: mail.originalFrom, listAddresses: listAddresses)
        sender = repair.sender
        if let problem = repair.problem { problems.append(problem) }

        let body = mail.bodyText()
        problems += body.problems
        let inBody = InBodyHeaders.parse(body: body.text)
        problems += inBody.problems
        if let bodyFrom = inBody.from {
            if listAddresses.contains(bodyFrom.address.lowercased()) {
                problems.append("in-body From: <\(bodyFrom.address)> is the list's own address; the header From: is used")
                author = sender
            } else {
                author = bodyFrom
                isAuthorFromBody = true
            }
        } else {
            author = sender
        }

        if kind.isPatchMail {
            let message = CommitMessage(inBody.remainder, isCoverLetter: kind == .cover)
            entryText = message.entryText
            firstLine = message.firstLine
            diffstat = message.diffstat
            trailers = TrailerParser.commitTrailers(in: message.message)
        } else {
            trailers = TrailerParser.replyTrailers(in: body.text[...])
        }
    }
}
