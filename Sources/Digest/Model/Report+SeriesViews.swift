extension Report {
    /// How many series the range has, in `series` or in ``seriesEntries``.
    package var seriesCount: Int { seriesEntries?.count ?? series.count }

    /// The series at `index` of the report's order, from `series` or read back from its file.
    /// - Throws: ``SpoolReadFailure`` when a spooled series cannot be read back.
    package func seriesEntry(at index: Int) throws(SpoolReadFailure) -> SeriesEntry {
        guard let seriesEntries else { return series[index] }
        return try seriesEntries.entry(at: index)
    }

    /// What the sections after the series and the charts read of each series, in `series` order.
    package var seriesFacts: [SeriesFacts] {
        if let seriesEntries { return seriesEntries.facts }
        let waitingIDs = Set(waiting)
        return series.map { SeriesFacts($0, isWaiting: waitingIDs.contains($0.id)) }
    }

    /// The indexes of the series of `waiting`, in `series` order: what the "Reviews" section names.
    package var waitingSeriesIndexes: [Int] {
        let facts = seriesFacts
        return facts.indices.filter { facts[$0].isWaiting }
    }

    /// The series of `waiting`, in `series` order.
    /// - Throws: ``SpoolReadFailure`` when a spooled series cannot be read back.
    package func waitingSeries() throws(SpoolReadFailure) -> [SeriesEntry] {
        try waitingSeriesIndexes.map { index throws(SpoolReadFailure) in try seriesEntry(at: index) }
    }

    /// The "Applied" section: the range's series with an applied notice, then the earlier series
    /// the range's notices applied.
    /// - Throws: ``SpoolReadFailure`` when a spooled series cannot be read back.
    package func appliedRows() throws(SpoolReadFailure) -> [AppliedRow] {
        let facts = seriesFacts
        var rows: [AppliedRow] = []
        for index in facts.indices where facts[index].isApplied {
            if let row = AppliedRow(try seriesEntry(at: index)) { rows.append(row) }
        }
        return rows + earlierAppliedRows
    }

    /// The earlier series the range's notices applied, as the "Applied" section's last rows.
    package var earlierAppliedRows: [AppliedRow] {
        earlierSeriesActivity.compactMap { entry in
            entry.applied.map {
                AppliedRow(
                    seriesID: entry.seriesID, title: entry.title, versionLabel: entry.version.map { "v\($0)" } ?? "",
                    applied: $0, isEarlierSeries: true)
            }
        }
    }
}

extension AppliedRow {
    /// The row of a series of the range; nil when no notice applied it.
    init?(_ entry: SeriesEntry) {
        guard let applied = entry.applied else { return nil }
        self.init(
            seriesID: entry.id, title: entry.title, versionLabel: entry.version == nil ? "" : entry.versionLabel,
            applied: applied, isEarlierSeries: false)
    }
}
