internal import GRDB

/// One row of `references`: the `ordinal`-th message id of a message's References header.
struct ReferenceRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "references"

    var commit: String
    var ordinal: Int
    var messageID: String

    enum CodingKeys: String, CodingKey {
        case commit, ordinal, messageID = "message_id"
    }
}
