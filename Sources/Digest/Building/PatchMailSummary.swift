internal import InboxReader
internal import MailParser
internal import PatchModel

/// What the report keeps of a patch mail until the end: what the patch list, its series order
/// (``SeriesGrouping``) and the look back (``HistoryLookBack``) read, and nothing else.
///
/// A whole `MessageFacts` per patch mail (its trailers, tags, diffstat, dates and List-Id) was
/// most of a large report's memory; the strings kept here are shared with the mail's
/// `ThreadMessage`, not copied. What only the patch list's line and the look back show (the
/// commit, subject, title and author) is in a box of its own, absent when the line went to the
/// entries' file as the mail was read (see ``ReportAggregator``): at a million messages the
/// subjects alone were about 60 MB.
struct PatchMailSummary: Sendable {
    var messageID: String?
    var kind: MessageKind
    var isResend: Bool
    /// `number`, `total` and `version`, -1 for none: a third of the size of three `Int?`.
    private var numbers: (number: Int32, total: Int32, version: Int32)
    var inReplyTo: String?
    var references: [String]
    /// The commit, subject, title and author; nil when the mail's patch list line is in a file.
    let shown: Shown?

    /// - Parameter keepsShown: keep the commit, subject, title and author (false: the patch
    ///   list's line was written to a file, and the look back is not asked for).
    init(_ facts: MessageFacts, keepsShown: Bool = true) {
        messageID = facts.messageID
        kind = facts.kind
        numbers = (Self.packed(facts.number), Self.packed(facts.total), Self.packed(facts.version))
        isResend = facts.isResend
        inReplyTo = facts.inReplyTo
        references = facts.references
        shown = keepsShown ? Shown(facts) : nil
    }

    var number: Int? { Self.unpacked(numbers.number) }
    var total: Int? { Self.unpacked(numbers.total) }
    var version: Int? { Self.unpacked(numbers.version) }

    /// -1 for none; the subject rule reads at most nine digits, so every value fits.
    private static func packed(_ value: Int?) -> Int32 {
        guard let value, value >= 0, value <= Int(Int32.max) else { return -1 }
        return Int32(value)
    }

    private static func unpacked(_ value: Int32) -> Int? { value < 0 ? nil : Int(value) }

    /// Whether the mail is a "New:" entry (see ``ReportAggregator/needsEntryText(_:)``).
    var isEntry: Bool { ReportAggregator.isEntry(kind: kind, number: number) }

    /// What the patch list's line and the look back show of a patch mail.
    final class Shown: Sendable {
        /// The commit as 20 bytes: its 40 hexadecimal digits as a string are 80 bytes more a mail.
        private let commitID: ObjectID
        let subject: String?
        /// The title when it is not the end of the subject (it most often is: see `titleStart`).
        private let ownTitle: String?
        /// Where the title starts in the subject's UTF-8, when it is the subject's end.
        private let titleStart: Int32
        /// The author, mailmap applied (an in-body From wins over the header, as in the tables).
        let authorName: String?
        let authorAddress: String?

        init(_ facts: MessageFacts) {
            commitID = ObjectID(facts.commit)
            subject = facts.subject
            let subjectBytes = facts.subject?.utf8 ?? "".utf8
            if subjectBytes.count <= Int32.max, subjectBytes.reversed().starts(with: facts.title.utf8.reversed()) {
                ownTitle = nil
                titleStart = Int32(subjectBytes.count - facts.title.utf8.count)
            } else {
                ownTitle = facts.title
                titleStart = 0
            }
            authorName = facts.author?.name
            authorAddress = facts.author?.address
        }

        var title: String {
            if let ownTitle { return ownTitle }
            let bytes = (subject ?? "").utf8
            return String(Substring(bytes[bytes.index(bytes.startIndex, offsetBy: Int(titleStart))...]))
        }

        /// The commit's name as the archive gave it.
        var commit: String { commitID.text }
    }
}
