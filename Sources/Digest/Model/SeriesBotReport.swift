/// A robot's mail in reply to a series (`series[].bot_reports[]`): a build report, a test result.
package struct SeriesBotReport: Sendable, Codable, Equatable {
    package var bot: String
    package var messageID: String
    /// The patch it answered; 0: the cover.
    package var position: Int
    /// The report on the archive's web view; nil when the report has no archive address.
    package var url: String?

    package init(bot: String, messageID: String, position: Int) {
        self.bot = bot
        self.messageID = messageID
        self.position = position
    }

    enum CodingKeys: String, CodingKey {
        case bot
        case messageID = "message_id"
        case position, url
    }

    /// Every key, `null` when absent.
    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(bot, forKey: .bot)
        try c.encode(messageID, forKey: .messageID)
        try c.encode(position, forKey: .position)
        try c.encode(url, forKey: .url)
    }
}
