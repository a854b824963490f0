/// The newer version of a series in the same range (`series[].superseded_by`).
package struct SeriesSupersededBy: Sendable, Codable, Equatable {
    package var version: Int
    /// The newer series' id.
    package var seriesID: String

    package init(version: Int, seriesID: String) {
        self.version = version
        self.seriesID = seriesID
    }

    enum CodingKeys: String, CodingKey {
        case version
        case seriesID = "series_id"
    }
}
