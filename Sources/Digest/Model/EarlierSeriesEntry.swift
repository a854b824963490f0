/// What the range's replies did to a series posted before it (`earlier_series_activity[]`).
package struct EarlierSeriesEntry: Sendable, Codable, Equatable {
    /// The root of that series (its cover, else its first patch).
    package var seriesID: String
    package var title: String
    package var version: Int?
    package var author: ReportPerson
    /// When the archive received it, `YYYY-MM-DD` (UTC).
    package var date: String
    package var replies: Int
    package var trailers: [SeriesTrailerEntry]
    package var botReports: [SeriesBotReport]
    package var applied: SeriesAppliedEntry?
    /// The series' root on the archive's web view; nil when the report has no archive address.
    package var seriesURL: String?

    package init(
        seriesID: String, title: String, version: Int?, author: ReportPerson, date: String, replies: Int,
        trailers: [SeriesTrailerEntry] = [], botReports: [SeriesBotReport] = [], applied: SeriesAppliedEntry? = nil
    ) {
        self.seriesID = seriesID
        self.title = title
        self.version = version
        self.author = author
        self.date = date
        self.replies = replies
        self.trailers = trailers
        self.botReports = botReports
        self.applied = applied
    }

    enum CodingKeys: String, CodingKey {
        case seriesID = "series_id"
        case title, version, author, date, replies, trailers
        case botReports = "bot_reports"
        case applied
        case seriesURL = "series_url"
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(seriesID, forKey: .seriesID)
        try c.encode(title, forKey: .title)
        try c.encode(version, forKey: .version)
        try c.encode(author, forKey: .author)
        try c.encode(date, forKey: .date)
        try c.encode(replies, forKey: .replies)
        try c.encode(trailers, forKey: .trailers)
        try c.encode(botReports, forKey: .botReports)
        try c.encode(applied, forKey: .applied)
        try c.encode(seriesURL, forKey: .seriesURL)
    }
}
