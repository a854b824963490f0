/// How far back the series sections could look: the range alone (`--no-index`, or no index) or
/// the whole history the index holds. The text says the first in one line, since a series then
/// looks incomplete, unreviewed or new only because its earlier mails were not read.
package enum SeriesScope: String, Sendable, Codable, Equatable {
    /// Only the messages of the range: earlier versions, earlier patches and parents are unknown.
    case rangeOnly = "range_only"
    /// The range plus the history index, for parents, earlier patches and earlier versions.
    case historyIndex = "history_index"
}
