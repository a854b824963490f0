import Foundation
import GRDB
import InboxReader
import PatchModel
import TestSupport
import Testing

@testable import HistoryIndex

/// Schema v5: a message's In-Reply-To is a row of `references` (ordinal -1) when References
/// does not name it, so one index answers the thread walk; the author and sender-and-title
/// indexes hold patch and cover mails only. An index of v4 is migrated to the same rows and
/// indexes as a fresh build, an interrupted first build of v4 included.
struct IndexSchemaV5Tests {
    static func reply(_ id: String, replyTo parent: String?, references: [String]) -> ArchiveEntry {
        SeriesArchive.mail(
            id, from: "Reviewer <rev@example.com>", subject: "Re: [PATCH] widget: lone fix", replyTo: parent,
            references: references, body: "A reply.\n")
    }

    /// ``SeriesArchive`` and answers to its `t1` threaded in every way a mail client does it:
    /// References alone (`c1`), In-Reply-To alone (`c2`), and both, naming different messages
    /// (`c3`: In-Reply-To `c2`, References `t1`).
    static let entries =
        SeriesArchive.entries + [
            reply("c1@example.org", replyTo: nil, references: ["t1@example.org"]),
            reply("c2@example.org", replyTo: "t1@example.org", references: []),
            reply("c3@example.org", replyTo: "c2@example.org", references: ["t1@example.org"]),
        ]

    static func build(in directory: TemporaryDirectory) async throws -> (inbox: Inbox, path: String) {
        let archive = directory.url.appendingPathComponent("threads").path
        try await ArchiveWriter.writeEpoch(entries: entries, to: "\(archive)/git/0.git")
        let inbox = try Inbox.open(archive)
        let path = directory.path + "/built.sqlite"
        _ = try await MessageIndex.open(at: path, create: true).update(from: inbox)
        return (inbox, path)
    }

