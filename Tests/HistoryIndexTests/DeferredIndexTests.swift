import Foundation
import GRDB
import InboxReader
import MessageStream
import PatchModel
import TestSupport
import Testing

@testable import HistoryIndex

/// A first build writes its rows without the look-up indexes and sorts them at the end
/// (`MessageIndex+DeferredIndexes.swift`); an interrupted one is finished by the next update
/// and refused, meanwhile, by a read-only open. Schema v4 keys rows in archive order, and an
/// index of v3 is rewritten to it with the same facts.
struct DeferredIndexTests {
    /// Every index of the file, with its definition, as a fresh file of this schema has them.
    static func indexes(_ path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            try String.fetchAll(
                db, sql: "SELECT name || ': ' || ifnull(sql, '') FROM sqlite_master WHERE type = 'index' ORDER BY name")
        }
    }

    static func freshIndexes(in directory: TemporaryDirectory) throws -> [String] {
        let path = directory.path + "/fresh.sqlite"
        _ = try MessageIndex.open(at: path, create: true)
        return try indexes(path)
    }

    /// Every stored message of `path`, in archive order, with the place of its row.
    static func storedMessages(_ path: String) throws -> [String] {
        let index = try MessageIndex.open(at: path, create: false)
        let commits = try index.read { db in
            try Row.fetchAll(db, sql: #"SELECT "commit", epoch, commit_time FROM messages ORDER BY epoch, ordinal"#)
                .map { CommitRef(epoch: $0[1], oid: $0[0], commitTime: $0[2]) }
        }
        return try index.storedMessages(for: commits).map { String(describing: $0) }
    }

    @Test func aFirstBuildEndsWithEveryIndexOfTheSchema() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let inbox = try Inbox.open(try await SyntheticArchive.write(count: 25, in: directory))
        let path = directory.path + "/index.sqlite"
        let index = try MessageIndex.open(at: path, create: true)
        var notes: [String] = []
        let update = try await index.update(from: inbox, batchSize: 7) { notes.append($0) }
        #expect(update.added == 25)
        #expect(notes.isEmpty)
        #expect(try !index.hasDeferredIndexes())
        let fresh = try Self.freshIndexes(in: directory)
        #expect(fresh.count == 13)
        #expect(try Self.indexes(path) == fresh)
        // Rows are keyed in archive order.
        let places = try index.read { db in
            try Row.fetchAll(db, sql: "SELECT epoch, ordinal FROM messages ORDER BY id").map {
                [$0[0], $0[1]] as [Int]
            }
        }
        #expect(places == (0..<25).map { [0, $0] })
    }

    /// A run killed during a first build leaves its rows without indexes and their definitions
    /// in `deferred_indexes`: a read-only open refuses it, the next update finishes it.
    @Test func anInterruptedFirstBuildIsFinishedByTheNextUpdate() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let inboxPath = try await SyntheticArchive.write(count: 20, in: directory)
        let gitDirectory = inboxPath + "/git/0.git"
        let head = try SyntheticArchive.revParse(gitDirectory, "HEAD")
        try SyntheticArchive.git(gitDirectory, ["update-ref", "refs/heads/master", "HEAD~8"])
        let path = directory.path + "/index.sqlite"
        let index = try MessageIndex.open(at: path, create: true)
        _ = try await index.update(from: try Inbox.open(inboxPath))
        // The state a killed first build leaves: 12 rows, committed, and of the look-up indexes
        // only those kept while writing (keyed in archive order, or by rare values).
        #expect(try index.messageCount() == 12)
        #expect(try index.deferIndexes() == 6)
        #expect(try index.hasDeferredIndexes())
        let kept = try Self.indexes(path).map { String($0.prefix { $0 != ":" }) }.filter {
            !$0.hasPrefix("sqlite_autoindex_")
        }
        #expect(Set(kept) == MessageIndex.indexesKeptWhileWriting)

        #expect {
            try MessageIndex.openReadOnly(at: path)
        } throws: { error in
            guard let error = error as? IndexError else { return false }
            return error.code == .readOnly && error.message.contains("first build that was interrupted")
        }

        try SyntheticArchive.git(gitDirectory, ["update-ref", "refs/heads/master", head])
        let update = try await MessageIndex.open(at: path, create: false).update(from: try Inbox.open(inboxPath))
        #expect(update.added == 8)
        #expect(update.total == 20)
        #expect(try !index.hasDeferredIndexes())
        #expect(try Self.indexes(path) == Self.freshIndexes(in: directory))
        let lookup = IndexSeriesLookup(index: try MessageIndex.openReadOnly(at: path))
        #expect(lookup.message(id: "m11@example.org")?.messageID == "m11@example.org")
        #expect(lookup.message(id: "m16@example.org")?.messageID == "m16@example.org")
        #expect(lookup.messages(inThreadOf: "m10@example.org").count == 5)
    }

    /// Without `messages_by_commit` nothing keeps a commit from being written twice; the index
    /// is then made with the commit's first row, as `INSERT OR IGNORE` with it would have.
    @Test func aCommitWrittenTwiceWhileDeferredKeepsItsFirstRow() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let inbox = try Inbox.open(try await SyntheticArchive.write(count: 10, in: directory))
        let path = directory.path + "/index.sqlite"
        let index = try MessageIndex.open(at: path, create: true)
        _ = try await index.update(from: inbox)
        let before = try Self.storedMessages(path)
        try index.deferIndexes()
        try index.write { db in
            // Message 1 (a patch with references and a trailer) once more, as a later row.
            try db.execute(
                sql: """
                    INSERT INTO messages ("commit", epoch, ordinal, commit_time, title, facts_version)
                    SELECT "commit", epoch, 99, commit_time, 'the second copy', facts_version FROM messages WHERE ordinal = 1
                    """)
            let copy = db.lastInsertedRowID
            try db.execute(
                sql: #"INSERT INTO "references" SELECT ?, ordinal, message_id FROM "references" WHERE message = 2"#,
                arguments: [copy])
        }
        #expect(try index.messageCount() == 11)
        #expect(try index.restoreDeferredIndexes() == 6)
        #expect(try index.messageCount() == 10)
        #expect(try Self.storedMessages(path) == before)
        let orphans = try index.read { db in
            try Int.fetchOne(
                db, sql: #"SELECT count(*) FROM "references" WHERE message NOT IN (SELECT id FROM messages)"#)
        }
        #expect(orphans == 0)
        #expect(try Self.indexes(path) == Self.freshIndexes(in: directory))
    }

    /// An index of schema v3 (rows keyed by commit id) is rewritten once, saying so, with the
    /// same facts, its rows in archive order, and no free pages left behind.
    @Test func anIndexOfVersion3IsRewrittenWithTheSameFacts() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let inbox = try Inbox.open(try await SeriesArchive.write(in: directory))
        let built = directory.path + "/built.sqlite"
        _ = try await MessageIndex.open(at: built, create: true).update(from: inbox)
        let path = directory.path + "/v3.sqlite"
        try Self.writeVersion3(at: path, from: built)

        var notes: [String] = []
        let index = try MessageIndex.open(at: path, create: false) { notes.append($0) }
        #expect(notes == ["index → v4: rewriting its 14 rows in archive order (once)…"])
        #expect(try index.schemaVersion() == "v5")
        #expect(try Self.storedMessages(path) == Self.storedMessages(built))
        #expect(try Self.indexes(path) == Self.freshIndexes(in: directory))
        let (free, check) = try index.read { db in
            (
                try Int.fetchOne(db, sql: "PRAGMA freelist_count"),
                try String.fetchOne(db, sql: "PRAGMA foreign_key_check")
            )
        }
        #expect(free == 0)
        #expect(check == nil)
        // Nothing is rewritten twice, and the update finds nothing new.
        notes = []
        let update = try await MessageIndex.open(at: path, create: false) { notes.append($0) }.update(from: inbox)
        #expect(notes.isEmpty)
        #expect(update.added == 0)
    }

    /// A new file with the tables of schema v1 up to v`last`, as an older lore-digest made it.
    static func olderSchema(at path: String, through last: Int) throws -> DatabaseQueue {
        let steps = [IndexSchema.v1, IndexSchema.v2, IndexSchema.v3, IndexSchema.v4]
        var migrator = DatabaseMigrator()
        for (number, sql) in steps.prefix(last).enumerated() {
            migrator.registerMigration("v\(number + 1)") { db in try db.execute(sql: sql) }
        }
        let queue = try DatabaseQueue(path: path)
        try migrator.migrate(queue)
        return queue
    }

    /// A file as lore-digest left it before v4: the tables of v1-v3, with the rows of `built`
    /// keyed by commit id, written in an order other than the archive's.
    static func writeVersion3(at path: String, from built: String) throws {
        let queue = try olderSchema(at: path, through: 3)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS built", arguments: [built])
            try db.execute(sql: "INSERT INTO main.epochs SELECT * FROM built.epochs")
            let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info('messages')")
                .map(\.quotedDatabaseIdentifier).joined(separator: ", ")
            try db.execute(
                sql: "INSERT INTO main.messages (\(columns)) SELECT \(columns) FROM built.messages ORDER BY id DESC")
            try SeriesFactsIndexTests.copyReferencesAndTrailersByCommit(
                db, trailerColumns: "is_person, is_mismatched")
            try db.execute(sql: "DETACH DATABASE built")
        }
        try queue.close()
    }
}
