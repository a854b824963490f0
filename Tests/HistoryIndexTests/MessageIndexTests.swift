import Foundation
import GRDB
import HistoryIndex
import InboxReader
import MessageStream
import PatchModel
import TestSupport
import Testing

struct MessageIndexTests {
    @Test func aFirstUpdateIndexesEveryCommitWithItsFacts() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let inbox = try Inbox.open(try await SyntheticArchive.write(count: 40, in: directory))
        let index = try MessageIndex.open(at: directory.path + "/index.sqlite", create: true)
        let update = try await index.update(from: inbox, batchSize: 7)
        #expect(update.added == 40)
        #expect(update.total == 40)
        #expect(update.newEpochs == [0])
        #expect(try index.schemaVersion() == "v5")
        #expect(try index.integrityCheck() == "ok")

        // What the index gives back is what parsing gives, but the "New:" text it does not keep.
        let commits = try await inbox.resolve(RevisionRange()).commits
        var parsed: [ParsedMessage] = []
        try await MessagePipeline().run(inbox: inbox, commits: commits) { parsed.append($0) }
        let stored = try index.storedMessages(for: commits)
        #expect(stored.count == parsed.count)
        for (fromIndex, fromParse) in zip(stored, parsed) {
            switch (fromIndex, fromParse) {
            case (.deleted(let a)?, .deleted(let b)): #expect(a == b)
            case (.message(_, let a)?, .message(_, var b)):
                b.entryText = nil
                b.diffstat = nil
                #expect(a == b)
            default: Issue.record("index and parse disagree: \(String(describing: fromIndex)) vs \(fromParse)")
            }
        }
    }

    @Test func aSecondUpdateReadsOnlyTheNewCommits() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try await SyntheticArchive.write(count: 50, in: directory)
        let gitDirectory = path + "/git/0.git"
        let head = try SyntheticArchive.revParse(gitDirectory, "HEAD")
        try SyntheticArchive.git(gitDirectory, ["update-ref", "refs/heads/master", "HEAD~12"])
        let inbox = try Inbox.open(path)
        let index = try MessageIndex.open(at: directory.path + "/index.sqlite", create: true)
        #expect(try await index.update(from: inbox).added == 38)

        try SyntheticArchive.git(gitDirectory, ["update-ref", "refs/heads/master", head])
        let second = try await index.update(from: inbox)
        #expect(second.added == 12)
        #expect(second.total == 50)
        #expect(second.rewrittenEpochs.isEmpty)
        #expect(try await index.update(from: inbox).added == 0)
    }

    @Test func aNewEpochIsPickedUp() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try await SyntheticArchive.write(count: 20, in: directory)
        let index = try MessageIndex.open(at: directory.path + "/index.sqlite", create: true)
        #expect(try await index.update(from: try Inbox.open(path)).added == 20)

        try await SyntheticArchive.write(count: 15, in: directory, epoch: 1, offset: 20)
        let update = try await index.update(from: try Inbox.open(path))
        #expect(update.newEpochs == [1])
        #expect(update.added == 15)
        #expect(update.total == 35)
    }

    @Test func aRewrittenEpochIsIndexedAgainAndSaysSo() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try await SyntheticArchive.write(count: 20, in: directory)
        let index = try MessageIndex.open(at: directory.path + "/index.sqlite", create: true)
        _ = try await index.update(from: try Inbox.open(path))

        try FileManager.default.removeItem(atPath: path + "/git/0.git")
        try await SyntheticArchive.write(count: 12, in: directory, offset: 100)
        let update = try await index.update(from: try Inbox.open(path))
        #expect(update.rewrittenEpochs == [0])
        #expect(update.added == 12)
        #expect(update.total == 12)
    }

    @Test func anIndexOfAnotherArchiveIsRefused() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try await SyntheticArchive.write(count: 5, in: directory, name: "one")
        let second = try await SyntheticArchive.write(count: 5, in: directory, name: "two")
        let index = try MessageIndex.open(at: directory.path + "/index.sqlite", create: true)
        _ = try await index.update(from: try Inbox.open(first))
        await #expect { try await index.update(from: try Inbox.open(second)) } throws: { error in
            (error as? IndexError)?.code == .otherArchive
        }
    }

    @Test func theDefaultPathIsInTheCacheDirectoryAndNamesTheArchive() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let inbox = try Inbox.open(try await SyntheticArchive.write(count: 1, in: directory))
        let path = IndexLocation.defaultPath(for: inbox, environment: ["XDG_CACHE_HOME": "/c"])
        #expect(path.hasPrefix("/c/lore-digest/index/widget-"))
        #expect(path.hasSuffix(".sqlite"))
        #expect(
            IndexLocation.defaultPath(for: inbox, environment: ["HOME": "/h"]).hasPrefix("/h/.cache/lore-digest/index/")
        )
    }
}

struct IndexSchemaTests {
    @Test func aNewerSchemaIsRefusedAndLeftUntouched() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/index.sqlite"
        let inbox = try Inbox.open(try await SyntheticArchive.write(count: 10, in: directory))
        _ = try await MessageIndex.open(at: path, create: true).update(from: inbox)
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')") }

        #expect {
            _ = try MessageIndex.open(at: path, create: false)
        } throws: { error in
            let error = error as? IndexError
            return error?.code == .newerSchema && error?.message.contains("v99") == true
        }
        let rows = try await queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM messages") }
        #expect(rows == 10)
    }

    @Test func aForeignDatabaseIsRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/other.sqlite"
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('keep')")
        }
        #expect { _ = try MessageIndex.open(at: path, create: false) } throws: { error in
            (error as? IndexError)?.code == .notAnIndex
        }
        #expect(try queue.read { db in try String.fetchOne(db, sql: "SELECT text FROM notes") } == "keep")
    }

    @Test func aMissingIndexIsNotCreatedUnlessAsked() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/sub/index.sqlite"
        #expect { _ = try MessageIndex.open(at: path, create: false) } throws: { error in
            (error as? IndexError)?.code == .noSuchIndex
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        _ = try MessageIndex.open(at: path, create: true)
        #expect(FileManager.default.fileExists(atPath: path))
    }
}
