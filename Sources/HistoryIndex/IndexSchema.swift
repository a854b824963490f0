internal import GRDB

/// The index's tables, versioned by GRDB's `DatabaseMigrator` (migrations `v1`, `v2`, …).
///
/// A database written by a newer lore-digest (a migration this one does not know) is refused,
/// never dropped: `eraseDatabaseOnSchemaChange` stays off.
enum IndexSchema {
    /// The identifiers of the migrations this build knows, oldest first.
    static var versions: [String] { migrator.migrations }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v2") { db in
            try db.execute(sql: v2)
        }
        migrator.registerMigration("v3") { db in
            try db.execute(sql: v3)
        }
        migrator.registerMigration("v4") { db in
            try db.execute(sql: v4)
        }
        migrator.registerMigration("v5") { db in
            try v5(db)
        }
        return migrator
    }

    /// The rows an index holds when the migrations still to apply include v4, which rewrites
    /// them (for a note, and a `VACUUM` after it); nil when v4 is applied or the file is new.
    static func rewritesRows(_ writer: some DatabaseWriter) throws -> Int? {
        try writer.read { db in
            let applied = try migrator.appliedIdentifiers(db)
            guard !applied.isEmpty, !applied.contains("v4") else { return nil }
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM messages") ?? 0
        }
    }

    /// The messages an index holds when v5 is still to apply to an index of v4 (for a note:
    /// seconds at a million messages); nil otherwise (a new file, or one v4 rewrites, which says
    /// so itself).
    static func narrowsIndexes(_ writer: some DatabaseWriter) throws -> Int? {
        try writer.read { db in
            let applied = try migrator.appliedIdentifiers(db)
            guard applied.contains("v4"), !applied.contains("v5") else { return nil }
            return try Int.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM messages") ?? 0
        }
    }

    /// Version 1. `"commit"` and `"references"` are SQL keywords, hence always quoted.
    static let v1 = """
        CREATE TABLE epochs (
            epoch INTEGER PRIMARY KEY,
            git_dir TEXT NOT NULL,
            last_commit TEXT,
            last_ordinal INTEGER NOT NULL DEFAULT -1,
            updated_at INTEGER NOT NULL
        );
        CREATE TABLE messages (
            "commit" TEXT PRIMARY KEY,
            epoch INTEGER NOT NULL,
            ordinal INTEGER NOT NULL,
            commit_time INTEGER NOT NULL,
            deleted INTEGER NOT NULL DEFAULT 0,
            message_id TEXT,
            in_reply_to TEXT,
            subject TEXT,
            title TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',
            author_name TEXT,
            author_email TEXT,
            author_from_body INTEGER NOT NULL DEFAULT 0,
            sender_name TEXT,
            sender_email TEXT,
            date INTEGER,
            date_offset INTEGER,
            kind TEXT,
            number INTEGER,
            total INTEGER,
            version INTEGER,
            is_rfc INTEGER NOT NULL DEFAULT 0,
            is_resend INTEGER NOT NULL DEFAULT 0,
            first_line TEXT,
            list_id TEXT,
            problems TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX messages_by_position ON messages (epoch, ordinal);
        CREATE INDEX messages_by_message_id ON messages (message_id);
        CREATE INDEX messages_by_author_email ON messages (author_email COLLATE NOCASE);
        CREATE INDEX messages_by_commit_time ON messages (commit_time);
        CREATE TABLE "references" (
            "commit" TEXT NOT NULL REFERENCES messages ("commit") ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            message_id TEXT NOT NULL,
            PRIMARY KEY ("commit", ordinal)
        ) WITHOUT ROWID;
        CREATE INDEX references_by_message_id ON "references" (message_id);
        CREATE TABLE trailers (
            "commit" TEXT NOT NULL REFERENCES messages ("commit") ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            name TEXT NOT NULL,
            value TEXT NOT NULL,
            person_name TEXT,
            person_email TEXT,
            is_person INTEGER NOT NULL,
            PRIMARY KEY ("commit", ordinal)
        ) WITHOUT ROWID;
        CREATE INDEX trailers_by_person_email ON trailers (person_email COLLATE NOCASE);
        CREATE TABLE run_state (
            name TEXT PRIMARY KEY,
            updated_at INTEGER NOT NULL
        );
        CREATE TABLE run_state_epochs (
            name TEXT NOT NULL REFERENCES run_state (name) ON DELETE CASCADE,
            epoch INTEGER NOT NULL,
            last_commit TEXT NOT NULL,
            last_commit_time INTEGER NOT NULL,
            PRIMARY KEY (name, epoch)
        ) WITHOUT ROWID;
        """

    /// Version 2: the per-message facts of series and versions (issue 10): `minor_version`,
    /// `patch_id`, `change_id`, `bot_name`, `applied_notice` and `pull_request` (JSON objects),
    /// and a trailer's `is_mismatched`; indexes for the series look-ups (`IndexSeriesLookup`).
    ///
    /// The rows of version 1 lack these facts (and may classify a series without the word PATCH
    /// otherwise): they keep `facts_version` 1, and the next update reads them again from the
    /// archive (`MessageIndex.update`), batch by batch, so a run killed midway continues. The
    /// partial index finds them without a scan; deletions hold no facts and need no second read.
    static let v2 = """
        ALTER TABLE messages ADD COLUMN facts_version INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE messages ADD COLUMN minor_version INTEGER;
        ALTER TABLE messages ADD COLUMN patch_id TEXT;
        ALTER TABLE messages ADD COLUMN change_id TEXT;
        ALTER TABLE messages ADD COLUMN bot_name TEXT;
        ALTER TABLE messages ADD COLUMN applied_notice TEXT;
        ALTER TABLE messages ADD COLUMN pull_request TEXT;
        ALTER TABLE trailers ADD COLUMN is_mismatched INTEGER NOT NULL DEFAULT 0;
        UPDATE messages SET facts_version = 2 WHERE deleted = 1;
        CREATE INDEX messages_to_read_again ON messages (epoch, ordinal) WHERE facts_version < 2;
        CREATE INDEX messages_by_in_reply_to ON messages (in_reply_to) WHERE in_reply_to IS NOT NULL;
        CREATE INDEX messages_by_change_id ON messages (change_id) WHERE change_id IS NOT NULL;
        CREATE INDEX messages_by_sender_title ON messages (sender_email COLLATE NOCASE, title);
        """

    /// Version 3: whether an epoch's indexed history is one chain without merge commits
    /// (`is_linear` 1), holds a merge (0), or was not looked at yet (NULL: an index of v2, looked
    /// at by the next update). The ordinals of a chain are `git rev-list --reverse`'s order, so
    /// a time window can be answered from the index instead of listing the epoch
    /// (`MessageIndex+Timeline.swift`); any other value leaves the window to git.
    static let v3 = """
        ALTER TABLE epochs ADD COLUMN is_linear INTEGER;
        """

    /// Version 4: rows keyed in the order they were indexed, so that adding mail appends to every
    /// table instead of inserting at random places. `messages` gets `id INTEGER PRIMARY KEY`
    /// (archive order: epoch, ordinal) and `"commit"` an index of its own (`messages_by_commit`);
    /// `references` and `trailers` are keyed by `(message, ordinal)`, the message's `id`, instead
    /// of its commit id, a random hex string that put each new row at a random page of two large
    /// B-trees (the first build at 300k: 221 µs a message in SQLite, 129 µs keyed by `id`).
    /// `deferred_indexes` holds the indexes a first build drops until its last row is written
    /// (`MessageIndex+DeferredIndexes.swift`).
    ///
    /// The tables are rebuilt: about 14 s at 300k messages, once; the old tables' pages are
    /// given back by a `VACUUM` after the migration (``MessageIndex/open(at:create:busyTimeout:note:)``).
    static let v4 = """
        ALTER TABLE messages RENAME TO messages_v3;
        ALTER TABLE "references" RENAME TO references_v3;
        ALTER TABLE trailers RENAME TO trailers_v3;
        CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            "commit" TEXT NOT NULL,
            epoch INTEGER NOT NULL,
            ordinal INTEGER NOT NULL,
            commit_time INTEGER NOT NULL,
            deleted INTEGER NOT NULL DEFAULT 0,
            message_id TEXT,
            in_reply_to TEXT,
            subject TEXT,
            title TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',
            author_name TEXT,
            author_email TEXT,
            author_from_body INTEGER NOT NULL DEFAULT 0,
            sender_name TEXT,
            sender_email TEXT,
            date INTEGER,
            date_offset INTEGER,
            kind TEXT,
            number INTEGER,
            total INTEGER,
            version INTEGER,
            is_rfc INTEGER NOT NULL DEFAULT 0,
            is_resend INTEGER NOT NULL DEFAULT 0,
            first_line TEXT,
            list_id TEXT,
            problems TEXT NOT NULL DEFAULT '[]',
            facts_version INTEGER NOT NULL DEFAULT 1,
            minor_version INTEGER,
            patch_id TEXT,
            change_id TEXT,
            bot_name TEXT,
            applied_notice TEXT,
            pull_request TEXT
        );
        INSERT INTO messages ("commit", epoch, ordinal, commit_time, deleted, message_id, in_reply_to, subject, title, tags,
            author_name, author_email, author_from_body, sender_name, sender_email, date, date_offset, kind, number, total,
            version, is_rfc, is_resend, first_line, list_id, problems, facts_version, minor_version, patch_id, change_id,
            bot_name, applied_notice, pull_request)
        SELECT "commit", epoch, ordinal, commit_time, deleted, message_id, in_reply_to, subject, title, tags,
            author_name, author_email, author_from_body, sender_name, sender_email, date, date_offset, kind, number, total,
            version, is_rfc, is_resend, first_line, list_id, problems, facts_version, minor_version, patch_id, change_id,
            bot_name, applied_notice, pull_request
        FROM messages_v3 ORDER BY epoch, ordinal;
        CREATE UNIQUE INDEX messages_by_commit ON messages ("commit");
        CREATE TABLE "references" (
            message INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            message_id TEXT NOT NULL,
            PRIMARY KEY (message, ordinal)
        ) WITHOUT ROWID;
        INSERT INTO "references" (message, ordinal, message_id)
        SELECT m.id, r.ordinal, r.message_id FROM messages m JOIN references_v3 r ON r."commit" = m."commit" ORDER BY m.id, r.ordinal;
        CREATE TABLE trailers (
            message INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            name TEXT NOT NULL,
            value TEXT NOT NULL,
            person_name TEXT,
            person_email TEXT,
            is_person INTEGER NOT NULL,
            is_mismatched INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (message, ordinal)
        ) WITHOUT ROWID;
        INSERT INTO trailers (message, ordinal, name, value, person_name, person_email, is_person, is_mismatched)
        SELECT m.id, t.ordinal, t.name, t.value, t.person_name, t.person_email, t.is_person, t.is_mismatched
        FROM messages m JOIN trailers_v3 t ON t."commit" = m."commit" ORDER BY m.id, t.ordinal;
        DROP TABLE trailers_v3;
        DROP TABLE references_v3;
        DROP TABLE messages_v3;
        CREATE INDEX messages_by_position ON messages (epoch, ordinal);
        CREATE INDEX messages_by_message_id ON messages (message_id);
        CREATE INDEX messages_by_author_email ON messages (author_email COLLATE NOCASE);
        CREATE INDEX messages_by_commit_time ON messages (commit_time);
        CREATE INDEX messages_to_read_again ON messages (epoch, ordinal) WHERE facts_version < 2;
        CREATE INDEX messages_by_in_reply_to ON messages (in_reply_to) WHERE in_reply_to IS NOT NULL;
        CREATE INDEX messages_by_change_id ON messages (change_id) WHERE change_id IS NOT NULL;
        CREATE INDEX messages_by_sender_title ON messages (sender_email COLLATE NOCASE, title);
        CREATE INDEX references_by_message_id ON "references" (message_id);
        CREATE INDEX trailers_by_person_email ON trailers (person_email COLLATE NOCASE);
        CREATE TABLE deferred_indexes (
            name TEXT PRIMARY KEY,
            sql TEXT NOT NULL
        );
        """

    /// Version 5: fewer index entries at random places per new mail, which is what an update
    /// pays for (in page writes, then in the checkpoint's copy and `fsync`; +1,000 mails at 1M:
    /// 0.41–0.51 s → 0.33–0.41 s on the index this migration gives, see `docs/performance.md`).
    /// The migration is frozen history: its SQL spells ``ReferenceRow/inReplyToOrdinal`` as -1.
    /// - In-Reply-To joins `references` as a row of ordinal -1 when References does not name
    ///   it already (0.3% of the replies of the corpora), so that `references_by_message_id`
    ///   answers the thread walk alone, and `messages_by_in_reply_to` (one entry per reply) goes.
    /// - The sender-and-title and author indexes hold patch and cover mails only: every query
    ///   through them asks for `kind IN ('patch', 'cover')` (`IndexSeriesLookup`, the look-back).
    ///
    /// An interrupted first build (`deferred_indexes`) keeps its definitions there, updated.
    static func v5(_ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO "references" (message, ordinal, message_id)
                SELECT id, -1, in_reply_to FROM messages m WHERE in_reply_to IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM "references" r WHERE r.message = m.id AND r.message_id = m.in_reply_to);
                DROP INDEX IF EXISTS messages_by_in_reply_to;
                DELETE FROM deferred_indexes WHERE name = 'messages_by_in_reply_to';
                """)
        for (name, definition) in v5NarrowedIndexes {
            let isDeferred =
                try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM deferred_indexes WHERE name = ?)", arguments: [name])
                ?? false
            if isDeferred {
                try db.execute(
                    sql: "UPDATE deferred_indexes SET sql = ? WHERE name = ?", arguments: [definition, name])
            } else {
                try db.execute(sql: "DROP INDEX IF EXISTS \(name)")
                try db.execute(sql: definition)
            }
        }
    }

    /// The indexes v5 narrows to patch and cover mails, by name.
    static let v5NarrowedIndexes: KeyValuePairs<String, String> = [
        "messages_by_author_email":
            "CREATE INDEX messages_by_author_email ON messages (author_email COLLATE NOCASE) WHERE kind IN ('patch', 'cover')",
        "messages_by_sender_title":
            "CREATE INDEX messages_by_sender_title ON messages (sender_email COLLATE NOCASE, title) WHERE kind IN ('patch', 'cover')",
    ]
}
