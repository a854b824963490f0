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

    // Per-patch facts for series and versions (issue 10).
    /// The `K` of a partial re-roll `[PATCH vN.K m/n]`; nil otherwise.
    package var minorVersion: Int?
    /// The stable patch-id of a patch's diff, as `git patch-id --stable` prints it (40 lower-case
    /// hex digits); nil for other kinds (cover letters too) and for a patch without a diff.
    package var patchID: String?
    /// b4's change-id of a cover letter or patch (`X-Change-ID:` or a body line `change-id:`, see
    /// `ChangeID`); nil for other kinds.
    package var changeID: String?
    // MARK: Replies, pull requests and robots (issue 10, items 5-7)
    // Not part of the `messages` JSON (decoding leaves them nil). A reply's review trailers are `trailers`, typed (`Trailer.type`) and flagged
    // (`Trailer.isMismatched`) against `sender`.

    /// The applied notice the mail gives (`AppliedNotice.find`): replies and other non-patch
    /// mails only; nil when it gives none.
    package var appliedNotice: AppliedNotice?
    /// What the mail asks to pull, for a pull request (`[GIT PULL]`, `[PULL 0/m]`) or a mail of
    /// kind `.other` or `.cover` that carries git request-pull's text (a `[PATCH 0/4]` cover
    /// letter of a pull). A mail of kind `.other` that carries that text is classified `.pull`.
    package var pullRequest: PullRequest?
    /// The robot that sent the mail (`BotIdentity`), e.g. "kernel test robot"; nil for a person.
    package var botName: String?

    /// Revision of the series: `version`, else 1.
    package var revision: Int { version ?? 1 }

    /// How much of a mail to gather: everything, or only what the classic report reads.
    package enum Detail: Sendable, Hashable {
        /// Every field, for every kind (the `messages` command, an index).
        case full
        /// What the report reads (its tables, entries and series sections), which spares the work
        /// nobody reads:
        /// - every kind: `kind`, `listID`, the subject and its tags (`tags`, `title`, `number`, …),
        ///   `messageID`, `inReplyTo`, `references`, `sender` and `author` (what the thread and
        ///   series rules read, see `ThreadMessage(facts:receivedAt:)`);
        /// - patch mails: `patchID` (patches) and `changeID`;
        /// - series heads (a cover letter, a patch numbered 1 or not numbered), also: `entryText`,
        ///   `firstLine`, `diffstat`;
        /// - every other kind (replies, pull requests, robots): the reply `trailers`,
        ///   `appliedNotice`, `pullRequest` and `botName`;
        /// - an unparseable mail: `problems` (whose first one the report prints).
        ///
        /// Everything else keeps its empty value: `date` is nil, a patch mail's commit `trailers`
        /// are empty, `entryText`, `firstLine` and `diffstat` of a patch that heads no series are
        /// nil, and the header checks of `problems` are skipped for parseable mails.
        case report
    }

    /// Gathers the facts of one parsed mail.
    /// - Complexity: one decode of the body; O(*n*) scans over it.
    package init(commit: String, mail: MailMessage) {
        self.init(commit: commit, mail: mail, detail: .full)
    }

    /// Gathers the facts of one parsed mail, as much as `detail` asks for.
    /// - Complexity: at most one decode of the body; O(*n*) scans over it.
    package init(commit: String, mail: MailMessage, detail: Detail) {
        self.commit = commit
        let full = detail == .full
        problems = full || !mail.hasHeaderBlock ? mail.problems : []
        trailers = []
        entryText = nil
        firstLine = nil
        diffstat = nil
        isAuthorFromBody = false
        minorVersion = nil
        patchID = nil
        changeID = nil
        appliedNotice = nil
        pullRequest = nil
        botName = nil
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

        listID = mail.listID
        let subject = mail.subject
        let subjectTags = subject.map(SubjectTags.init(subject:))
        // A series without the word PATCH needs its body to be classified; it is decoded once.
        var decodedBody: BodyText?
        kind = MessageKind(subject: subjectTags) {
            let body = mail.bodyText()
            decodedBody = body
            return MessageKind.carriesDiff(body.text)
        }
        messageID = mail.messageID
        date = full ? mail.date : nil
        inReplyTo = mail.inReplyTo
        references = mail.references
        self.subject = subject
        tags = subjectTags?.tags ?? []
        title = subjectTags?.title ?? ""
        number = subjectTags?.number
        total = subjectTags?.total
        version = subjectTags?.version
        minorVersion = subjectTags?.minorVersion
        isRFC = subjectTags?.isRFC ?? false
        isResend = subjectTags?.isResend ?? false

        let listAddresses = AuthorResolver.listAddresses(
            listID: listID, mailingList: mail.values(of: "X-Mailing-List"), listPost: mail.values(of: "List-Post"))
        let repair = AuthorResolver.repairedSender(
            from: mail.from, replyTo: mail.replyTo, originalFrom: mail.originalFrom, listAddresses: listAddresses)
        sender = repair.sender
        if let problem = repair.problem { problems.append(problem) }

        let body = decodedBody ?? mail.bodyText()
        problems += body.problems
        let inBody = InBodyHeaders.parse(body: body.text)
        problems += inBody.problems
        if let bodyFrom = inBody.from {
            if listAddresses.contains(bodyFrom.address.lowercased()) {
                problems.append(
                    "in-body From: <\(bodyFrom.address)> is the list's own address; the header From: is used")
                author = sender
            } else {
                author = bodyFrom
                isAuthorFromBody = true
            }
        } else {
            author = sender
        }

        if kind.isPatchMail {
            if kind == .patch { patchID = PatchID.stable(of: body.text) }
            changeID = ChangeID.find(headerValues: mail.values(of: "X-Change-ID"), body: body.text)
            let isSeriesHead = kind == .cover || number == nil || number == 1
            if full || isSeriesHead {
                let message = CommitMessage(inBody.remainder, isCoverLetter: kind == .cover)
                entryText = message.entryText
                firstLine = message.firstLine
                diffstat = message.diffstat
                if full { trailers = TrailerParser.commitTrailers(in: message.message) }
            }
        } else {
            trailers = TrailerParser.replyTrailers(in: body.text[...], replier: sender)
        }
        gatherReplyFacts(mail: mail, body: body.text[...], firstTag: subjectTags?.tags.first)
    }

    /// The facts of items 5-7 that need the body: applied notice, pull request, robot.
    private mutating func gatherReplyFacts(mail: MailMessage, body: Substring, firstTag: String?) {
        let mergeCommit = mail.decodedValue(of: "X-PR-Merge-Commit-Id")
        botName = BotIdentity.botName(sender: sender, firstTag: firstTag, hasMergeCommitHeader: mergeCommit != nil)
        // A patch's body is long and never a request; replies only quote them.
        if kind == .pull || kind == .other || kind == .cover {
            // `[PULL 12/39]` without request-pull's text is a patch of the pull, not the request.
            let isRequest = kind == .pull && (number == nil || number == 0)
            pullRequest = PullRequest(body: body) ?? (isRequest ? PullRequest() : nil)
            // A pull request without the word PULL in its subject (issue 10, item 7).
            if kind == .other, pullRequest != nil { kind = .pull }
        }
        if !kind.isPatchMail, kind != .pull {
            let merge = AppliedNotice.MergeHeaders(
                commitID: mergeCommit, tree: mail.decodedValue(of: "X-PR-Merge-Tree"),
                refname: mail.decodedValue(of: "X-PR-Merge-Refname"))
            appliedNotice = AppliedNotice.find(in: body, sender: sender, merge: merge)
        }
    }
}
