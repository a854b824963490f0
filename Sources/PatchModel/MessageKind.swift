/// What a mail is for a patch workflow (report.md, "Which mails count").
package enum MessageKind: String, Sendable, CaseIterable {
    /// A patch mail: a PATCH tag, not a reply, and no counter or a counter other than 0.
    case patch
    /// A cover letter: a PATCH tag with counter `0/M` (or `00/M`).
    case cover
    /// A reply or forward (`Re:`, `Aw:`, `Fwd:`, ...), whatever its tags.
    case reply
    /// A pull request (`[GIT PULL]`, `[PULL 00/12]`).
    case pull
    /// A robot's report (`[linux-next:master] ...`, `[kvm:queue 3/5] file.c: warning: ...`, `[syzbot]`).
    case bot
    /// Anything else: a mail without tags, an announcement, a question.
    case other
    /// The mail has no header block to read.
    case unparseable

    /// Classifies a mail by its subject alone.
    ///
    /// Only the subject decides: a series patch that replies to its cover letter (In-Reply-To set) and
    /// has a bare `[PATCH 2/5]` subject is a patch. Order of the rules: reply, pull request, patch or
    /// cover, bot report, other. A mail without a subject is `other`.
    package init(subject tags: SubjectTags?) {
        guard let tags else {
            self = .other
            return
        }
        if tags.isReply {
            self = .reply
        } else if tags.isPullRequest {
            self = .pull
        } else if tags.hasPatchTag {
            self = tags.number == 0 ? .cover : .patch
        } else if tags.isBotReport {
            self = .bot
        } else {
            self = .other
        }
    }

    /// Patch mails in the sense of the report: patches and cover letters.
    package var isPatchMail: Bool { self == .patch || self == .cover }
}
