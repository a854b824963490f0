/// A trailer given in a reply to a series (`series[].trailers[]`).
package struct SeriesTrailerEntry: Sendable, Codable, Equatable, Hashable {
    /// `reviewed`, `acked`, `tested`, `nacked` or `other`.
    package var type: String
    package var name: String
    package var email: String
    /// The patch it was given on; 0: on the cover, for the whole series.
    package var position: Int
    /// The reply that gave it.
    package var messageID: String
    /// The address is neither the replier's nor matched by name: kept, but flagged.
    package var mismatch: Bool

    package init(type: String, name: String, email: String, position: Int, messageID: String, mismatch: Bool = false) {
        self.type = type
        self.name = name
        self.email = email
        self.position = position
        self.messageID = messageID
        self.mismatch = mismatch
    }

    enum CodingKeys: String, CodingKey {
        case type, name, email, position
        case messageID = "message_id"
        case mismatch
    }
}
