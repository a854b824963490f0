internal import GRDB

/// The rows of `references`: the `ordinal`-th message id of a message's References header,
/// keyed by the message's `id` (schema v4); and, at ordinal ``inReplyToOrdinal``, its
/// In-Reply-To when References does not name it (schema v5), so that one index answers "which
/// messages name this one".
enum ReferenceRow {
    /// The ordinal of a message's In-Reply-To row: never a position of References.
    static let inReplyToOrdinal = -1
    static let insert = #"INSERT INTO "references" (message, ordinal, message_id) VALUES (?, ?, ?)"#
    /// The References header of a message, in order (not its In-Reply-To row).
    static let selectByMessage =
        #"SELECT message_id FROM "references" WHERE message = ? AND ordinal >= 0 ORDER BY ordinal"#
}
