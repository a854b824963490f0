/// One line of the "Applied" section: a series (of the range or earlier) and where it went.
/// A view of `series[].applied` and `earlier_series_activity[].applied`, not stored (see
/// `Report.appliedRows`).
package struct AppliedRow: Sendable, Equatable {
    package var seriesID: String
    package var title: String
    /// `v3`; empty for a series whose subject names no version.
    package var versionLabel: String
    package var applied: SeriesAppliedEntry
    /// The series was posted before the range (its notice is activity on an earlier series).
    package var isEarlierSeries: Bool

    package init(
        seriesID: String, title: String, versionLabel: String, applied: SeriesAppliedEntry, isEarlierSeries: Bool
    ) {
        self.seriesID = seriesID
        self.title = title
        self.versionLabel = versionLabel
        self.applied = applied
        self.isEarlierSeries = isEarlierSeries
    }

}
