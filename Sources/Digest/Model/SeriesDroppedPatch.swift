/// A patch of the previous version that the new version no longer has (`series[].dropped[]`).
package struct SeriesDroppedPatch: Sendable, Codable, Equatable {
    package var position: Int
    package var messageID: String
    package var subject: String
    /// The patch on the archive's web view; nil when the report has no archive address.
    package var url: String?

    package init(position: Int, messageID: String, subject: String) {
        self.position = position
        self.messageID = messageID
        self.subject = subject
    }

    enum CodingKeys: String, CodingKey {
        case position
        case messageID = "message_id"
        case subject, url
    }

    /// Every key, `null` when absent.
    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(position, forKey: .position)
        try c.encode(messageID, forKey: .messageID)
        try c.encode(subject, forKey: .subject)
        try c.encode(url, forKey: .url)
    }
}
