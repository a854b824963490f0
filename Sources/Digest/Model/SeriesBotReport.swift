/// A robot's mail in reply to a series (`series[].bot_reports[]`): a build report, a test result.
package struct SeriesBotReport: Sendable, Codable, Equatable {
    package var bot: String
    package var messageID: String
    /// The patch it answered; 0: the cover.
    package var position: Int

    package init(bot: String, messageID: String, position: Int) {
        self.bot = bot
        self.messageID = messageID
        self.position = position
    }

    enum CodingKeys: String, CodingKey {
        case bot
        case messageID = "message_id"
        case position
    }
}
