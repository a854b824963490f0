internal import GRDB
internal import InboxReader
internal import MailParser
internal import MessageStream
internal import PatchModel

extension MessageRow {
    /// Prepared statements for one write transaction.
    ///
    /// Values are bound by position from ``MessageRow/facts``: GRDB's `record.insert(db)` (SQL
    /// built, table looked up, a keyed container filled for every record) and an `Encoder` walk
    /// each cost more than parsing the mail (kvmarm: +40% and +13% on the whole build).
    struct Inserter {
        private let facts = MessageRow.facts
        private let message: Statement
        private let deletion: Statement
        private let reference: Statement
        private let trailer: Statement

        init(_ db: Database) throws {
            let columns = MessageRow.placeColumns + facts.flatMap(\.names)
            message = try db.makeStatement(
                sql: """
                    INSERT OR IGNORE INTO messages (\(columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")))
                    VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
                    """)
            // A deletion keeps every fact column at its default (NULL, '', '[]' or 0).
            deletion = try db.makeStatement(
                sql: """
                    INSERT OR IGNORE INTO messages ("commit", epoch, ordinal, commit_time, deleted, facts_version)
                    VALUES (?, ?, ?, ?, 1, ?)
                    """)
            reference = try db.makeStatement(sql: ReferenceRow.insert)
            trailer = try db.makeStatement(sql: TrailerRow.insert)
        }

        /// Inserts the rows of one commit: its message row, then its references and trailers.
        /// A commit already present is left as it is.
        /// - Parameter facts: nil when the commit deletes a message.
        func insert(_ db: Database, commit: CommitRef, ordinal: Int, facts: MessageFacts?) throws {
            guard let facts else {
                var row = RowBinder(deletion)
                row.bind(commit.oid)
                row.bind(commit.epoch)
                row.bind(ordinal)
                row.bind(commit.commitTime)
                row.bind(MessageRow.factsVersion)
                try row.execute()
                return
            }
            var row = RowBinder(message)
            row.bind(commit.oid)
            row.bind(commit.epoch)
            row.bind(ordinal)
            row.bind(commit.commitTime)
            row.bind(false)
            row.bind(MessageRow.factsVersion)
            // Through one pointer to the facts: a key path applied to the value itself copies the
            // whole struct (thirty retains) for every column.
            withUnsafePointer(to: facts) { pointer in
                for column in self.facts { column.write(pointer, &row) }
            }
            try row.execute()
            guard db.changesCount > 0 else { return }
            let message = db.lastInsertedRowID
            for (position, id) in facts.references.enumerated() {
                try insertReference(message: message, ordinal: position, id: id)
            }
            if let inReplyTo = facts.inReplyTo, !facts.references.contains(inReplyTo) {
                try insertReference(message: message, ordinal: ReferenceRow.inReplyToOrdinal, id: inReplyTo)
            }
            for (position, trailer) in facts.trailers.enumerated() {
                var row = RowBinder(self.trailer)
                TrailerRow.bind(message: message, ordinal: position, trailer: trailer, to: &row)
                try row.execute()
            }
        }

        private func insertReference(message: Int64, ordinal: Int, id: String) throws {
            var row = RowBinder(reference)
            row.bind(message)
            row.bind(ordinal)
            row.bind(id)
            try row.execute()
        }
    }

    /// One stored row: where its commit is, and its facts (nil: the commit deletes a message).
    struct Stored {
        /// The row's `id` (schema v4): the key of its references and trailers.
        var id: Int64
        var commit: String
        var epoch: Int
        var commitTime: Int64
        var factsVersion: Int
        var facts: MessageFacts?
    }

    /// Prepared statements for reading rows back, positionally.
    struct Reader {
        /// The columns every read selects, in order: the place, then the facts.
        static let selection: String = {
            let columns =
                ["commit", "epoch", "commit_time", "deleted", "facts_version", "id"] + MessageRow.facts.flatMap(\.names)
            return "SELECT " + columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ") + " FROM messages"
        }()
        private static let firstFactColumn = 6

        private let facts = MessageRow.facts
        private let byCommit: Statement
        private let references: Statement
        private let trailers: Statement
        /// A blank `MessageFacts` whose every stored field is overwritten by a read.
        private let blank = MessageFacts(commit: "", mail: MailMessage(bytes: []))

        init(_ db: Database) throws {
            byCommit = try db.cachedStatement(sql: Self.selection + #" WHERE "commit" = ?"#)
            references = try db.cachedStatement(sql: ReferenceRow.selectByMessage)
            trailers = try db.cachedStatement(sql: TrailerRow.selectByMessage)
        }

        /// The stored message of `commit`; nil when the index does not hold it, or holds facts
        /// older than ``MessageRow/factsVersion`` (the update reads those again).
        func read(_ commit: CommitRef) throws -> ParsedMessage? {
            // The row reads its statement's current values: the cursor must live while it is read.
            let cursor = try Row.fetchCursor(byCommit, arguments: [commit.oid])
            let found = try withExtendedLifetime(cursor) { try cursor.next().map(self.stored) }
            guard let stored = found else { return nil }
            guard stored.factsVersion >= MessageRow.factsVersion else { return nil }
            guard let facts = stored.facts else { return .deleted(commit) }
            return .message(commit, facts)
        }

        /// The stored row of one result row of a `selection` query, with its references and
        /// trailers. Use `row` before the next step of its cursor.
        func stored(_ row: Row) throws -> Stored {
            let commit: String = row[0]
            let id: Int64 = row[5]
            var stored = Stored(
                id: id, commit: commit, epoch: row[1], commitTime: row[2], factsVersion: row[4], facts: nil)
            if row[3] as Bool { return stored }
            var facts = blank
            facts.commit = commit
            var column = Self.firstFactColumn
            for fact in self.facts {
                try fact.read(&facts, row, column)
                column += fact.names.count
            }
            facts.references = try String.fetchAll(references, arguments: [id])
            var trailers: [Trailer] = []
            let cursor = try Row.fetchCursor(self.trailers, arguments: [id])
            while let trailerRow = try cursor.next() { trailers.append(TrailerRow.trailer(trailerRow)) }
            facts.trailers = trailers
            stored.facts = facts
            return stored
        }
    }
}
