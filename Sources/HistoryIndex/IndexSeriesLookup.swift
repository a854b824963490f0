internal import GRDB
package import PatchModel
internal import Synchronization

/// The series rules' questions about the archive's history (`SeriesLookup`), answered from the
/// history index with indexed queries only: by Message-ID, by In-Reply-To and References (the
/// `references` table), by change-id, by sender and title. Never a scan of `messages`.
///
/// Rows become `ThreadMessage`s through `ThreadMessage(facts:receivedAt:)`, the commit time as
/// `receivedAt`; a deletion or a mail without a Message-ID or sender is left out. A failing query
/// answers nil or empty (the protocol's contract) and keeps its error: ``firstError`` is the first
/// one, for the caller to print one note.
package struct IndexSeriesLookup: SeriesLookup {
    package let index: MessageIndex
    /// At most this many messages are returned by `messages(inThreadOf:)`, so that a huge thread
    /// (or a References list naming a popular root) costs a bounded number of queries: the walk
    /// stops there, breadth first, so the messages nearest the root are the ones kept.
    package let threadLimit: Int
    private let errors = ErrorLog()

    package init(index: MessageIndex, threadLimit: Int = 2000) {
        self.index = index
        self.threadLimit = threadLimit
    }

    /// The first error a look-up met; nil when every look-up succeeded.
    package var firstError: IndexError? { errors.first }

    package func message(id: String) -> ThreadMessage? {
        answer(nil) { db in
            let reader = try MessageRow.Reader(db)
            let statement = try db.cachedStatement(sql: Query.byMessageID)
            return try Self.messages(statement, [id], reader: reader).first
        }
    }

    /// Breadth first from `rootID`: the children of each message are those whose In-Reply-To
    /// or References name it (index `references_by_message_id`, which holds both since schema
    /// v5), those naming it in In-Reply-To first; one query per message reached, at most
    /// ``threadLimit`` messages.
    package func messages(inThreadOf rootID: String) -> [ThreadMessage] {
        answer([]) { db in
            let reader = try MessageRow.Reader(db)
            let byReference = try db.cachedStatement(sql: Query.namingMessage)
            let byRowID = try db.cachedStatement(sql: Query.byRowID)
            var found: [ThreadMessage] = []
            var seenIDs: Set<String> = [rootID]
            var seenRows: Set<Int64> = []
            var queue = [rootID]
            var next = 0
            while next < queue.count, found.count < threadLimit {
                let id = queue[next]
                next += 1
                let rows = try Int64.fetchAll(byReference, arguments: [id])
                for row in rows where seenRows.insert(row).inserted {
                    guard found.count < threadLimit else { break }
                    for message in try Self.messages(byRowID, [row], reader: reader)
                    where seenIDs.insert(message.messageID).inserted {
                        found.append(message)
                        queue.append(message.messageID)
                    }
                }
            }
            return found
        }
    }

    package func earlierVersions(changeID: String) -> [ThreadMessage] {
        answer([]) { db in
            let statement = try db.cachedStatement(sql: Query.byChangeID)
            return try Self.messages(statement, [changeID], reader: try MessageRow.Reader(db))
        }
    }

    /// By the sender's address (as `ThreadMessage.authorEmail`, the header From) and title, index
    /// `messages_by_sender_title`; a row without a sender is matched by its author, as
    /// `ThreadMessage(facts:receivedAt:)` maps it, found through the same index (`NULL`, title):
    /// the unary `+` keeps SQLite from reading every mail of the author through
    /// `messages_by_author_email` instead (18 ms a look-up for a prolific author at 1M, 2 ms now).
    /// Each branch of the `OR` names the kinds the index holds (schema v5: patch and cover mails
    /// only): SQLite uses a partial index for a branch only when that branch implies its `WHERE`.
    package func earlierVersions(title: String, authorEmail: String, before: Int64, notBefore: Int64) -> [ThreadMessage]
    {
        answer([]) { db in
            let statement = try db.cachedStatement(sql: Query.byTitle)
            return try Self.messages(
                statement, [authorEmail, title, title, authorEmail, before, notBefore],
                reader: try MessageRow.Reader(db))
        }
    }

    /// The statements of the look-ups; each is answered from an index (a test checks the plans).
    enum Query {
        static let byMessageID =
            MessageRow.Reader.selection + " WHERE message_id = ? AND deleted = 0 ORDER BY epoch, ordinal LIMIT 1"
        static let byRowID = MessageRow.Reader.selection + " WHERE id = ?"
        /// The messages whose In-Reply-To or References name a Message-ID: those naming it in
        /// In-Reply-To first, each part in archive order (the order of the two queries of schema
        /// v4, which had an index on `in_reply_to`).
        static let namingMessage = #"""
            SELECT r.message FROM "references" r JOIN messages m ON m.id = r.message
            WHERE r.message_id = ? ORDER BY m.in_reply_to IS NOT r.message_id, r.message, r.ordinal
            """#
        static let byChangeID = MessageRow.Reader.selection + " WHERE change_id = ? AND kind IN ('patch', 'cover')"
        static let byTitle =
            MessageRow.Reader.selection + """
                 WHERE (sender_email = ? COLLATE NOCASE AND title = ? AND kind IN ('patch', 'cover')
                        OR sender_email IS NULL AND title = ? AND +author_email = ? COLLATE NOCASE
                            AND kind IN ('patch', 'cover'))
                    AND commit_time < ? AND commit_time >= ? AND kind IN ('patch', 'cover')
                """
        static let all = [byMessageID, byRowID, namingMessage, byChangeID, byTitle]
    }

    /// The thread messages of the rows a `selection` statement gives.
    private static func messages(_ statement: Statement, _ arguments: StatementArguments, reader: MessageRow.Reader)
        throws -> [ThreadMessage]
    {
        var messages: [ThreadMessage] = []
        let cursor = try Row.fetchCursor(statement, arguments: arguments)
        while let row = try cursor.next() {
            let stored = try reader.stored(row)
            if let facts = stored.facts, let message = ThreadMessage(facts: facts, receivedAt: stored.commitTime) {
                messages.append(message)
            }
        }
        return messages
    }

    /// The answer of `body` in a read transaction; `fallback` (and the error kept) when it fails.
    private func answer<T>(_ fallback: T, _ body: (Database) throws -> T) -> T {
        do {
            return try index.read(body)
        } catch {
            errors.keep(error)
            return fallback
        }
    }

    /// The first error of the look-ups, shared by the copies of one lookup.
    private final class ErrorLog: Sendable {
        private let stored = Mutex<IndexError?>(nil)
        var first: IndexError? { stored.withLock { $0 } }
        func keep(_ error: IndexError) { stored.withLock { if $0 == nil { $0 = error } } }
    }
}
