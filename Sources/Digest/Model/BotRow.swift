/// One robot of the "Bots" section (`bots[]`): its mails in the range and the series they answered.
package struct BotRow: Sendable, Codable, Equatable {
    package var bot: String
    /// Mails of the range sent by this robot.
    package var mails: Int
    /// Reports on series of the range (also under each series' `bot_reports`).
    package var seriesReports: Int

    package init(bot: String, mails: Int, seriesReports: Int) {
        self.bot = bot
        self.mails = mails
        self.seriesReports = seriesReports
    }

    enum CodingKeys: String, CodingKey {
        case bot, mails
        case seriesReports = "series_reports"
    }
}
