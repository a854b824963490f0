internal import MessageStream
internal import GRDB
internal import InboxReader
internal import PatchModel

extension MessageRow {
    /// Prepared statements for one write transaction.
    struct Inserter {
        let message: BulkInsert<MessageRow>
        let reference: BulkInsert<ReferenceRow>
        let trailer: BulkInsert<TrailerRow>

        init(_ db: Database) throws {
            message = try BulkInsert(db, onConflict: .ignore)
            reference = try BulkInsert(db)
            trailer = try BulkInsert(db)
        }

        /// Inserts the rows of one commit: its message row, then its references and trailers.
        /// A commit already present is left as it is.
        /// - Parameter facts: nil when the commit deletes a message.
        func insert(_ db: Database, commit: CommitRef, ordinal: Int, facts: MessageFacts?) throws {
            try message.insert(MessageRow(commit: commit, ordinal: ordinal, facts: facts))
            guard let facts, db.changesCount > 0 else { return }
            for (position, id) in facts.references.enumerated() {
                try reference.insert(ReferenceRow(commit: commit.oid, ordinal: position, messageID: id))
            }
            for (position, trailer) in facts.trailers.enumerated() {
                try self.trailer.insert(TrailerRow(commit: commit.oid, ordinal: position, trailer: trailer))
            }
        }
    }

    /// Prepared statements for reading commits back.
    struct Reader {
        let message: Statement
        let references: Statement
        let trailers: Statement

        init(_ db: Database) throws {
            message = try db.makeStatement(sql: #"SELECT * FROM messages WHERE "commit" = ?"#)
            references = try db.makeStatement(
                sql: #"SELECT * FROM "references" WHERE "commit" = ? ORDER BY ordinal"#)
            trailers = try db.makeStatement(sql: #"SELECT * FROM trailers WHERE "commit" = ? ORDER BY ordinal"#)
        }

        /// The stored message of `commit`; nil when the index does not hold it.
        func read(_ commit: CommitRef) throws -> ParsedMessage? {
            guard let row = try MessageRow.fetchOne(message, arguments: [commit.oid]) else { return nil }
            if row.deleted { return .deleted(commit) }
            let facts = try row.facts(
                references: try ReferenceRow.fetchAll(references, arguments: [commit.oid]).map(\.messageID),
                trailers: try TrailerRow.fetchAll(trailers, arguments: [commit.oid]).map(\.trailer))
            return .message(commit, facts)
        }
    }
}
