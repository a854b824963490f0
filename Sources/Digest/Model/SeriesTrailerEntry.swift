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
    /// The reply on the archive's web view; nil when the report has no archive address.
    package var url: String?

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
        case mismatch, url
    }

    /// Every key, `null` when absent.
    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        try c.encode(name, forKey: .name)
        try c.encode(email, forKey: .email)
        try c.encode(position, forKey: .position)
        try c.encode(messageID, forKey: .messageID)
        try c.encode(mismatch, forKey: .mismatch)
        try c.encode(url, forKey: .url)
    }
}
