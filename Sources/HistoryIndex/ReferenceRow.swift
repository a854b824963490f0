internal import GRDB

/// The rows of `references`: the `ordinal`-th message id of a message's References header,
/// keyed by the message's `id` (schema v4).
enum ReferenceRow {
    static let insert = #"INSERT INTO "references" (message, ordinal, message_id) VALUES (?, ?, ?)"#
    static let selectByMessage = #"SELECT message_id FROM "references" WHERE message = ? ORDER BY ordinal"#
}
