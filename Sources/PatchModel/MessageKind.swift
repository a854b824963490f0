internal import MailParser

/// What a mail is for a patch workflow (report.md, "Which mails count").
package enum MessageKind: String, Sendable, CaseIterable {
    /// A patch mail: a PATCH tag, not a reply, and no counter or a counter other than 0; or, without
    /// the word PATCH, tags naming RFC, a version or a position and a body that carries a diff.
    case patch
    /// A cover letter: a PATCH tag with counter `0/M` (or `00/M`); or, without the word PATCH, `0/M`
    /// with RFC or a version (`[RFC 0/6]`, `[v2 00/14]`).
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

    /// Classifies a mail by its subject alone: a subject that needs the body to decide
    /// (`SubjectTags.namesSeriesWithoutPatchWord`) gives `other`, as if the body carried no diff.
    package init(subject tags: SubjectTags?) {
        self.init(subject: tags, bodyCarriesDiff: { false })
    }

    /// Classifies a mail by its subject, and by its body only when the subject alone cannot tell.
    ///
    /// The subject decides: a series patch that replies to its cover letter (In-Reply-To set) and
    /// has a bare `[PATCH 2/5]` subject is a patch. Order of the rules: reply, pull request, patch or
    /// cover, bot report, then a series without the word PATCH, else other. A mail without a subject
    /// is `other`.
    ///
    /// A series without the word PATCH (`[RFC 1/6]`, `[v2 3/6]`, `[kvmtool v3 5/5]`, `[RESEND
    /// TRIVIAL 1/3]`): `0/M` with RFC or a version is a cover letter (it carries no diff); otherwise
    /// the mail is a patch if `bodyCarriesDiff()` says so (`0/M` then a cover), else `other` (`[RFC]
    /// Some idea`, a question). `bodyCarriesDiff` is called for such subjects only, so the body of
    /// any other mail need not be decoded.
    package init(subject tags: SubjectTags?, bodyCarriesDiff: () -> Bool) {
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
        } else if tags.namesSeriesWithoutPatchWord {
            if tags.number == 0 && (tags.isRFC || tags.version != nil) {
                self = .cover
            } else if bodyCarriesDiff() {
                self = tags.number == 0 ? .cover : .patch
            } else {
                self = .other
            }
        } else {
            self = .other
        }
    }

    /// Patch mails in the sense of the report: patches and cover letters.
    package var isPatchMail: Bool { self == .patch || self == .cover }

    /// Whether a body carries a diff in the sense of report.md: a line starting `diff --git `,
    /// `Index: `, `--- a/` or `--- /dev/null`.
    /// - Complexity: O(*n*) over the bytes; stops at the first such line.
    package static func carriesDiff(_ body: some StringProtocol) -> Bool {
        let utf8 = body.utf8
        if let found = utf8.withContiguousStorageIfAvailable({ carriesDiff(bytes: $0) }) { return found }
        return Array(utf8).withUnsafeBufferPointer { carriesDiff(bytes: $0) }
    }

    private static let diffStarts = ["diff --git ", "Index: ", "--- a/", "--- /dev/null"].map { Array($0.utf8) }

    private static func carriesDiff(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var lineStart = 0
        while lineStart < bytes.count {
            let first = bytes[lineStart]
            if first == 0x64 || first == 0x49 || first == ASCII.minus {
                let line = UnsafeBufferPointer(rebasing: bytes[lineStart...])
                if diffStarts.contains(where: { line.starts(with: $0) }) { return true }
            }
            lineStart = LineFeedSearch.next(in: bytes, from: lineStart) + 1
        }
        return false
    }
}
