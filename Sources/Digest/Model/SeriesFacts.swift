/// What the Reviews and Applied sections and the charts read of a series, without the series:
/// a large report's series wait in a temporary file (``SpooledSeries``) and are read back only
/// where they are printed.
package struct SeriesFacts: Sendable, Equatable {
    /// In ``Report/waiting``: no reply yet from anyone but its author or a robot.
    package var isWaiting: Bool
    /// An applied notice named it.
    package var isApplied: Bool
    /// Not superseded by a newer version in the range: the charts count these.
    package var isCurrent: Bool
    /// Every position received.
    package var isComplete: Bool
    /// A review trailer was given (see ``SeriesEntry/hasReview``).
    package var hasReview: Bool

    package init(_ entry: SeriesEntry, isWaiting: Bool) {
        self.isWaiting = isWaiting
        isApplied = entry.applied != nil
        isCurrent = entry.supersededBy == nil
        isComplete = entry.missing.isEmpty
        hasReview = entry.hasReview
    }
}
