/// A patch of the previous version that the new version no longer has (`series[].dropped[]`).
package struct SeriesDroppedPatch: Sendable, Codable, Equatable {
    package var position: Int
    package var messageID: String
    package var subject: String

    package init(position: Int, messageID: String, subject: String) {
        self.position = position
        self.messageID = messageID
        self.subject = subject
    }

    enum CodingKeys: String, CodingKey {
        case position
        case messageID = "message_id"
        case subject
    }
}
