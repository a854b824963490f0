internal import Foundation
internal import GRDB
internal import InboxReader

/// The SQLite history of what was parsed from every message of one archive (GRDB, WAL mode).
///
/// Holds one row per archive commit (`messages`, with `references` and `trailers`), the last
/// indexed commit of each epoch (`epochs`), and the since-last-run bookmarks (`run_state`).
/// ``update(from:pipeline:)`` reads only the commits added since the previous update.
/// Every write is a transaction, so a process killed at any point leaves the previous state.
package struct MessageIndex: Sendable {
    /// The database file.
    package let path: String
    let pool: DatabasePool

    /// Opens the index at `path`, migrating its schema to the newest version this build knows.
    ///
    /// - Parameter create: create the file (and its folder) when missing; when false a missing
    ///   file throws `.noSuchIndex`.
    /// - Throws: `IndexError` `.noSuchIndex`, `.cannotOpen`, `.notAnIndex`, `.newerSchema`.
    package static func open(at path: String, create: Bool) throws(IndexError) -> MessageIndex {
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
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        // WAL with synchronous NORMAL: a killed process never corrupts the file or loses a
        // committed transaction; only a power loss may drop the newest ones.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw IndexError(
                .cannotOpen,
                "cannot open the index '\(path)' as SQLite: \(Self.reason(error)); remove the file to rebuild it, or give another --index PATH"
            )
        }
        let index = MessageIndex(path: path, pool: pool)
        try index.migrate()
        return index
    }

    /// Checks that the file is ours and not newer, then applies the missing migrations.
    private func migrate() throws(IndexError) {
        let migrator = IndexSchema.migrator
        do {
            let (superseded, foreign) = try pool.read { db in
                let tables = try String.fetchAll(
                    db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                let foreign = !tables.isEmpty && !tables.contains("grdb_migrations")
                return (foreign ? false : try migrator.hasBeenSuperseded(db), foreign)
            }
            if foreign {
                throw IndexError(
                    .notAnIndex,
                    "'\(path)' is an SQLite database but not a lore-digest index; give another --index PATH (it is left untouched)"
                )
            }
            if superseded {
                let applied = try pool.read { db in try migrator.appliedIdentifiers(db) }
                let unknown = applied.subtracting(IndexSchema.versions).sorted().joined(separator: ", ")
                throw IndexError(
                    .newerSchema,
                    "the index '\(path)' has schema \(unknown), newer than this lore-digest knows (up to \(IndexSchema.versions.last ?? "v1")); update lore-digest or give another --index PATH (the index is left untouched)"
                )
            }
            try migrator.migrate(pool)
        } catch let error as IndexError {
            throw error
        } catch {
            throw IndexError(
                .notAnIndex,
                "cannot read the index '\(path)': \(Self.reason(error)); remove the file to rebuild it, or give another --index PATH"
            )
        }
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
            return try pool.read(body)
        } catch let error as IndexError {
            throw error
        } catch {
            throw failure(error)
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws(IndexError) -> T {
        do {
            return try pool.write(body)
        } catch let error as IndexError {
            throw error
        } catch {
            throw failure(error)
        }
    }

    func failure(_ error: any Error) -> IndexError {
        IndexError(
            .databaseFailed,
            "the index '\(path)' failed: \(Self.reason(error)); run again, or remove the file to rebuild it")
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? "\(error.resultCode)"
        }
        return "\(error)"
    }
}
