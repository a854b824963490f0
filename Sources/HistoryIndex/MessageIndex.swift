internal import Foundation
internal import GRDB
internal import InboxReader
internal import MessageStream

/// The SQLite history of what was parsed from every message of one archive (GRDB, WAL mode).
///
/// Holds one row per archive commit (`messages`, with `references` and `trailers`), the last
/// indexed commit of each epoch (`epochs`), and the since-last-run bookmarks (`run_state`).
/// ``update(from:pipeline:)`` reads only the commits added since the previous update.
/// Every write is a transaction, so a process killed at any point leaves the previous state.
package struct MessageIndex: Sendable {
    /// The database file.
    package let path: String
    /// A `DatabasePool` (WAL) for a run that writes; a read-only `DatabaseQueue` otherwise.
    let database: any DatabaseWriter
    /// Opened by ``openReadOnly(at:busyTimeout:)``: every write fails.
    package let isReadOnly: Bool
    /// How long a statement waits for another process's lock before it fails, in seconds.
    package let busyTimeout: Double

    /// Opens the index at `path` for reading and writing, migrating its schema to the newest
    /// version this build knows.
    ///
    /// Nothing is written before the file is known to be ours (``IndexFile/inspect(_:busyTimeout:)``:
    /// someone else's database, or a newer index, is refused as it is), nor when it cannot be
    /// written (``IndexWriteProblem``): that is one line saying why, never "remove the file".
    /// - Parameters:
    ///   - create: create the file (and its folder) when missing; when false a missing file
    ///     throws `.noSuchIndex`.
    ///   - busyTimeout: how long to wait for another process's lock before failing with `.locked`.
    /// - Throws: `IndexError` `.noSuchIndex`, `.cannotOpen`, `.notAnIndex`, `.newerSchema`,
    ///   `.readOnly`, `.locked`, `.damaged`.
    /// - Parameter note: one line for standard error when an older index is rewritten for schema
    ///   v4 (once; about a minute at a million messages), or a large one of v4 has its look-up
    ///   indexes narrowed for v5 (once; seconds); default: `lore-digest: TEXT` there.
    package static func open(
        at path: String, create: Bool, busyTimeout: Double = 30,
        note: (String) -> Void = { ProgressReporter.writeToStandardError("lore-digest: \($0)\n") }
    ) throws(IndexError) -> MessageIndex {
        let fileManager = FileManager.default
        if !fileManager.fileExists(atPath: path) {
            guard create else {
                throw IndexError(
                    .noSuchIndex, "no index at '\(path)'; build it with 'lore-digest index ARCHIVE --index \(path)'")
            }
            let folder = (path as NSString).deletingLastPathComponent
            do {
                try fileManager.createDirectory(
                    atPath: folder.isEmpty ? "." : folder, withIntermediateDirectories: true)
            } catch {
                throw IndexError(
                    .cannotOpen,
                    "cannot create the folder of the index '\(path)'; check that it is writable or give --index PATH")
            }
        }
        let content = try IndexFile.inspect(path, busyTimeout: busyTimeout)
        if let problem = IndexWriteProblem.find(at: path) {
            throw IndexError(
                .readOnly, "the index '\(path)' \(problem), and this run must write to it; \(problem.remedy)")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        // WAL with synchronous NORMAL: a killed process never corrupts the file or loses a
        // committed transaction; only a power loss may drop the newest ones.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        let index: MessageIndex
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            index = MessageIndex(path: path, database: pool, isReadOnly: false, busyTimeout: busyTimeout)
            let rewritesRows = try IndexSchema.rewritesRows(pool)
            if let rows = rewritesRows, rows > 0 {
                note("index → v4: rewriting its \(rows) rows in archive order (once)…")
            } else if let rows = try IndexSchema.narrowsIndexes(pool), rows >= Self.noteRestoringAbove {
                note("index → v5: narrowing the look-up indexes of \(rows) messages (once)…")
            }
            try IndexSchema.migrator.migrate(pool)
            // The rewritten tables' old pages stay in the file as free pages until a VACUUM,
            // which needs room for a copy of the file: without it the index works as it is.
            if let rows = rewritesRows, rows > 0 {
                do {
                    try pool.vacuum()
                } catch {
                    note(
                        "could not compact the index '\(path)' after the rewrite (\(failure(error, path: path, busyTimeout: busyTimeout).message)); it keeps the old tables' space as free pages, which it reuses as it grows"
                    )
                }
            }
            if content == .new || content.applicationID == 0 {
                try pool.write { db in try db.execute(sql: "PRAGMA application_id = \(IndexFile.applicationID)") }
            }
        } catch let error as IndexError {
            throw error
        } catch {
            throw failure(error, path: path, busyTimeout: busyTimeout)
        }
        return index
    }

    /// Opens the index at `path` for reading only, writing nothing to the file or beside it when
    /// it cannot be written (a read-only file or folder): what `--history` and a plain report
    /// need. Its schema must be the newest, since upgrading it would be a write.
    /// - Throws: `IndexError` `.noSuchIndex`, `.notAnIndex`, `.newerSchema`, `.readOnly` (an
    ///   older schema, or an interrupted first build), `.cannotOpen`, `.damaged`.
    package static func openReadOnly(at path: String, busyTimeout: Double = 30) throws(IndexError) -> MessageIndex {
        guard case .index(let applied, _) = try IndexFile.inspect(path, busyTimeout: busyTimeout) else {
            throw IndexError(
                .noSuchIndex, "no index at '\(path)'; build it with 'lore-digest index ARCHIVE --index \(path)'")
        }
        if applied.count < IndexSchema.versions.count {
            let why = IndexWriteProblem.find(at: path).map { " \($0)" } ?? " cannot be written"
            throw IndexError(
                .readOnly,
                "the index '\(path)' was made by an older lore-digest and must be upgraded, but it\(why); make it writable for one run of 'lore-digest index', or give another --index PATH"
            )
        }
        let index: MessageIndex
        do {
            let queue = try IndexFile.readOnlyQueue(path, busyTimeout: busyTimeout)
            index = MessageIndex(path: path, database: queue, isReadOnly: true, busyTimeout: busyTimeout)
        } catch {
            throw failure(error, path: path, busyTimeout: busyTimeout)
        }
        // An interrupted first build lacks its look-up indexes: every question would read the
        // whole file. Finishing it is a write.
        if try index.hasDeferredIndexes() {
            let why = IndexWriteProblem.find(at: path).map { " \($0)" } ?? " cannot be written"
            throw IndexError(
                .readOnly,
                "the index '\(path)' is a first build that was interrupted and must be finished, but it\(why); make it writable for one run of 'lore-digest index', or give another --index PATH"
            )
        }
        return index
    }

    /// The schema version: the newest applied migration (`v1`, …).
    package func schemaVersion() throws(IndexError) -> String? {
        try read { db in try IndexSchema.migrator.appliedMigrations(db).last }
    }

    /// How many commits (messages and deletions) the index holds.
    package func messageCount() throws(IndexError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM messages") ?? 0 }
    }

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    package func integrityCheck() throws(IndexError) -> String {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }

    // MARK: - Error wrapping

    func read<T>(_ body: (Database) throws -> T) throws(IndexError) -> T {
        do {
            return try database.read(body)
        } catch let error as IndexError {
            throw error
        } catch {
            throw failure(error)
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws(IndexError) -> T {
        do {
            return try database.write(body)
        } catch let error as IndexError {
            throw error
        } catch {
            throw failure(error)
        }
    }

    func failure(_ error: any Error) -> IndexError {
        Self.failure(error, path: path, busyTimeout: busyTimeout)
    }
}
