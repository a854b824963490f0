extension Report {
    /// The series of `waiting`, in `series` order: what the "Reviews" section names.
    package var waitingSeries: [SeriesEntry] {
        let ids = Set(waiting)
        return series.filter { ids.contains($0.id) }
    }

    /// The "Applied" section: the range's series with an applied notice, then the earlier series
    /// the range's notices applied.
    package var appliedRows: [AppliedRow] {
        let current = series.compactMap { entry in
            entry.applied.map {
                AppliedRow(
                    seriesID: entry.id, title: entry.title,
                    versionLabel: entry.version == nil ? "" : entry.versionLabel, applied: $0,
                    isEarlierSeries: false)
            }
        }
        let earlier = earlierSeriesActivity.compactMap { entry in
            entry.applied.map {
                AppliedRow(
                    seriesID: entry.seriesID, title: entry.title, versionLabel: entry.version.map { "v\($0)" } ?? "",
                    applied: $0,
                    isEarlierSeries: true)
            }
        }
        return current + earlier
    }
}
