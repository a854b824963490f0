internal import GRDB

/// The rows of `references`: the `ordinal`-th message id of a message's References header.
enum ReferenceRow {
    static let insert = #"INSERT INTO "references" ("commit", ordinal, message_id) VALUES (?, ?, ?)"#
    static let selectByCommit = #"SELECT message_id FROM "references" WHERE "commit" = ? ORDER BY ordinal"#
}
