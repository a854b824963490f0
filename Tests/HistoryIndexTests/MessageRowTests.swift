import Foundation
import GRDB
import HistoryIndex
import InboxReader
import MailParser
import MessageStream
import PatchModel
import TestSupport
import Testing

/// The stored shape of the `messages`, `references` and `trailers` rows: what version 1 wrote
/// is read back, and what is written now is what version 1 wrote, column for column, in the
/// columns of version 1.
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
            // Version 1 keyed these by the commit id; since v4 by the message's `id` (the
            // migration maps one to the other: SeriesFactsIndexTests).
            let c1: Int64 = try #require(try Int64.fetchOne(db, sql: #"SELECT id FROM messages WHERE "commit" = 'c1'"#))
            for (ordinal, id) in ["m0@example.org", "m1@example.org"].enumerated() {
                try db.execute(
                    sql: #"INSERT INTO "references" (message, ordinal, message_id) VALUES (?, ?, ?)"#,
                    arguments: [c1, ordinal, id])
            }
            try db.execute(
                sql: """
                    INSERT INTO trailers (message, ordinal, name, value, person_name, person_email, is_person)
                    VALUES (?1, 0, 'Fixes', '1234567 ("x")', NULL, NULL, 0),
                        (?1, 1, 'Signed-off-by', 'Jane Doe <jane@example.org>', 'Jane Doe', 'jane@example.org', 1)
                    """, arguments: [c1])
        }
        let first = CommitRef(epoch: 0, oid: "c1", commitTime: 100)
        // Rows of version 1 are read again by the next update; until then they are not facts.
        #expect(try MessageIndex.open(at: path, create: false).storedMessages(for: [first]).allSatisfy { $0 == nil })
        // As if read again: the columns of version 1 map to the same facts.
        try queue.write { db in try db.execute(sql: "UPDATE messages SET facts_version = 2") }

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
                        SELECT quote(m.ordinal) || ':' || \(quoted) FROM \(table) t
                        JOIN messages m \(table == "messages" ? #"USING ("commit")"# : "ON m.id = t.message")
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

    /// What version 1 (lore-digest at 4005f4e, `lore-digest index`) wrote for the first ten
    /// mails of ``SyntheticArchive``, as `ordinal:` and the quoted columns.
    static let version1Messages: [String] = [
        #"0:0|1700000000|0|'m0@example.org'|NULL|'[PATCH v2 0/3] widget: series 0'|'widget: series 0'|'["PATCH v2 0/3"]'|'Dev 0'|'dev0@company0.example'|0|'Dev 0'|'dev0@company0.example'|1759737600|120|'cover'|0|3|2|0|0|'This series does 0.'|'widget.lists.example.org'|'[]'"#,
        #"1:0|1700000060|0|'m1@example.org'|'m0@example.org'|'[PATCH v2 1/3] widget: part 1 of 0'|'widget: part 1 of 0'|'["PATCH v2 1/3"]'|'Dev 1'|'dev1@company1.example'|0|'Dev 1'|'dev1@company1.example'|1759737660|120|'patch'|1|3|2|0|0|'Part 1 of series 0.'|'widget.lists.example.org'|'[]'"#,
        #"2:0|1700000120|0|'m2@example.org'|'m0@example.org'|'[PATCH v2 2/3] widget: part 2 of 0'|'widget: part 2 of 0'|'["PATCH v2 2/3"]'|'Dev 2'|'dev2@company2.example'|0|'Dev 2'|'dev2@company2.example'|1759737720|120|'patch'|2|3|2|0|0|'Part 2 of series 0.'|'widget.lists.example.org'|'[]'"#,
        #"3:0|1700000180|0|'m3@example.org'|'m0@example.org'|'[PATCH v2 3/3] widget: part 3 of 0'|'widget: part 3 of 0'|'["PATCH v2 3/3"]'|'Dev 3'|'dev3@company0.example'|0|'Dev 3'|'dev3@company0.example'|1759737780|120|'patch'|3|3|2|0|0|'Part 3 of series 0.'|'widget.lists.example.org'|'[]'"#,
        #"4:0|1700000240|0|'m4@example.org'|NULL|'[PATCH] widget: standalone fix 4'|'widget: standalone fix 4'|'["PATCH"]'|'Real Author 4'|'real4@example.net'|1|'List Bot'|'bot@example.org'|1759737840|120|'patch'|NULL|NULL|NULL|0|0|'Fix the widget 4.'|'widget.lists.example.org'|'[]'"#,
        #"5:0|1700000300|0|'m5@example.org'|'m1@example.org'|'Re: [PATCH v2 1/3] widget: part 1 of 0'|'widget: part 1 of 0'|'["PATCH v2 1/3"]'|'Reviewer'|'rev@example.com'|0|'Reviewer'|'rev@example.com'|1759737900|120|'reply'|1|3|2|0|0|NULL|'widget.lists.example.org'|'[]'"#,
        #"6:0|1700000360|0|'m6@example.org'|'m1@example.org'|'Re: [PATCH v2 1/3] widget: part 1 of 0'|'widget: part 1 of 0'|'["PATCH v2 1/3"]'|'Reviewer'|'rev@example.com'|0|'Reviewer'|'rev@example.com'|1759737960|120|'reply'|1|3|2|0|0|NULL|'widget.lists.example.org'|'[]'"#,
        #"7:0|1700000420|0|'m7@example.org'|NULL|'[GIT PULL] widget fixes 7'|'widget fixes 7'|'["GIT PULL"]'|'Maintainer'|'maint@example.com'|0|'Maintainer'|'maint@example.com'|1759738020|120|'pull'|NULL|NULL|NULL|0|0|NULL|'widget.lists.example.org'|'[]'"#,
        #"8:0|1700000480|0|NULL|NULL|NULL|''|'[]'|NULL|NULL|0|NULL|NULL|NULL|NULL|'unparseable'|NULL|NULL|NULL|0|0|NULL|NULL|'["no header block","no header block; the mail is counted as unparseable"]'"#,
        #"9:0|1700000540|1|NULL|NULL|NULL|''|'[]'|NULL|NULL|0|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|0|0|NULL|NULL|'[]'"#,
    ]
    static let version1References: [String] = [
        #"1:0|'m0@example.org'"#,
        #"2:0|'m0@example.org'"#,
        #"3:0|'m0@example.org'"#,
        #"5:0|'m0@example.org'"#,
        #"5:1|'m1@example.org'"#,
        #"6:0|'m0@example.org'"#,
        #"6:1|'m1@example.org'"#,
    ]
    static let version1Trailers: [String] = [
        #"1:0|'Signed-off-by'|'Dev 1 <dev1@company1.example>'|'Dev 1'|'dev1@company1.example'|1"#,
        #"2:0|'Signed-off-by'|'Dev 2 <dev2@company2.example>'|'Dev 2'|'dev2@company2.example'|1"#,
        #"3:0|'Signed-off-by'|'Dev 3 <dev3@company0.example>'|'Dev 3'|'dev3@company0.example'|1"#,
        #"4:0|'Fixes'|'1234567 ("widget")'|NULL|NULL|0"#,
        #"4:1|'Signed-off-by'|'Real Author 4 <real4@example.net>'|'Real Author 4'|'real4@example.net'|1"#,
        #"5:0|'Reviewed-by'|'Reviewer <rev@example.com>'|'Reviewer'|'rev@example.com'|1"#,
        #"6:0|'Reviewed-by'|'Reviewer <rev@example.com>'|'Reviewer'|'rev@example.com'|1"#,
    ]
}
