internal import Foundation
internal import GRDB
internal import InboxReader
internal import MessageStream
internal import MailParser
internal import PatchModel

/// One row of `messages`: what the index keeps of one archive commit, column for column.
///
/// A new fact is one property here (its column in `CodingKeys`), one line in each mapping
/// below, and one migration in ``IndexSchema``. What the index does not keep: `entryText` and
/// `diffstat` (the "New:" text, read again from the blob for the few messages that need it).
/// The lists `references` and `trailers` have tables of their own (``ReferenceRow``,
/// ``TrailerRow``), indexed by message id and by person; `tags` and `problems` are JSON arrays.
struct MessageRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "messages"

    var commit: String
    var epoch: Int
    var ordinal: Int
    var commitTime: Int64
    /// The commit deletes a message: every fact below keeps its empty value.
    var deleted: Bool
    var messageID: String?
    var inReplyTo: String?
    var subject: String?
    var title: String
    var tags: [String]
    var authorName: String?
    var authorEmail: String?
    var authorFromBody: Bool
    var senderName: String?
    var senderEmail: String?
    /// `MailDate.secondsSince1970` and `offsetMinutes`.
    var date: Int64?
    var dateOffset: Int?
    /// A `MessageKind` raw value; null for a deletion.
    var kind: String?
    var number: Int?
    var total: Int?
    var version: Int?
    var isRFC: Bool
    var isResend: Bool
    var firstLine: String?
    var listID: String?
    var problems: [String]

    enum CodingKeys: String, CodingKey {
        case commit, epoch, ordinal, commitTime = "commit_time", deleted, messageID = "message_id"
        case inReplyTo = "in_reply_to", subject, title, tags, authorName = "author_name"
        case authorEmail = "author_email", authorFromBody = "author_from_body", senderName = "sender_name"
        case senderEmail = "sender_email", date, dateOffset = "date_offset", kind, number, total, version
        case isRFC = "is_rfc", isResend = "is_resend", firstLine = "first_line", listID = "list_id", problems
    }

    /// JSON columns as version 1 wrote them: no sorting needed (arrays of strings), `/` unescaped.
    static func databaseJSONEncoder(for column: String) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return encoder
    }
}

extension MessageRow {
    /// The row of `commit`, `ordinal`-th of its epoch; `facts` nil: the commit deletes a message.
    init(commit: CommitRef, ordinal: Int, facts: MessageFacts?) {
        self.commit = commit.oid
        epoch = commit.epoch
        self.ordinal = ordinal
        commitTime = commit.commitTime
        deleted = facts == nil
        messageID = facts?.messageID
        inReplyTo = facts?.inReplyTo
        subject = facts?.subject
        title = facts?.title ?? ""
        tags = facts?.tags ?? []
        authorName = facts?.author?.name
        authorEmail = facts?.author?.address
        authorFromBody = facts?.isAuthorFromBody ?? false
        senderName = facts?.sender?.name
        senderEmail = facts?.sender?.address
        date = facts?.date?.secondsSince1970
        dateOffset = facts?.date?.offsetMinutes
        kind = facts?.kind.rawValue
        number = facts?.number
        total = facts?.total
        version = facts?.version
        isRFC = facts?.isRFC ?? false
        isResend = facts?.isResend ?? false
        firstLine = facts?.firstLine
        listID = facts?.listID
        problems = facts?.problems ?? []
    }

    /// The stored facts of a message row, with its `references` and `trailers` read from their tables.
    /// - Throws: `IndexError` `.databaseFailed` when `kind` is no kind this build knows.
    func facts(references: [String], trailers: [Trailer]) throws -> MessageFacts {
        guard let kind, let messageKind = MessageKind(rawValue: kind) else {
            throw IndexError(.databaseFailed, "unknown kind '\(kind ?? "null")' for commit \(commit)")
        }
        var facts = MessageFacts(commit: commit, mail: MailMessage(bytes: []))
        facts.messageID = messageID
        facts.inReplyTo = inReplyTo
        facts.subject = subject
        facts.title = title
        facts.tags = tags
        facts.author = Self.mailbox(name: authorName, address: authorEmail)
        facts.isAuthorFromBody = authorFromBody
        facts.sender = Self.mailbox(name: senderName, address: senderEmail)
        if let date, let dateOffset {
            facts.date = MailDate(secondsSince1970: date, offsetMinutes: dateOffset)
        } else {
            facts.date = nil
        }
        facts.kind = messageKind
        facts.number = number
        facts.total = total
        facts.version = version
        facts.isRFC = isRFC
        facts.isResend = isResend
        facts.firstLine = firstLine
        facts.listID = listID
        facts.problems = problems
        facts.references = references
        facts.trailers = trailers
        return facts
    }

    /// The mailbox of a stored name and address; nil without an address.
    private static func mailbox(name: String?, address: String?) -> Mailbox? {
        guard let address else { return nil }
        return Mailbox(name: name ?? "", address: address)
    }
}
