import Foundation
import GRDB
import InboxReader
import MailParser
import MessageStream
import PatchModel
import TestSupport
import Testing

@testable import HistoryIndex

/// Schema v2: the per-message facts of series round-trip, and a v1 file is migrated and its rows
/// read again by the next update.
struct SeriesFactsIndexTests {
    /// What the index gives back is what a full parse gives, but the "New:" text it does not keep.
    static func expectStoredEqualsParsed(_ index: MessageIndex, _ inbox: Inbox) async throws {
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

    @Test func theSeriesFactsRoundTrip() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let inbox = try Inbox.open(try await SeriesArchive.write(in: directory))
        let index = try MessageIndex.open(at: directory.path + "/index.sqlite", create: true)
        _ = try await index.update(from: inbox, batchSize: 4)
        #expect(try index.schemaVersion() == "v5")
        try await Self.expectStoredEqualsParsed(index, inbox)

        // The archive has each new fact at least once, so the comparison above covers them.
        let facts = try index.storedMessages(for: try await inbox.resolve(RevisionRange()).commits).compactMap {
            if case .message(_, let facts)? = $0 { facts } else { nil }
        }
        #expect(facts.contains { $0.patchID != nil })
        #expect(facts.contains { $0.changeID == "20251001-widget-speed-0123456789ab" })
        #expect(facts.contains { $0.minorVersion == 1 })
        #expect(facts.contains { $0.botName != nil })
        #expect(
            facts.contains { $0.appliedNotice?.branch == "widget-next" && $0.appliedNotice?.commits.isEmpty == false })
        #expect(
            facts.contains { $0.pullRequest?.headCommit == SeriesArchive.pullHead && $0.pullRequest?.diffstat != nil })
        #expect(facts.contains { $0.trailers.contains(where: \.isMismatched) })
    }

    /// The columns of schema v1's `messages`, in its order.
    static let version1Columns = """
        "commit", epoch, ordinal, commit_time, deleted, message_id, in_reply_to, subject, title, tags, author_name,
        author_email, author_from_body, sender_name, sender_email, date, date_offset, kind, number, total, version,
        is_rfc, is_resend, first_line, list_id, problems
        """

    /// Copies the references and trailers of the attached index `built` (schema v4: keyed by
    /// the message's id) into `main`'s tables of an older schema, keyed by the commit id; the
    /// trailers' columns from `name` to `trailerColumns`' list end.
    static func copyReferencesAndTrailersByCommit(_ db: Database, trailerColumns: String) throws {
        try db.execute(
            sql: """
                INSERT INTO main."references" SELECT m."commit", r.ordinal, r.message_id
                FROM built."references" r JOIN built.messages m ON m.id = r.message WHERE r.ordinal >= 0
                """)
        let columns = trailerColumns.split(separator: ",").map { "t." + $0.trimmingCharacters(in: .whitespaces) }
        try db.execute(
            sql: """
                INSERT INTO main.trailers SELECT m."commit", t.ordinal, t.name, t.value, t.person_name,
                    t.person_email, \(columns.joined(separator: ", "))
                FROM built.trailers t JOIN built.messages m ON m.id = t.message
                """)
    }

    /// A file as lore-digest 4005f4e (schema v1) leaves it: v1's tables, with the rows of `built`.
    static func writeVersion1(at path: String, from built: String) throws {
        let queue = try DeferredIndexTests.olderSchema(at: path, through: 1)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS built", arguments: [built])
            try db.execute(
                sql:
                    "INSERT INTO main.epochs SELECT epoch, git_dir, last_commit, last_ordinal, updated_at FROM built.epochs"
            )
            try db.execute(
                sql: "INSERT INTO main.messages SELECT \(version1Columns) FROM built.messages")
            try copyReferencesAndTrailersByCommit(db, trailerColumns: "is_person")
            try db.execute(sql: "DETACH DATABASE built")
        }
        try queue.close()
    }

    @Test func aVersion1FileIsMigratedAndItsMessagesReadAgainOnce() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let inbox = try Inbox.open(try await SeriesArchive.write(in: directory))
        let built = directory.path + "/built.sqlite"
        _ = try await MessageIndex.open(at: built, create: true).update(from: inbox)
        let path = directory.path + "/old.sqlite"
        try Self.writeVersion1(at: path, from: built)

        let index = try MessageIndex.open(at: path, create: false)
        #expect(try index.schemaVersion() == "v5")
        #expect(try index.messageCount() == SeriesArchive.entries.count)
        // Until the update, the rows of v1 are not taken as facts (a report parses them).
        let commits = try await inbox.resolve(RevisionRange()).commits
        let before = try index.storedMessages(for: commits)
        #expect(before.filter { $0 == nil }.count == SeriesArchive.entries.count - 1)

        let notes = Notes()
        let update = try await index.update(from: inbox, batchSize: 5, note: notes.add)
        #expect(update.added == 0)
        #expect(update.readAgain == SeriesArchive.entries.count - 1)
        #expect(
            notes.lines == [
                "index v1 → v2: reading 13 messages again for patch-ids, change-ids and reply facts (once; the index stays usable if interrupted)…"
            ])
        try await Self.expectStoredEqualsParsed(index, inbox)
        #expect(try index.integrityCheck() == "ok")

        // Once only.
        let again = try await index.update(from: inbox, note: notes.add)
        #expect(again.readAgain == 0)
        #expect(notes.lines.count == 1)
    }

    final class Notes: @unchecked Sendable {
        var lines: [String] = []
        func add(_ line: String) { lines.append(line) }
    }
}
