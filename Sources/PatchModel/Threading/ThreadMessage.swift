/// One mail as the thread, series and review rules see it: the few facts they need, and nothing
/// about storage or bytes.
///
/// The report maps its per-message facts onto this type with one function; the history index maps
/// its rows onto it for messages outside the range. Everything here is plain data, so the rules
/// that read it stay pure and can be tested on synthetic threads.
package struct ThreadMessage: Sendable, Hashable {
    /// The facts live in one shared, immutable box: the series rules copy messages into
    /// dictionaries, drafts and sorted arrays, and a copy of twenty fields was most of their cost
    /// (retains and moves, issue 10's profile); a copy of the box is one retain. A change makes a
    /// new box, so a value never changes under another holder.
    ///
    /// What only patch mails have, and what only answers have, live in boxes of their own, absent
    /// when every value is the default: a report over a million messages keeps one of these per
    /// message, and an answer's box was 300 bytes of mostly empty patch fields.
    struct Fields: Sendable, Hashable {
        var messageID: String
        var inReplyTo: String?
        var references: [String]
        var receivedAt: Int64
        var authorEmail: String
        var authorName: String
        var kind: MessageKind
        var patch: Part<PatchFields>?
        var answer: Part<AnswerFields>?
    }

    /// The facts of a patch or cover mail.
    struct PatchFields: PartValue {
        var subject: String = ""
        var title: String = ""
        var number: Int? = nil
        var total: Int? = nil
        var version: Int? = nil
        var minorVersion: Int? = nil
        var isRFC: Bool = false
        var isResend: Bool = false
        var patchID: String? = nil
        var changeID: String? = nil
    }

    /// The facts of an answer: what it gives, applies or reports.
    struct AnswerFields: PartValue {
        var trailers: [GivenTrailer] = []
        var appliedNotice: SeriesAppliedNotice? = nil
        var botName: String? = nil
    }

    /// A part's values, all defaults when made with `init()`.
    protocol PartValue: Sendable, Hashable { init() }

    /// An immutable box compared by value; nil stands for the default value (see ``make(_:)``).
    final class Part<Value: Sendable & Hashable>: Sendable, Hashable {
        let value: Value
        init(_ value: Value) { self.value = value }
        static func == (lhs: Part, rhs: Part) -> Bool { lhs === rhs || lhs.value == rhs.value }
        func hash(into hasher: inout Hasher) { hasher.combine(value) }
    }

    final class Storage: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    private mutating func update(_ change: (inout Fields) -> Void) {
        var fields = storage.fields
        change(&fields)
        storage = Storage(fields)
    }

    private mutating func updatePatch(_ change: (inout PatchFields) -> Void) {
        update { fields in
            var part = fields.patch?.value ?? PatchFields()
            change(&part)
            fields.patch = Self.make(part)
        }
    }

    private mutating func updateAnswer(_ change: (inout AnswerFields) -> Void) {
        update { fields in
            var part = fields.answer?.value ?? AnswerFields()
            change(&part)
            fields.answer = Self.make(part)
        }
    }

    /// A box for `value`, or nil when it holds only defaults (so equal messages have equal fields).
    private static func make<Value: PartValue>(_ value: Value) -> Part<Value>? {
        value == Value() ? nil : Part(value)
    }

    package static func == (lhs: ThreadMessage, rhs: ThreadMessage) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    package func hash(into hasher: inout Hasher) { hasher.combine(storage.fields) }

    /// The Message-ID, without angle brackets.
    package var messageID: String {
        get { storage.fields.messageID }
        set { update { $0.messageID = newValue } }
    }
    /// The In-Reply-To Message-ID, without angle brackets.
    package var inReplyTo: String? {
        get { storage.fields.inReplyTo }
        set { update { $0.inReplyTo = newValue } }
    }
    /// The References Message-IDs in header order (oldest ancestor first), without angle brackets.
    package var references: [String] {
        get { storage.fields.references }
        set { update { $0.references = newValue } }
    }
    /// When the archive received the mail: its commit time, seconds since 1970 (UTC).
    ///
    /// The archive's time, not the mail's Date header: it cannot be forged by a wrong clock and it
    /// orders the mails the way the range does.
    package var receivedAt: Int64 {
        get { storage.fields.receivedAt }
        set { update { $0.receivedAt = newValue } }
    }
    /// The address the mail came from (the header From, not an in-body From): who sent the series,
    /// who wrote the reply. Compared case-insensitively.
    package var authorEmail: String {
        get { storage.fields.authorEmail }
        set { update { $0.authorEmail = newValue } }
    }
    package var authorName: String {
        get { storage.fields.authorName }
        set { update { $0.authorName = newValue } }
    }
    package var kind: MessageKind {
        get { storage.fields.kind }
        set { update { $0.kind = newValue } }
    }
    /// The whole subject, decoded.
    package var subject: String {
        get { storage.fields.patch?.value.subject ?? "" }
        set { updatePatch { $0.subject = newValue } }
    }
    /// The subject without reply prefixes and leading tags.
    package var title: String {
        get { storage.fields.patch?.value.title ?? "" }
        set { updatePatch { $0.title = newValue } }
    }
    /// `N` of `[PATCH N/M]`; 0 for a cover letter.
    package var number: Int? {
        get { storage.fields.patch?.value.number ?? nil }
        set { updatePatch { $0.number = newValue } }
    }
    /// `M` of `[PATCH N/M]`.
    package var total: Int? {
        get { storage.fields.patch?.value.total ?? nil }
        set { updatePatch { $0.total = newValue } }
    }
    /// `5` of `[PATCH v5 3/12]` and of `[PATCH v5.1 3/12]`; nil when the subject names none (version 1).
    package var version: Int? {
        get { storage.fields.patch?.value.version ?? nil }
        set { updatePatch { $0.version = newValue } }
    }
    /// `1` of `[PATCH v5.1 3/12]`: a partial re-roll of one patch of version 5.
    package var minorVersion: Int? {
        get { storage.fields.patch?.value.minorVersion ?? nil }
        set { updatePatch { $0.minorVersion = newValue } }
    }
    package var isRFC: Bool {
        get { storage.fields.patch?.value.isRFC ?? false }
        set { updatePatch { $0.isRFC = newValue } }
    }
    package var isResend: Bool {
        get { storage.fields.patch?.value.isResend ?? false }
        set { updatePatch { $0.isResend = newValue } }
    }
    /// The stable patch-id of the mail's diff (`git patch-id --stable`); nil without a diff.
    package var patchID: String? {
        get { storage.fields.patch?.value.patchID ?? nil }
        set { updatePatch { $0.patchID = newValue } }
    }
    /// b4's `change-id:` of a cover letter or first patch.
    package var changeID: String? {
        get { storage.fields.patch?.value.changeID ?? nil }
        set { updatePatch { $0.changeID = newValue } }
    }
    /// Review trailers written in the mail (for replies: the unquoted lines above the signature).
    package var trailers: [GivenTrailer] {
        get { storage.fields.answer?.value.trailers ?? [] }
        set { updateAnswer { $0.trailers = newValue } }
    }
    /// What the mail says was applied, when it is an applied notice.
    package var appliedNotice: SeriesAppliedNotice? {
        get { storage.fields.answer?.value.appliedNotice ?? nil }
        set { updateAnswer { $0.appliedNotice = newValue } }
    }
    /// The robot that sent the mail (`kernel test robot`, `syzbot`, `pr-tracker-bot`); nil for people.
    package var botName: String? {
        get { storage.fields.answer?.value.botName ?? nil }
        set { updateAnswer { $0.botName = newValue } }
    }

    package init(
        messageID: String, inReplyTo: String? = nil, references: [String] = [], receivedAt: Int64,
        authorEmail: String, authorName: String = "", kind: MessageKind, subject: String = "",
        title: String = "", number: Int? = nil, total: Int? = nil, version: Int? = nil,
        minorVersion: Int? = nil, isRFC: Bool = false, isResend: Bool = false, patchID: String? = nil,
        changeID: String? = nil, trailers: [GivenTrailer] = [], appliedNotice: SeriesAppliedNotice? = nil,
        botName: String? = nil
    ) {
        storage = Storage(
            Fields(
                messageID: messageID,
                inReplyTo: inReplyTo,
                references: references,
                receivedAt: receivedAt,
                authorEmail: authorEmail,
                authorName: authorName,
                kind: kind,
                patch: Self.make(
                    PatchFields(
                        subject: subject, title: title, number: number, total: total, version: version,
                        minorVersion: minorVersion, isRFC: isRFC, isResend: isResend, patchID: patchID,
                        changeID: changeID)),
                answer: Self.make(AnswerFields(trailers: trailers, appliedNotice: appliedNotice, botName: botName))))
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
