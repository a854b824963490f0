extension Report {
    /// Sets `archiveURL` and the `url` of every message the report shows (entries, the patch
    /// list, series with their patches, trailers, robot reports and applied notices, earlier
    /// series, pull requests) from `links`; with nil, clears them.
    package mutating func link(_ links: MessageLinks?) {
        archiveURL = links?.base
        func url(_ id: String?) -> String? { id.flatMap { links?.url(for: $0) } }
        func linked(_ trailers: [SeriesTrailerEntry]) -> [SeriesTrailerEntry] {
            trailers.map {
                var trailer = $0
                trailer.url = url(trailer.messageID)
                return trailer
            }
        }
        func linked(_ reports: [SeriesBotReport]) -> [SeriesBotReport] {
            reports.map {
                var report = $0
                report.url = url(report.messageID)
                return report
            }
        }
        func linked(_ applied: SeriesAppliedEntry?) -> SeriesAppliedEntry? {
            applied.map {
                var applied = $0
                applied.url = url(applied.messageID)
                return applied
            }
        }
        for index in entries.indices { entries[index].url = url(entries[index].messageID) }
        for index in patchList.indices { patchList[index].url = url(patchList[index].messageID) }
        patchListLines?.links = links
        for index in series.indices {
            var entry = series[index]
            entry.url = url(entry.id)
            entry.coverURL = url(entry.coverMessageID)
            let previousURL = url(entry.previous?.messageID)
            entry.previous?.url = previousURL
            for patch in entry.patches.indices {
                entry.patches[patch].url = url(entry.patches[patch].messageID)
                entry.patches[patch].previousURL = url(entry.patches[patch].previousMessageID)
                entry.patches[patch].trailers = linked(entry.patches[patch].trailers)
            }
            for dropped in entry.dropped.indices { entry.dropped[dropped].url = url(entry.dropped[dropped].messageID) }
            entry.trailers = linked(entry.trailers)
            entry.botReports = linked(entry.botReports)
            entry.applied = linked(entry.applied)
            series[index] = entry
        }
        for index in earlierSeriesActivity.indices {
            var entry = earlierSeriesActivity[index]
            entry.seriesURL = url(entry.seriesID)
            entry.trailers = linked(entry.trailers)
            entry.botReports = linked(entry.botReports)
            entry.applied = linked(entry.applied)
            earlierSeriesActivity[index] = entry
        }
        for index in pullRequests.indices { pullRequests[index].url = url(pullRequests[index].messageID) }
    }
}