    /// Every row of `references`, as text, in key order.
    static func references(_ path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            try String.fetchAll(
                db,
                sql:
                    #"SELECT message || ' ' || ordinal || ' ' || message_id FROM "references" ORDER BY message, ordinal"#
            )
        }
    }

    @Test func theThreadWalkFindsAnswersByInReplyToAloneInTheOrderOfVersion4() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (_, path) = try await Self.build(in: directory)
        let index = try MessageIndex.open(at: path, create: false)
        let lookup = IndexSeriesLookup(index: index)
        // Those naming t1 in In-Reply-To first (c2), then by References in archive order (c1, c3),
        // as v4's two queries gave them.
        #expect(
            lookup.messages(inThreadOf: "t1@example.org").map(\.messageID) == [
                "c2@example.org", "c1@example.org", "c3@example.org",
            ])
        #expect(lookup.messages(inThreadOf: "c2@example.org").map(\.messageID) == ["c3@example.org"])
        #expect(lookup.messages(inThreadOf: "c1@example.org").isEmpty)
        // Rows of ordinal -1 only where References does not name the In-Reply-To.
        let ids = try index.read { db in
            try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(
                    db, sql: "SELECT message_id, id FROM messages WHERE message_id LIKE 'c_@%'"
                )
                .map { ($0[0] as String, $0[1] as Int64) })
        }
        let extra = try Self.references(path).filter { $0.contains(" -1 ") }
        #expect(
            extra == [
                "\(try #require(ids["c2@example.org"])) -1 t1@example.org",
                "\(try #require(ids["c3@example.org"])) -1 c2@example.org",
            ])
        // Read back, a message's References are its header's, without that row.
        let c3 = try #require(lookup.message(id: "c3@example.org"))
        #expect(c3.references == ["t1@example.org"])
        #expect(c3.inReplyTo == "c2@example.org")
        #expect(try #require(lookup.message(id: "c2@example.org")).references.isEmpty)
    }

    @Test func anIndexOfVersion4IsMigratedToTheRowsAndIndexesOfAFreshBuild() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (inbox, built, path) = try await Self.version4Copy(in: directory)
        #expect(try Self.references(path).allSatisfy { !$0.contains(" -1 ") })

        var notes: [String] = []
        let index = try MessageIndex.open(at: path, create: false) { notes.append($0) }
        #expect(notes.isEmpty)  // a note only above 200,000 messages
        #expect(try index.schemaVersion() == "v5")
        #expect(try Self.references(path) == Self.references(built))
        #expect(try DeferredIndexTests.storedMessages(path) == DeferredIndexTests.storedMessages(built))
        #expect(try DeferredIndexTests.indexes(path) == DeferredIndexTests.freshIndexes(in: directory))
        #expect(
            IndexSeriesLookup(index: index).messages(inThreadOf: "t1@example.org").map(\.messageID)
                == IndexSeriesLookup(index: try MessageIndex.open(at: built, create: false))
                .messages(inThreadOf: "t1@example.org").map(\.messageID))
        let update = try await index.update(from: inbox)
        #expect(update.added == 0)
    }

    @Test func aFirstBuildInterruptedUnderVersion4IsFinishedWithTheIndexesOfVersion5() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (inbox, built, path) = try await Self.version4Copy(in: directory)
        // As v4's first build leaves its indexes while it writes (MessageIndex.deferIndexes).
        try await DatabaseQueue(path: path).write { db in
            let indexes = try Row.fetchAll(
                db,
                sql: """
                    SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
                        AND tbl_name IN ('messages', 'references', 'trailers')
                    """)
            for index in indexes {
                try db.execute(
                    sql: "INSERT INTO deferred_indexes (name, sql) VALUES (?, ?)", arguments: [index[0], index[1]])
                try db.execute(sql: "DROP INDEX \(index[0] as String)")
            }
        }
        let index = try MessageIndex.open(at: path, create: false)
        let deferred = try index.read { db in
            try String.fetchAll(db, sql: "SELECT sql FROM deferred_indexes ORDER BY name")
        }
        #expect(deferred.count == 10)
        #expect(!deferred.contains { $0.contains("in_reply_to") })
        #expect(deferred.filter { $0.contains("WHERE kind IN ('patch', 'cover')") }.count == 2)
        _ = try await index.update(from: inbox)
        #expect(try !index.hasDeferredIndexes())
        #expect(try DeferredIndexTests.indexes(path) == DeferredIndexTests.freshIndexes(in: directory))
        #expect(try Self.references(path) == Self.references(built))
    }

    /// The look-back's author queries ask for patch and cover mails, so the narrowed index
    /// answers them.
    @Test func theLookBackIsAnsweredFromTheNarrowedAuthorIndex() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (_, path) = try await Self.build(in: directory)
        let index = try MessageIndex.open(at: path, create: false)
        for sql in [MessageIndex.firstPatchMailQuery, MessageIndex.earlierPatchMailsQuery] {
            let plan = try IndexSeriesLookupTests.plan(
                of: sql, in: index,
                arguments: StatementArguments(Array(repeating: "x", count: sql.filter { $0 == "?" }.count)))
            #expect(plan.contains { $0.contains("messages_by_author_email") }, "\(sql): \(plan)")
        }
        #expect(try index.firstPatchMail(byAuthor: "LONE@example.org")?.messageID == "t1@example.org")
        #expect(try index.firstPatchMail(byAuthor: "rev@example.com") == nil)  // replies only
    }

    /// The archive of ``entries``, its fresh index (`built`) and a copy of it as v4 wrote it.
    static func version4Copy(in directory: TemporaryDirectory) async throws -> (
        inbox: Inbox, built: String, path: String
    ) {
        let (inbox, built) = try await build(in: directory)
        let path = directory.path + "/v4.sqlite"
        try writeVersion4(at: path, from: built)
        return (inbox, built, path)
    }

    /// A file as lore-digest left it before v5: the tables of v1-v4 with the rows of `built`,
    /// without the In-Reply-To rows of `references`.
    static func writeVersion4(at path: String, from built: String) throws {
        let queue = try DeferredIndexTests.olderSchema(at: path, through: 4)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS built", arguments: [built])
            try db.execute(sql: "INSERT INTO main.epochs SELECT * FROM built.epochs")
            try db.execute(sql: "INSERT INTO main.messages SELECT * FROM built.messages")
            try db.execute(sql: #"INSERT INTO main."references" SELECT * FROM built."references" WHERE ordinal >= 0"#)
            try db.execute(sql: "INSERT INTO main.trailers SELECT * FROM built.trailers")
            try db.execute(sql: "DETACH DATABASE built")
        }
        try queue.close()
    }
}
