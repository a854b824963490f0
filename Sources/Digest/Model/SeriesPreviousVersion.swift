/// The nearest earlier version of a series (`series[].previous`).
package struct SeriesPreviousVersion: Sendable, Codable, Equatable {
    package var version: Int
    /// That series' id (its cover, else its first patch).
    package var messageID: String
    /// When the archive received it, `YYYY-MM-DD` (UTC).
    package var date: String
    /// How it was found: `change-id`, or `title` (same title from the same address).
    package var linkedBy: String
    /// That series on the archive's web view; nil when the report has no archive address.
    package var url: String?

    package init(version: Int, messageID: String, date: String, linkedBy: String) {
        self.version = version
        self.messageID = messageID
        self.date = date
        self.linkedBy = linkedBy
    }

    enum CodingKeys: String, CodingKey {
        case version
        case messageID = "message_id"
        case date
        case linkedBy = "linked_by"
        case url
    }

    /// Every key, `null` when absent.
    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(version, forKey: .version)
        try c.encode(messageID, forKey: .messageID)
        try c.encode(date, forKey: .date)
        try c.encode(linkedBy, forKey: .linkedBy)
        try c.encode(url, forKey: .url)
    }
}
