/// One patch of a series (`series[].patches[]`).
package struct SeriesPatchEntry: Sendable, Codable, Equatable {
    package var position: Int
    package var messageID: String
    package var subject: String
    /// The stable patch-id of its diff; nil when unknown.
    package var patchID: String?
    /// `new`, `changed` or `unchanged` against the previous version; nil without one.
    package var change: String?
    /// The previous version's patch it was matched to.
    package var previousMessageID: String?
    /// Trailers given on this patch and, once each, those given on the cover.
    package var trailers: [SeriesTrailerEntry]
    /// Replies to this patch (robot reports not counted).
    package var replies: Int
    /// False for a patch read from the history index (sent before the range).
    package var inRange: Bool
    /// The patch, and the previous version's, on the archive's web view; nil when the report has
    /// no archive address (or there is no previous patch).
    package var url: String?
    package var previousURL: String?

    package init(
        position: Int, messageID: String, subject: String, patchID: String? = nil, change: String? = nil,
        previousMessageID: String? = nil, trailers: [SeriesTrailerEntry] = [], replies: Int = 0, inRange: Bool = true
    ) {
        self.position = position
        self.messageID = messageID
        self.subject = subject
        self.patchID = patchID
        self.change = change
        self.previousMessageID = previousMessageID
        self.trailers = trailers
        self.replies = replies
        self.inRange = inRange
    }

    enum CodingKeys: String, CodingKey {
        case position
        case messageID = "message_id"
        case subject
        case patchID = "patch_id"
        case change
        case previousMessageID = "previous_message_id"
        case trailers, replies
        case inRange = "in_range"
        case url
        case previousURL = "previous_url"
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(position, forKey: .position)
        try c.encode(messageID, forKey: .messageID)
        try c.encode(subject, forKey: .subject)
        try c.encode(patchID, forKey: .patchID)
        try c.encode(change, forKey: .change)
        try c.encode(previousMessageID, forKey: .previousMessageID)
        try c.encode(trailers, forKey: .trailers)
        try c.encode(replies, forKey: .replies)
        try c.encode(inRange, forKey: .inRange)
        try c.encode(url, forKey: .url)
        try c.encode(previousURL, forKey: .previousURL)
    }
}
