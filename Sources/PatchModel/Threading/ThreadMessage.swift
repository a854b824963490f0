/// One mail as the thread, series and review rules see it: the few facts they need, and nothing
/// about storage or bytes.
///
/// The report maps its per-message facts onto this type with one function; the history index maps
/// its rows onto it for messages outside the range. Everything here is plain data, so the rules
/// that read it stay pure and can be tested on synthetic threads.
package struct ThreadMessage: Sendable, Hashable {
    /// The Message-ID, without angle brackets.
    package var messageID: String
    /// The In-Reply-To Message-ID, without angle brackets.
    package var inReplyTo: String?
    /// The References Message-IDs in header order (oldest ancestor first), without angle brackets.
    package var references: [String]
    /// When the archive received the mail: its commit time, seconds since 1970 (UTC).
    ///
    /// The archive's time, not the mail's Date header: it cannot be forged by a wrong clock and it
    /// orders the mails the way the range does.
    package var receivedAt: Int64
    /// The address the mail came from (the header From, not an in-body From): who sent the series,
    /// who wrote the reply. Compared case-insensitively.
    package var authorEmail: String
    package var authorName: String
    package var kind: MessageKind
    /// The whole subject, decoded.
    package var subject: String
    /// The subject without reply prefixes and leading tags.
    package var title: String
    /// `N` of `[PATCH N/M]`; 0 for a cover letter.
    package var number: Int?
    /// `M` of `[PATCH N/M]`.
    package var total: Int?
    /// `5` of `[PATCH v5 3/12]` and of `[PATCH v5.1 3/12]`; nil when the subject names none (version 1).
    package var version: Int?
    /// `1` of `[PATCH v5.1 3/12]`: a partial re-roll of one patch of version 5.
    package var minorVersion: Int?
    package var isRFC: Bool
    package var isResend: Bool
    /// The stable patch-id of the mail's diff (`git patch-id --stable`); nil without a diff.
    package var patchID: String?
    /// b4's `change-id:` of a cover letter or first patch.
    package var changeID: String?
    /// Review trailers written in the mail (for replies: the unquoted lines above the signature).
    package var trailers: [GivenTrailer]
    /// What the mail says was applied, when it is an applied notice.
    package var appliedNotice: SeriesAppliedNotice?
    /// The robot that sent the mail (`kernel test robot`, `syzbot`, `pr-tracker-bot`); nil for people.
    package var botName: String?

    package init(
        messageID: String, inReplyTo: String? = nil, references: [String] = [], receivedAt: Int64,
        authorEmail: String, authorName: String = "", kind: MessageKind, subject: String = "",
        title: String = "", number: Int? = nil, total: Int? = nil, version: Int? = nil,
        minorVersion: Int? = nil, isRFC: Bool = false, isResend: Bool = false, patchID: String? = nil,
        changeID: String? = nil, trailers: [GivenTrailer] = [], appliedNotice: SeriesAppliedNotice? = nil,
        botName: String? = nil
    ) {
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.receivedAt = receivedAt
        self.authorEmail = authorEmail
        self.authorName = authorName
        self.kind = kind
        self.subject = subject
        self.title = title
        self.number = number
        self.total = total
        self.version = version
        self.minorVersion = minorVersion
        self.isRFC = isRFC
        self.isResend = isResend
        self.patchID = patchID
        self.changeID = changeID
        self.trailers = trailers
        self.appliedNotice = appliedNotice
        self.botName = botName
    }

    /// The version, 1 when the subject names none.
    package var revision: Int { version ?? 1 }
    /// The place in its series: 0 for a cover letter, `N` of `N/M`, 1 for a patch without counter.
    package var position: Int { kind == .cover ? 0 : (number ?? 1) }
    /// The author address in lower case, for comparisons.
    package var authorKey: String { authorEmail.lowercased() }
    /// A patch or cover mail.
    package var isPatchMail: Bool { kind.isPatchMail }
    /// Mails that answer a patch: replies, and robot or other mails sent in reply.
    var isAnswerKind: Bool { kind == .reply || kind == .bot || kind == .other }
}

extension ThreadMessage {
    /// The order every result follows: by `receivedAt`, then by Message-ID.
    static func archiveOrder(_ lhs: ThreadMessage, _ rhs: ThreadMessage) -> Bool {
        lhs.receivedAt != rhs.receivedAt ? lhs.receivedAt < rhs.receivedAt : lhs.messageID < rhs.messageID
    }
}

/// What kind of review a trailer gives.
package enum ReviewTrailerType: String, Sendable, Hashable, Codable, CaseIterable {
    case reviewed, acked, tested, nacked
    /// Any other person trailer given in a reply (`Reported-by`, `Suggested-by`).
    case other

    /// The type of a trailer name, in any case: `Reviewed-by` is `.reviewed`.
    package init(trailerName: String) {
        switch trailerName.lowercased() {
        case "reviewed-by": self = .reviewed
        case "acked-by": self = .acked
        case "tested-by": self = .tested
        case "nacked-by", "nak-by", "naked-by": self = .nacked
        default: self = .other
        }
    }

    /// The trailer name as people write it.
    package var trailerName: String {
        switch self {
        case .reviewed: "Reviewed-by"
        case .acked: "Acked-by"
        case .tested: "Tested-by"
        case .nacked: "Nacked-by"
        case .other: "Other"
        }
    }

    /// Reviews proper; `other` trailers are kept but not counted as reviews given.
    package var isReview: Bool { self != .other }
}

/// A trailer written in a mail: `Reviewed-by: Jane Doe <jane@example.org>`.
package struct GivenTrailer: Sendable, Hashable {
    package var type: ReviewTrailerType
    package var name: String
    package var email: String
    /// The address is neither the writer's nor matched by name (b4's rule): kept, but flagged.
    package var mismatch: Bool

    package init(type: ReviewTrailerType, name: String, email: String, mismatch: Bool = false) {
        self.type = type
        self.name = name
        self.email = email
        self.mismatch = mismatch
    }
}

/// What an applied notice says: b4's thank-you (`Applied to <branch>, thanks!` with `[n/m]` and
/// `commit:` lines), a pr-tracker-bot merge notice, or a plain "Applied"/"Queued, thanks".
package struct SeriesAppliedNotice: Sendable, Hashable {
    /// The branch or tree named, e.g. `kvm-x86 selftests`.
    package var branch: String?
    /// The patches the notice lists (`[2/5] subject` lines); empty: the notice names no patches.
    package var patches: [AppliedPatch]
    /// Commits not tied to a listed patch (a merge commit, a lone `commit:` line).
    package var commits: [String]
    /// Who applied, when the notice says (a pr-tracker-bot notice names the merger); nil: the sender.
    package var by: String?

    package init(branch: String? = nil, patches: [AppliedPatch] = [], commits: [String] = [], by: String? = nil) {
        self.branch = branch
        self.patches = patches
        self.commits = commits
        self.by = by
    }
}

/// One `[n/m] subject` line of an applied notice, with the `commit:` that follows it.
package struct AppliedPatch: Sendable, Hashable {
    package var position: Int
    package var commit: String?

    package init(position: Int, commit: String? = nil) {
        self.position = position
        self.commit = commit
    }
}
