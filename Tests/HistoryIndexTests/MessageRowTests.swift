import Foundation
import GRDB
import HistoryIndex
import InboxReader
import MailParser
import PatchModel
import Testing
import TestSupport

/// The stored shape of the `messages`, `references` and `trailers` rows: what version 1 wrote
/// is read back, and what is written now is what version 1 wrote, column for column (so that
/// the files of either build stay readable by the other).
struct MessageRowTests {
    /// The statements of the version 1 writer, word for word.
    static let version1Message = """
        INSERT INTO messages ("commit", epoch, ordinal, commit_time, deleted, message_id, in_reply_to,
            subject, title, tags, author_name, author_email, author_from_body, sender_name, sender_email, date,
            date_offset, kind, number, total, version, is_rfc, is_resend, first_line, list_id, problems)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    @Test func aRowVersion1WroteReadsBackAsItsFacts() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/index.sqlite"
        _ = try MessageIndex.open(at: path, create: true)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(
                sql: Self.version1Message,
                arguments: [
                    "c1", 0, 0, 100, false, "m2@example.org", "m0@example.org", "[PATCH v3 2/5] net/x: fix",
                    "net/x: fix", #"["PATCH v3 2/5","a/b","tab\tand \u001b"]"#, "Jane Doe", "jane@example.org",
                    true, nil, "list@example.org", 1_759_737_600, 120, "patch", 2, 5, 3, false, true, "Fix it.",
                    "widget.example.org", #"["no \"Date\""]"#,
                ])
            try db.execute(
                sql: Self.version1Message,
                arguments: [
                    "c2", 0, 1, 160, true, nil, nil, nil, "", "[]", nil, nil, false, nil, nil, nil, nil, nil, nil,
                    nil, nil, false, false, nil, nil, "[]",
                ])
            for (ordinal, id) in ["m0@example.org", "m1@example.org"].enumerated() {
                try db.execute(
                    sql: #"INSERT INTO "references" ("commit", ordinal, message_id) VALUES ('c1', ?, ?)"#,
                    arguments: [ordinal, id])
            }
            try db.execute(
                sql: """
                    INSERT INTO trailers ("commit", ordinal, name, value, person_name, person_email, is_person)
                    VALUES ('c1', 0, 'Fixes', '1234567 ("x")', NULL, NULL, 0),
                        ('c1', 1, 'Signed-off-by', 'Jane Doe <jane@example.org>', 'Jane Doe', 'jane@example.org', 1)
                    """)
        }

        let first = CommitRef(epoch: 0, oid: "c1", commitTime: 100)
        let second = CommitRef(epoch: 0, oid: "c2", commitTime: 160)
        let missing = CommitRef(epoch: 0, oid: "c3", commitTime: 200)
        let stored = try MessageIndex.open(at: path, create: false).storedMessages(for: [first, second, missing])

        var expected = MessageFacts(commit: "c1", mail: MailMessage(bytes: []))
        expected.messageID = "m2@example.org"
        expected.inReplyTo = "m0@example.org"
        expected.subject = "[PATCH v3 2/5] net/x: fix"
        expected.title = "net/x: fix"
        expected.tags = ["PATCH v3 2/5", "a/b", "tab\tand \u{1B}"]
        expected.author = Mailbox(name: "Jane Doe", address: "jane@example.org")
        expected.isAuthorFromBody = true
        expected.sender = Mailbox(name: "", address: "list@example.org")
        expected.date = MailDate(secondsSince1970: 1_759_737_600, offsetMinutes: 120)
        expected.kind = .patch
        expected.number = 2
        expected.total = 5
        expected.version = 3
        expected.isRFC = false
        expected.isResend = true
        expected.firstLine = "Fix it."
        expected.listID = "widget.example.org"
        expected.problems = [#"no "Date""#]
        expected.references = ["m0@example.org", "m1@example.org"]
        expected.trailers = [
            Trailer(name: "Fixes", value: #"1234567 ("x")"#, person: nil, isPersonTrailer: false),
            Trailer(
                name: "Signed-off-by", value: "Jane Doe <jane@example.org>",
                person: Mailbox(name: "Jane Doe", address: "jane@example.org"), isPersonTrailer: true),
        ]
        #expect(stored.count == 3)
        guard case .message(let commit, let facts)? = stored[0] else {
            Issue.record("c1 is not read back as a message: \(String(describing: stored[0]))")
            return
        }
        #expect(commit == first)
        #expect(facts == expected)
        guard case .deleted(let deleted)? = stored[1] else {
            Issue.record("c2 is not read back as a deletion: \(String(describing: stored[1]))")
            return
        }
        #expect(deleted == second)
        #expect(stored[2] == nil)
    }

    @Test func rowsAreWrittenAsVersion1WroteThem() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/index.sqlite"
        let inbox = try Inbox.open(try await SyntheticArchive.write(count: 10, in: directory))
        _ = try await MessageIndex.open(at: path, create: true).update(from: inbox)
        let queue = try DatabaseQueue(path: path)
        // quote(): each value as an SQL literal, so that its type shows (1, '1' and NULL differ).
        // Rows are named by their message's ordinal: commit ids depend on the git version.
        func literals(_ columns: String, from table: String) throws -> [String] {
            let quoted = columns.split(separator: ",").map { "quote(\($0))" }.joined(separator: " || '|' || ")
            return try queue.read { db in
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT quote(m.ordinal) || ':' || \(quoted) FROM \(table) t JOIN messages m USING ("commit")
                        ORDER BY m.ordinal, t.ordinal
                        """)
            }
        }
        let messages = try literals(
            """
            t.epoch,t.commit_time,t.deleted,t.message_id,t.in_reply_to,t.subject,t.title,t.tags,t.author_name,\
            t.author_email,t.author_from_body,t.sender_name,t.sender_email,t.date,t.date_offset,t.kind,t.number,\
            t.total,t.version,t.is_rfc,t.is_resend,t.first_line,t.list_id,t.problems
            """, from: "messages")
        #expect(messages == Self.version1Messages)
        #expect(try literals("t.ordinal,t.message_id", from: #""references""#) == Self.version1References)
        #expect(
            try literals("t.ordinal,t.name,t.value,t.person_name,t.person_email,t.is_person", from: "trailers")
                == Self.version1Trailers)
    }

    /// What version 1 wrote for the first ten mails of ``SyntheticArchive``.
    static let version1Messages: [String] = []
    static let version1References: [String] = []
    static let version1Trailers: [String] = []
}
