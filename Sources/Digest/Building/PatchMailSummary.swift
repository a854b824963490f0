internal import MailParser
internal import PatchModel

/// What the report keeps of a patch mail until the end: what the patch list, its series order
/// (``SeriesGrouping``) and the look back (``HistoryLookBack``) read, and nothing else.
///
/// A whole `MessageFacts` per patch mail (its trailers, tags, diffstat, dates and List-Id) was
/// most of a large report's memory; the strings kept here are shared with the mail's
/// `ThreadMessage`, not copied.
struct PatchMailSummary: Sendable {
    var commit: String
    var messageID: String?
    var subject: String?
    var title: String
    var kind: MessageKind
    var number: Int?
    var total: Int?
    var version: Int?
    var isResend: Bool
    var inReplyTo: String?
    var references: [String]
    /// The author, mailmap applied (an in-body From wins over the header, as in the tables).
    var authorName: String?
    var authorAddress: String?

    init(_ facts: MessageFacts) {
        commit = facts.commit
        messageID = facts.messageID
        subject = facts.subject
        title = facts.title
        kind = facts.kind
        number = facts.number
        total = facts.total
        version = facts.version
        isResend = facts.isResend
        inReplyTo = facts.inReplyTo
        references = facts.references
        authorName = facts.author?.name
        authorAddress = facts.author?.address
    }

    /// Whether the mail is a "New:" entry (see ``ReportAggregator/needsEntryText(_:)``).
    var isEntry: Bool { ReportAggregator.isEntry(kind: kind, number: number) }
}
