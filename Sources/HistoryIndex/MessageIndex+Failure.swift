internal import GRDB
internal import InboxReader

extension MessageIndex {
    /// One line for a failure of SQLite on the index at `path`, by its result code: what is
    /// wrong and what to do.
    ///
    /// Removing the file is advised only when SQLite found it damaged, and says what goes with
    /// it (the bookmarks): never for a lock, a read-only file or folder, a full disk or an I/O
    /// error, where it would throw away every bookmark and fix nothing.
    static func failure(_ error: any Error, path: String, busyTimeout: Double) -> IndexError {
        guard let error = error as? DatabaseError else {
            return IndexError(.databaseFailed, "the index '\(path)' failed: \(error); run again")
        }
        let sqlite = "SQLite: " + (error.message ?? "\(error.resultCode)")
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return IndexError(
                .locked,
                "the index '\(path)' is locked by another process (another lore-digest updating it?) and stayed locked for \(Int(busyTimeout)) s; wait for it to finish, then run again"
            )
        case .SQLITE_READONLY:
            return IndexError(
                .readOnly,
                "the index '\(path)' cannot be written (\(sqlite)); check that you may write the file and its folder, or give another --index PATH"
            )
        case .SQLITE_CANTOPEN:
            return IndexError(
                .cannotOpen,
                "cannot open the index '\(path)' (\(sqlite)); check that its folder exists and is writable (SQLite keeps its journal beside the index), or give another --index PATH"
            )
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return damaged(path: path, sqlite: sqlite)
        case .SQLITE_FULL:
            return IndexError(
                .databaseFailed, "the disk holding the index '\(path)' is full (\(sqlite)); free space, then run again")
        case .SQLITE_IOERR:
            return IndexError(
                .databaseFailed,
                "cannot read or write the index '\(path)' (\(sqlite)); check the disk and the file, then run again")
        default:
            return IndexError(.databaseFailed, "the index '\(path)' failed (\(sqlite)); run again")
        }
    }

    /// The index is damaged: the one case where rebuilding it is the remedy.
    static func damaged(path: String, sqlite: String) -> IndexError {
        IndexError(
            .damaged,
            "the index '\(path)' is damaged (\(sqlite)); remove it and run 'lore-digest index' to rebuild it (the --since-last-run bookmarks kept in it go with it)"
        )
    }

    /// `PRAGMA quick_check`: reads every page of the index (about 2 ms per MB: 3 s at a million
    /// messages) and fails with the message a report gives when it meets the damage.
    /// - Throws: `IndexError` `.damaged`, or as ``failure(_:path:busyTimeout:)``.
    package func checkIntegrity() throws(IndexError) {
        try quickCheck("PRAGMA quick_check(1)")
    }

    /// `PRAGMA quick_check(TABLE)` of the tables an update reads to know where it stands (the
    /// epochs' last indexed commits, the since-last-run bookmarks): milliseconds at any size,
    /// where ``checkIntegrity()`` grows with the archive. Damage among the messages' pages is
    /// met by SQLite when it reads them, with the same message.
    /// - Throws: `IndexError` `.damaged`, or as ``failure(_:path:busyTimeout:)``.
    package func checkBookkeeping() throws(IndexError) {
        for table in ["epochs", "run_state", "run_state_epochs"] {
            try quickCheck("PRAGMA quick_check(\(table))")
        }
    }

    private func quickCheck(_ pragma: String) throws(IndexError) {
        let result = try read { db in try String.fetchAll(db, sql: pragma) }
        if result != ["ok"] {
            throw Self.damaged(path: path, sqlite: "SQLite: database disk image is malformed")
        }
    }
}
