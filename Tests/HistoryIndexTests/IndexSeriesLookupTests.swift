import Foundation
import GRDB
import InboxReader
import PatchModel
import TestSupport
import Testing

@testable import HistoryIndex

/// `IndexSeriesLookup` answers the series rules from the index of ``SeriesArchive``.
struct IndexSeriesLookupTests {
    static let first = ArchiveWriter.defaultFirstCommitTime

    static func indexed(_ directory: TemporaryDirectory) async throws -> MessageIndex {
        let inbox = try Inbox.open(try await SeriesArchive.write(in: directory))
        let index = try MessageIndex.open(at: directory.path + "/index.sqlite", create: true)
        _ = try await index.update(from: inbox)
        return index
    }

    @Test func aReplysPatchBeforeTheRangeIsFoundWithItsFacts() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lookup = IndexSeriesLookup(index: try await Self.indexed(directory))
        let patch = try #require(lookup.message(id: "s1-1@example.org"))
        #expect(patch.kind == .patch)
        #expect(patch.number == 1 && patch.total == 2)
        #expect(patch.patchID?.count == 40)
        #expect(patch.receivedAt == Self.first + 60)
        #expect(patch.authorEmail == "dev@example.org")
        #expect(lookup.message(id: "nobody@example.org") == nil)

