internal import GRDB
internal import InboxReader
internal import MailParser
internal import PatchModel

/// One row of `messages`: what the index keeps of one archive commit.
///
/// A row is a commit's place (`commit`, `epoch`, `ordinal`, `commit_time`, `deleted`,
/// `facts_version`) and its facts, one ``FactColumns`` entry per fact of `MessageFacts` in
/// ``MessageRow/facts``: that list is the one mapping between the facts and the columns, read
/// and written positionally through prepared statements (`MessageRow+Storage.swift`). A new fact
/// is one entry there, one migration in ``IndexSchema``, and ``factsVersion`` raised so that the
/// rows written before are read again. What the index does not keep: `entryText` and `diffstat`
/// (the "New:" text, read again from the blob for the few messages that need it). The lists
/// `references` and `trailers` have tables of their own (``ReferenceRow``, ``TrailerRow``),
/// indexed by message id and by person; `tags` and `problems` are JSON arrays, `applied_notice`
/// and `pull_request` JSON objects.
enum MessageRow {
    static let databaseTableName = "messages"

    /// The facts a row written now holds: 1 for schema v1 (no patch-id, change-id, minor
    /// version, reply facts), 2 since v2. Rows below it are read again by the next update.
    static let factsVersion = 2

    /// The columns of a commit's place, before its facts.
    static let placeColumns = ["commit", "epoch", "ordinal", "commit_time", "deleted", "facts_version"]

    /// Every fact of `MessageFacts` the index keeps, in column order.
    static var facts: [FactColumns] {
        [
            .text("message_id", \.messageID),
            .text("in_reply_to", \.inReplyTo),
            .text("subject", \.subject),
            .text("title", \.title),
            .strings("tags", \.tags),
            .mailbox("author_name", "author_email", \.author),
            .flag("author_from_body", \.isAuthorFromBody),
            .mailbox("sender_name", "sender_email", \.sender),
            .date("date", "date_offset", \.date),
            .kind("kind"),
            .number("number", \.number),
            .number("total", \.total),
            .number("version", \.version),
            .flag("is_rfc", \.isRFC),
            .flag("is_resend", \.isResend),
            .text("first_line", \.firstLine),
            .text("list_id", \.listID),
            .strings("problems", \.problems),
            // Version 2.
            .number("minor_version", \.minorVersion),
            .text("patch_id", \.patchID),
            .text("change_id", \.changeID),
            .text("bot_name", \.botName),
            .object("applied_notice", \.appliedNotice, stored: StoredAppliedNotice.init, fact: \.notice),
            .object("pull_request", \.pullRequest, stored: { $0 }, fact: { $0 }),
        ]
    }
}

/// One fact of `MessageFacts` and the column (or two) that keep it: how it is written (bound to
/// the insert's parameters, see ``RowBinder``), and how it is read back from a row at a given
/// column position.
struct FactColumns {
    let names: [String]
    let write: (UnsafePointer<MessageFacts>, inout RowBinder) -> Void
    let read: (inout MessageFacts, Row, Int) throws -> Void

    // One constructor per stored type, not one generic one: a generic column binds through
    // witness tables and metadata look-ups for every value (the writer's share of the kvmarm
    // build's samples: 8.9% generic, 6.2% with these).

    /// A fact stored as text, or NULL.
    static func text(_ name: String, _ path: WritableKeyPath<MessageFacts, String?>) -> FactColumns {
        FactColumns(
            names: [name], write: { facts, row in row.bind(facts.pointee[keyPath: path]) },
            read: { facts, row, column in facts[keyPath: path] = row[column] })
    }

    /// A fact stored as text.
    static func text(_ name: String, _ path: WritableKeyPath<MessageFacts, String>) -> FactColumns {
        FactColumns(
            names: [name], write: { facts, row in row.bind(facts.pointee[keyPath: path]) },
            read: { facts, row, column in facts[keyPath: path] = row[column] })
    }

    /// A fact stored as an integer, or NULL.
    static func number(_ name: String, _ path: WritableKeyPath<MessageFacts, Int?>) -> FactColumns {
        FactColumns(
            names: [name], write: { facts, row in row.bind(facts.pointee[keyPath: path]) },
            read: { facts, row, column in facts[keyPath: path] = row[column] })
    }

    /// A boolean stored as 0 or 1.
    static func flag(_ name: String, _ path: WritableKeyPath<MessageFacts, Bool>) -> FactColumns {
        FactColumns(
            names: [name], write: { facts, row in row.bind(facts.pointee[keyPath: path]) },
            read: { facts, row, column in facts[keyPath: path] = row[column] })
    }

    /// A list of strings as a JSON array (``JSONStrings``).
    static func strings(_ name: String, _ path: WritableKeyPath<MessageFacts, [String]>) -> FactColumns {
        FactColumns(
            names: [name], write: { facts, row in row.bind(JSONStrings.encode(facts.pointee[keyPath: path])) },
            read: { facts, row, column in facts[keyPath: path] = try JSONStrings.decode(row[column]) })
    }

    /// A mailbox as its name and address; no address: no mailbox.
    static func mailbox(_ name: String, _ address: String, _ path: WritableKeyPath<MessageFacts, Mailbox?>)
        -> FactColumns
    {
        FactColumns(
            names: [name, address],
            write: { facts, row in
                let mailbox = facts.pointee[keyPath: path]
                row.bind(mailbox?.name)
                row.bind(mailbox?.address)
            },
            read: { facts, row, column in
                let address: String? = row[column + 1]
                facts[keyPath: path] = address.map { Mailbox(name: row[column] ?? "", address: $0) }
            })
    }

    /// A `MailDate` as its seconds since 1970 and its offset in minutes.
    static func date(_ seconds: String, _ offset: String, _ path: WritableKeyPath<MessageFacts, MailDate?>)
        -> FactColumns
    {
        FactColumns(
            names: [seconds, offset],
            write: { facts, row in
                let date = facts.pointee[keyPath: path]
                row.bind(date?.secondsSince1970)
                row.bind(date?.offsetMinutes)
            },
            read: { facts, row, column in
                if let seconds = row[column] as Int64?, let offset = row[column + 1] as Int? {
                    facts[keyPath: path] = MailDate(secondsSince1970: seconds, offsetMinutes: offset)
                } else {
                    facts[keyPath: path] = nil
                }
            })
    }

    /// The `MessageKind` raw value; a kind this build does not know is a damaged index.
    static func kind(_ name: String) -> FactColumns {
        FactColumns(
            names: [name], write: { facts, row in row.bind(facts.pointee.kind.rawValue) },
            read: { facts, row, column in
                let text: String? = row[column]
                guard let text, let kind = MessageKind(rawValue: text) else {
                    throw IndexError(.databaseFailed, "unknown kind '\(text ?? "null")' for commit \(facts.commit)")
                }
                facts.kind = kind
            })
    }

    /// An optional object as JSON text (``StoredJSON``), through its stored shape `Stored`.
    static func object<Fact, Stored: Codable>(
        _ name: String, _ path: WritableKeyPath<MessageFacts, Fact?>, stored: @escaping (Fact) -> Stored,
        fact: @escaping (Stored) -> Fact
    ) -> FactColumns {
        FactColumns(
            names: [name],
            write: { facts, row in row.bind(facts.pointee[keyPath: path].flatMap { StoredJSON.encode(stored($0)) }) },
            read: { facts, row, column in
                let json: String? = row[column]
                facts[keyPath: path] = try json.map { fact(try StoredJSON.decode(Stored.self, from: $0)) }
            })
    }
}
