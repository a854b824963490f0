import Foundation
import HistoryIndex
import InboxReader
import Synchronization
import TestSupport
import Testing

@testable import Digest

/// The rules for opening, updating or falling back from the index, without the command line.
@Suite struct ReportHistoryTests {
    /// What the rules told the user, in order.
    final class Notes: Sendable {
        private let lines = Mutex<[String]>([])
        var all: [String] { lines.withLock { $0 } }
        func add(_ text: String) { lines.withLock { $0.append(text) } }
    }

    /// A one-epoch archive of `count` patch mails in a new temporary folder.
    private static func archive(count: Int) async throws -> (TemporaryDirectory, Inbox) {
        let directory = try TemporaryDirectory()
        let entries = (0..<count).map { index in
            ArchiveEntry.mail(
                Array(
                    "From: Ann <ann@example.org>\nSubject: [PATCH] p\(index)\nMessage-ID: <\(index)@x>\n\nBody.\n".utf8)
            )
        }
        try await ArchiveWriter.writeEpoch(entries: entries, to: directory.path + "/list/git/0.git")
        return (directory, try Inbox.open(directory.path + "/list"))
    }

    @Test func historyNeedsAnIndexThatExists() async throws {
        let (directory, inbox) = try await Self.archive(count: 2)
        defer { directory.remove() }
        let path = directory.path + "/missing.sqlite"
        let options = ReportHistory.Options(indexPath: path, history: true)
        await #expect(
            throws: IndexError(
                .noSuchIndex,
                "--history reads the history index, and there is none at '\(path)'; run 'lore-digest index \(inbox.path) --index \(path)' first"
            )
        ) {
            _ = try await ReportHistory.prepare(options, inbox: inbox, range: RevisionRange(), note: { _ in })
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func anIndexGivenByPathIsCreatedUpdatedAndRead() async throws {
        let (directory, inbox) = try await Self.archive(count: 3)
        defer { directory.remove() }
        let path = directory.path + "/new.sqlite"
        let notes = Notes()
        let history = try await ReportHistory.prepare(
            ReportHistory.Options(indexPath: path), inbox: inbox, range: RevisionRange(), note: notes.add)
        let index = try #require(history.index)
        #expect(try index.messageCount() == 3)
        #expect(history.commits.count == 3)
        #expect(history.pendingState == nil)
    }

    @Test func anIndexThatCannotBeOpenedIsNotUsedWithANote() async throws {
        let (directory, inbox) = try await Self.archive(count: 2)
        defer { directory.remove() }
        let path = directory.path + "/broken.sqlite"
        try Data("not a database, not at all\n".utf8).write(to: URL(fileURLWithPath: path))
        let notes = Notes()
        let history = try await ReportHistory.prepare(
            ReportHistory.Options(indexPath: path), inbox: inbox, range: RevisionRange(), note: notes.add)
        #expect(history.index == nil)
        #expect(history.commits.count == 2)
        #expect(notes.all.count == 1)
        #expect(notes.all.first?.hasPrefix("not using the index \(path): ") == true)
        #expect(notes.all.first?.hasSuffix("; parsing the range instead") == true)
    }

    @Test func sinceLastRunFailsInsteadOfFallingBack() async throws {
        let (directory, inbox) = try await Self.archive(count: 2)
        defer { directory.remove() }
        let path = directory.path + "/broken.sqlite"
        try Data("not a database, not at all\n".utf8).write(to: URL(fileURLWithPath: path))
        let options = ReportHistory.Options(indexPath: path, sinceLastRun: true, state: "weekly")
        await #expect(throws: IndexError.self) {
            _ = try await ReportHistory.prepare(options, inbox: inbox, range: RevisionRange(), note: { _ in })
        }
    }

    @Test func noIndexParsesTheRange() async throws {
        let (directory, inbox) = try await Self.archive(count: 2)
        defer { directory.remove() }
        let history = try await ReportHistory.prepare(
            ReportHistory.Options(noIndex: true), inbox: inbox, range: RevisionRange(), note: { _ in })
        #expect(history.index == nil)
        #expect(history.commits.count == 2)
    }
}
