import Foundation
import GRDB
import HistoryIndex
import InboxReader
import TestSupport
import Testing

/// Issue 13 items 11 and 13: a file given as an index is checked before any write, and a
/// failure says what is wrong (someone else's file, a lock, a read-only file, damage) without
/// advising to remove an index that is only locked or read-only.
@Suite struct IndexFileTests {
    /// The bytes and modification time of a file, to compare before and after.
    private static func snapshot(_ path: String) throws -> (Data, Date?) {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (try Data(contentsOf: URL(fileURLWithPath: path)), attributes[.modificationDate] as? Date)
    }

    private static func indexed(_ directory: TemporaryDirectory) async throws -> MessageIndex {
        let inbox = try Inbox.open(try await SyntheticArchive.write(count: 20, in: directory))
        let index = try MessageIndex.open(at: directory.path + "/index.sqlite", create: true)
        _ = try await index.update(from: inbox)
        return index
    }

    @Test func someoneElsesDatabaseIsLeftByteForByte() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/other.sqlite"
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(
                    sql: "PRAGMA user_version = 1; CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('keep')")
            }
            try queue.close()
        }
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 1_600_000_000)], ofItemAtPath: path)
        let before = try Self.snapshot(path)
        for open in [
            { _ = try MessageIndex.open(at: path, create: true) },
            { _ = try MessageIndex.openReadOnly(at: path) },
        ] {
            let error = #expect(throws: IndexError.self) { try open() }
            #expect(error?.code == .notAnIndex)
            #expect(
                error?.message
                    == "'\(path)' is an SQLite database but not a lore-digest index; give another --index PATH (it is left untouched)"
            )
        }
        let after = try Self.snapshot(path)
        #expect(after.0 == before.0)
        #expect(after.1 == before.1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["other.sqlite"])
    }

    @Test func aFileThatIsNotSQLiteIsRefusedUntouched() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/notes.txt"
        try Data(
            "my notes, not a database, but longer than one hundred bytes so that the header is all text ....\n".utf8
        )
        .write(to: URL(fileURLWithPath: path))
        let before = try Self.snapshot(path)
        let error = #expect(throws: IndexError.self) { try MessageIndex.open(at: path, create: true) }
        #expect(
            error?.message
                == "'\(path)' is not an SQLite database, so not a lore-digest index; give another --index PATH (it is left untouched)"
        )
        #expect(try Self.snapshot(path).0 == before.0)
        #expect(try Self.snapshot(path).1 == before.1)
    }

    @Test func aNewIndexCarriesOurApplicationID() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let index = try await Self.indexed(directory)
        let applicationID = try await DatabaseQueue(path: index.path).read { db in
            try Int.fetchOne(db, sql: "PRAGMA application_id")
        }
        #expect(applicationID == 0x4C44_4947)  // "LDIG"
    }

    @Test func aLockedIndexSaysSoAndNeverAdvisesRemovingIt() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try await Self.indexed(directory).path
        // Another connection holds the write lock, as a long update of another process would.
        let blocker = try DatabaseQueue(path: path)
        let locked = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? blocker.write { db in
                try db.execute(sql: "UPDATE epochs SET updated_at = updated_at")
                locked.signal()
                release.wait()
            }
            locked.signal()
        }
        locked.wait()
        let error = #expect(throws: IndexError.self) {
            let index = try MessageIndex.open(at: path, create: false, busyTimeout: 1)
            try index.save(RunState(name: "w", epochs: [:], updatedAt: 1))
        }
        #expect(error?.code == .locked)
        #expect(
            error?.message
                == "the index '\(path)' is locked by another process (another lore-digest updating it?) and stayed locked for 1 s; wait for it to finish, then run again"
        )
        release.signal()
        locked.wait()
        let index = try MessageIndex.open(at: path, create: false, busyTimeout: 1)
        try index.save(RunState(name: "w", epochs: [:], updatedAt: 1))
        #expect(try index.runState(named: "w") != nil)
    }

    @Test func aReadOnlyOpenWritesNothingAndRefusesWrites() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try await Self.indexed(directory).path
        // The index above is released: its -wal and -shm are gone with its last connection.
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        let before = try Self.snapshot(path)
        let index = try MessageIndex.openReadOnly(at: path)
        #expect(index.isReadOnly)
        #expect(try index.messageCount() == 20)
        let error = #expect(throws: IndexError.self) { try index.save(RunState(name: "w", epochs: [:], updatedAt: 1)) }
        #expect(error?.code == .readOnly)
        #expect(error?.message.contains("remove") == false)
        #expect(try Self.snapshot(path).0 == before.0)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
    }

    @Test func aDamagedIndexFailsTheIntegrityCheck() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try await Self.indexed(directory).path
        #expect(throws: Never.self) { try MessageIndex.open(at: path, create: false).checkIntegrity() }
        try IndexDamage.overwritePages(of: path)
        let error = #expect(throws: IndexError.self) { try MessageIndex.open(at: path, create: false).checkIntegrity() }
        #expect(error?.code == .damaged)
        #expect(
            error?.message
                == "the index '\(path)' is damaged (SQLite: database disk image is malformed); remove it and run 'lore-digest index' to rebuild it (the --since-last-run bookmarks kept in it go with it)"
        )
    }
}

/// Damage done to an index file for the tests.
enum IndexDamage {
    /// Overwrites every page after the first (the schema) with a pattern: each table and index
    /// is then unreadable, while the file still opens as SQLite.
    static func overwritePages(of path: String) throws {
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: 4096)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: Int(size) - 4096))
    }
}
