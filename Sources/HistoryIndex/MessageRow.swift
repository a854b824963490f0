internal import Foundation
internal import GRDB
package import InboxReader
internal import MessageStream
internal import MailParser
package import PatchModel

/// How one commit's facts are written to and read back from the `messages`, `references` and
/// `trailers` tables. What the index does not keep: `entryText` and `diffstat` (the "New:"
/// text, read again from the blob for the few messages that need it).
enum MessageRow {
    static let insertMessage = """
        INSERT OR IGNORE INTO messages ("commit", epoch, ordinal, commit_time, deleted, message_id, in_reply_to,
            subject, title, tags, author_name, author_email, author_from_body, sender_name, sender_email, date,
            date_offset, kind, number, total, version, is_rfc, is_resend, first_line, list_id, problems)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    static let insertReference = #"INSERT INTO "references" ("commit", ordinal, message_id) VALUES (?, ?, ?)"#
    static let insertTrailer = """
        INSERT INTO trailers ("commit", ordinal, name, value, person_name, person_email, is_person)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """

    /// Prepared statements for one write transaction.
    struct Inserter {
        let message: Statement
        let reference: Statement
        let trailer: Statement

        init(_ db: Database) throws {
            message = try db.makeStatement(sql: MessageRow.insertMessage)
            reference = try db.makeStatement(sql: MessageRow.insertReference)
            trailer = try db.makeStatement(sql: MessageRow.insertTrailer)
        }

        /// Inserts one commit; a commit already present is left as it is.
        func insert(_ db: Database, commit: CommitRef, ordinal: Int, facts: MessageFacts?) throws {
            guard let facts else {
                try message.execute(arguments: [
                    commit.oid, commit.epoch, ordinal, commit.commitTime, true, nil, nil, nil, "", "[]", nil, nil,
                    false, nil, nil, nil, nil, nil, nil, nil, nil, false, false, nil, nil, "[]",
                ])
                return
            }
            let values: [(any DatabaseValueConvertible)?] = [
                commit.oid, commit.epoch, ordinal, commit.commitTime, false, facts.messageID, facts.inReplyTo,
                facts.subject, facts.title, JSONStrings.encode(facts.tags), facts.author?.name, facts.author?.address,
                facts.isAuthorFromBody, facts.sender?.name, facts.sender?.address, facts.date?.secondsSince1970,
                facts.date?.offsetMinutes, facts.kind.rawValue, facts.number, facts.total, facts.version,
                facts.isRFC, facts.isResend, facts.firstLine, facts.listID, JSONStrings.encode(facts.problems),
            ]
            try message.execute(arguments: StatementArguments(values))
            guard db.changesCount > 0 else { return }
            for (position, id) in facts.references.enumerated() {
                try reference.execute(arguments: [commit.oid, position, id])
            }
            for (position, trailer) in facts.trailers.enumerated() {
                try self.trailer.execute(arguments: [
                    commit.oid, position, trailer.name, trailer.value, trailer.person?.name, trailer.person?.address,
                    trailer.isPersonTrailer,
                ])
            }
        }
    }

    /// Prepared statements for reading commits back.
    struct Reader {
        let message: Statement
        let references: Statement
        let trailers: Statement

        init(_ db: Database) throws {
            message = try db.makeStatement(
                sql: """
                    SELECT deleted, message_id, in_reply_to, subject, title, tags, author_name, author_email,
                        author_from_body, sender_name, sender_email, date, date_offset, kind, number, total, version,
                        is_rfc, is_resend, first_line, list_id, problems
                    FROM messages WHERE "commit" = ?
                    """)
            references = try db.makeStatement(
                sql: #"SELECT message_id FROM "references" WHERE "commit" = ? ORDER BY ordinal"#)
            trailers = try db.makeStatement(
                sql: """
                    SELECT name, value, person_name, person_email, is_person FROM trailers
                    WHERE "commit" = ? ORDER BY ordinal
                    """)
        }

        /// The stored message of `commit`; nil when the index does not hold it.
        func read(_ commit: CommitRef) throws -> ParsedMessage? {
            guard let row = try Row.fetchOne(message, arguments: [commit.oid]) else { return nil }
            if row[0] as Bool { return .deleted(commit) }
            var facts = MessageFacts(commit: commit.oid, mail: MailMessage(bytes: []))
            facts.messageID = row[1]
            facts.inReplyTo = row[2]
            facts.subject = row[3]
            facts.title = row[4]
            facts.tags = try JSONStrings.decode(row[5])
            facts.author = Self.mailbox(name: row[6], address: row[7])
            facts.isAuthorFromBody = row[8]
            facts.sender = Self.mailbox(name: row[9], address: row[10])
            if let seconds = row[11] as Int64?, let offset = row[12] as Int? {
                facts.date = MailDate(secondsSince1970: seconds, offsetMinutes: offset)
            } else {
                facts.date = nil
            }
            let kindName: String? = row[13]
            guard let kindName, let kind = MessageKind(rawValue: kindName) else {
                throw IndexError(.databaseFailed, "unknown kind '\(kindName ?? "null")' for commit \(commit.oid)")
            }
            facts.kind = kind
            facts.number = row[14]
            facts.total = row[15]
            facts.version = row[16]
            facts.isRFC = row[17]
            facts.isResend = row[18]
            facts.firstLine = row[19]
            facts.listID = row[20]
            facts.problems = try JSONStrings.decode(row[21])
            facts.references = try String.fetchAll(references, arguments: [commit.oid])
            facts.trailers = try Row.fetchAll(trailers, arguments: [commit.oid]).map { row in
                Trailer(
                    name: row[0], value: row[1], person: Self.mailbox(name: row[2], address: row[3]),
                    isPersonTrailer: row[4])
            }
            return .message(commit, facts)
        }

        private static func mailbox(name: String?, address: String?) -> Mailbox? {
            guard let address else { return nil }
            return Mailbox(name: name ?? "", address: address)
        }
    }
}

/// A list of strings as a JSON array, the shape of the `tags` and `problems` columns.
enum JSONStrings {
    static func encode(_ values: [String]) -> String {
        var json = "["
        for (index, value) in values.enumerated() {
            if index > 0 { json += "," }
            json += "\""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": json += "\\\""
                case "\\": json += "\\\\"
                case "\n": json += "\\n"
                case "\r": json += "\\r"
                case "\t": json += "\\t"
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        json += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        json.unicodeScalars.append(scalar)
                    }
                }
            }
            json += "\""
        }
        return json + "]"
    }

    static func decode(_ json: String) throws -> [String] {
        if json == "[]" { return [] }
        return try JSONDecoder().decode([String].self, from: Data(json.utf8))
    }
}