        let review = try #require(lookup.message(id: "r1@example.org"))
        #expect(review.trailers.map(\.type) == [.reviewed, .tested])
        #expect(review.trailers.map(\.mismatch) == [false, true])
        let thanks = try #require(lookup.message(id: "ty@example.org"))
        #expect(thanks.appliedNotice?.branch == "widget-next")
        #expect(thanks.appliedNotice?.patches.map(\.position) == [1])
        #expect(lookup.message(id: "bot1@example.org")?.botName == "kernel test robot")
        #expect(lookup.firstError == nil)
    }

    @Test func theWholeThreadBelowARootAndItsCap() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let index = try await Self.indexed(directory)
        let thread = IndexSeriesLookup(index: index).messages(inThreadOf: "s1-0@example.org")
        #expect(
            Set(thread.map(\.messageID)) == [
                "s1-1@example.org", "s1-2@example.org", "r1@example.org", "r2@example.org", "s1-2.1@example.org",
                "bot1@example.org",
            ])
        #expect(thread.count == 6)
        // Below a reply: only what answers it (r2 names r1 in In-Reply-To and References).
        #expect(
            IndexSeriesLookup(index: index).messages(inThreadOf: "r1@example.org").map(\.messageID) == [
                "r2@example.org"
            ])
        #expect(IndexSeriesLookup(index: index).messages(inThreadOf: "t2@example.org").isEmpty)

        let capped = IndexSeriesLookup(index: index, threadLimit: 3).messages(inThreadOf: "s1-0@example.org")
        #expect(capped.count == 3)
        #expect(Set(capped.map(\.messageID)).isSubset(of: Set(thread.map(\.messageID))))
    }

    @Test func earlierVersionsByChangeIDAndByTitle() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lookup = IndexSeriesLookup(index: try await Self.indexed(directory))
        #expect(
            Set(lookup.earlierVersions(changeID: "20251001-widget-speed-0123456789ab").map(\.messageID)) == [
                "s1-0@example.org", "s2-0@example.org",
            ])
        #expect(lookup.earlierVersions(changeID: "20990101-none-000000000000").isEmpty)

        // t1 was sent from `Lone@Example.org`: the address matches in any case.
        let t2 = Self.first + 13 * 60
        let earlier = lookup.earlierVersions(
            title: "widget: lone fix", authorEmail: "lone@example.org", before: t2, notBefore: 0)
        #expect(earlier.map(\.messageID) == ["t1@example.org"])
        #expect(earlier.first?.version == nil)
        // The window's edges: `notBefore` is inclusive, `before` exclusive.
        let t1 = Self.first + 12 * 60
        #expect(
            lookup.earlierVersions(
                title: "widget: lone fix", authorEmail: "lone@example.org", before: t2, notBefore: t1
            ).count == 1)
        #expect(
            lookup.earlierVersions(
                title: "widget: lone fix", authorEmail: "lone@example.org", before: t2, notBefore: t1 + 1
            ).isEmpty)
        #expect(
            lookup.earlierVersions(title: "widget: lone fix", authorEmail: "lone@example.org", before: t1, notBefore: 0)
                .isEmpty)
        #expect(
            lookup.earlierVersions(title: "widget: lone fix", authorEmail: "dev@example.org", before: t2, notBefore: 0)
                .isEmpty)
        // A reply with the same title is no version.
        #expect(
            lookup.earlierVersions(title: "widget: first", authorEmail: "rev@example.com", before: t2, notBefore: 0)
                .isEmpty)
    }

    /// SQLite's plan of `sql`, from a connection of its own: `EXPLAIN` does not check the schema
    /// cookie, so a pooled reader that last loaded the schema during the build (its indexes
    /// deferred, see `MessageIndex+DeferredIndexes.swift`) would explain an outdated plan, while a
    /// real statement is prepared again with the indexes.
    static func plan(of sql: String, in index: MessageIndex, arguments: StatementArguments) throws -> [String] {
        try DatabaseQueue(path: index.path).read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
        }
    }

    @Test func everyQueryIsAnsweredFromAnIndex() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let index = try await Self.indexed(directory)
        for sql in IndexSeriesLookup.Query.all {
            let plan = try Self.plan(
                of: sql, in: index,
                arguments: StatementArguments(Array(repeating: "x", count: sql.filter { $0 == "?" }.count)))
            #expect(!plan.isEmpty)
            #expect(plan.allSatisfy { !$0.hasPrefix("SCAN") }, "\(sql): \(plan)")
        }
    }

    /// A row without a sender is matched by its author, through `messages_by_sender_title`
    /// (`NULL`, title): never by reading every mail of the author (the author's index).
    @Test func aTitleLookUpMatchesARowWithoutSenderByItsAuthorThroughOneIndex() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let index = try await Self.indexed(directory)
        try await DatabaseQueue(path: index.path).write { db in
            try db.execute(
                sql: "UPDATE messages SET sender_email = NULL, sender_name = NULL WHERE message_id = ?",
                arguments: ["t1@example.org"])
        }
        let lookup = IndexSeriesLookup(index: index)
        let t2 = Self.first + 13 * 60
        let earlier = lookup.earlierVersions(
            title: "widget: lone fix", authorEmail: "LONE@example.org", before: t2, notBefore: 0)
        #expect(earlier.map(\.messageID) == ["t1@example.org"])
        #expect(
            lookup.earlierVersions(title: "widget: other", authorEmail: "lone@example.org", before: t2, notBefore: 0)
                .isEmpty)
        let plan = try Self.plan(
            of: IndexSeriesLookup.Query.byTitle, in: index,
            arguments: ["a@example.org", "t", "t", "a@example.org", 2, 1])
        #expect(plan.contains { $0.contains("messages_by_sender_title") })
        #expect(!plan.contains { $0.contains("messages_by_author_email") }, "\(plan)")
    }

    @Test func aFailingLookUpAnswersEmptyAndKeepsItsError() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let index = try await Self.indexed(directory)
        try await DatabaseQueue(path: index.path).write { db in try db.execute(sql: "DROP TABLE trailers") }
        let lookup = IndexSeriesLookup(index: index)
        #expect(lookup.earlierVersions(changeID: "20251001-widget-speed-0123456789ab").isEmpty)
        #expect(lookup.message(id: "s1-1@example.org") == nil)
        let error = try #require(lookup.firstError)
        #expect(error.code == .databaseFailed)
        #expect("\(error)".contains("trailers"))
    }
}
