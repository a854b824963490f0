internal import GRDB

/// A first build writes its rows without the look-up indexes keyed by random values and builds
/// them once at the end.
///
/// Kept up to date row by row, each index of a random key (Message-ID, sender, commit id, …)
/// puts every new row at a random page of a B-tree larger than SQLite's cache: the first build
/// cost 221 µs a message at 300k against 154 µs at 100k. Written without them, the rows go to
/// the end of each table (schema v4 keys them in archive order) and the indexes are sorted once
/// at the end: 20 µs a message at either size.
///
/// While an index is deferred, its definition waits in `deferred_indexes`; a run interrupted at
/// any point leaves rows that are all sound, the indexes missing, and the next update, which
/// continues the build, creates them. A reader never sees such a file half-built:
/// ``MessageIndex/openReadOnly(at:busyTimeout:)`` refuses it, and every writer updates first.
extension MessageIndex {
    /// The tables whose indexes a first build defers: those that grow with every mail.
    static let tablesWithDeferrableIndexes = ["messages", "references", "trailers"]

    /// Indexes a first build keeps as it writes: their keys follow archive order (position,
    /// commit time), or few rows have one (change-id, rows to read again), so each row lands at
    /// the end of the B-tree or nowhere, as cheap as the table's own row. Made at the end, each
    /// would read the whole table once more (half a gigabyte at a million messages).
    static let indexesKeptWhileWriting: Set<String> = [
        "messages_by_position", "messages_by_commit_time", "messages_by_change_id", "messages_to_read_again",
    ]

    /// Drops every index of the growing tables (not their primary keys) but
    /// ``indexesKeptWhileWriting``, keeping their definitions in `deferred_indexes`, in one
    /// transaction. Returns how many it dropped.
    @discardableResult
    func deferIndexes() throws(IndexError) -> Int {
        try write { db in
            let tables = Self.tablesWithDeferrableIndexes.map { "'\($0)'" }.joined(separator: ", ")
            let indexes = try Row.fetchAll(
                db,
                sql: """
                    SELECT name, sql FROM sqlite_master
                    WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (\(tables)) ORDER BY name
                    """
            ).filter { !Self.indexesKeptWhileWriting.contains($0[0]) }
            for index in indexes {
                let name: String = index[0]
                let definition: String = index[1]
                try db.execute(
                    sql: "INSERT OR REPLACE INTO deferred_indexes (name, sql) VALUES (?, ?)",
                    arguments: [name, definition])
                try db.execute(sql: "DROP INDEX \(name.quotedDatabaseIdentifier)")
            }
            return indexes.count
        }
    }

    /// Whether indexes wait in `deferred_indexes` (a first build not finished).
    func hasDeferredIndexes() throws(IndexError) -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM deferred_indexes)") ?? false }
    }

    /// Creates the deferred indexes, in one transaction, sorting on two threads. A commit
    /// indexed twice (without `messages_by_commit` nothing kept the second row out) keeps its
    /// first row, as an update with the index does. Returns how many indexes it created.
    @discardableResult
    func restoreDeferredIndexes() throws(IndexError) -> Int {
        try write { db in
            let indexes = try Row.fetchAll(db, sql: "SELECT name, sql FROM deferred_indexes ORDER BY name")
            guard !indexes.isEmpty else { return 0 }
            try db.execute(sql: "PRAGMA threads = 2")
            for index in indexes {
                let definition: String = index[1]
                do {
                    try db.execute(sql: definition)
                } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                    try Self.dropRepeatedCommits(db)
                    try db.execute(sql: definition)
                }
            }
            try db.execute(sql: "DELETE FROM deferred_indexes")
            return indexes.count
        }
    }

    /// Deletes every row of a commit but its first (its references and trailers go with it).
    private static func dropRepeatedCommits(_ db: Database) throws {
        try db.execute(
            sql: #"DELETE FROM messages WHERE id NOT IN (SELECT min(id) FROM messages GROUP BY "commit")"#)
    }
}
