extension Report {
    /// Sets `archiveURL` and the `url` of every message the report shows (entries, the patch
    /// list, series with their patches, trailers, robot reports and applied notices, earlier
    /// series, pull requests) from `links`; with nil, clears them.
    package mutating func link(_ links: MessageLinks?) {
        archiveURL = links?.base
        func url(_ id: String?) -> String? { id.flatMap { links?.url(for: $0) } }
        for index in entries.indices { entries[index].url = url(entries[index].messageID) }
        for index in patchList.indices { patchList[index].url = url(patchList[index].messageID) }
        patchListLines?.links = links
        for index in series.indices { series[index].link(links) }
        seriesEntries?.links = links
        for index in earlierSeriesActivity.indices {
            var entry = earlierSeriesActivity[index]
            entry.seriesURL = url(entry.seriesID)
            entry.trailers = SeriesEntry.linked(entry.trailers, links)
            entry.botReports = SeriesEntry.linked(entry.botReports, links)
            entry.applied = SeriesEntry.linked(entry.applied, links)
            earlierSeriesActivity[index] = entry
        }
        for index in pullRequests.indices { pullRequests[index].url = url(pullRequests[index].messageID) }
    }
}

extension SeriesEntry {
    /// Sets the `url` of the series, its cover, previous version, patches, dropped patches,
    /// trailers, robot reports and applied notice from `links`; with nil, clears them.
    mutating func link(_ links: MessageLinks?) {
        func address(_ id: String?) -> String? { id.flatMap { links?.url(for: $0) } }
        url = address(id)
        coverURL = address(coverMessageID)
        let previousURL = address(previous?.messageID)
        previous?.url = previousURL
        for patch in patches.indices {
            patches[patch].url = address(patches[patch].messageID)
            patches[patch].previousURL = address(patches[patch].previousMessageID)
            patches[patch].trailers = Self.linked(patches[patch].trailers, links)
        }
        for index in dropped.indices { dropped[index].url = address(dropped[index].messageID) }
        trailers = Self.linked(trailers, links)
        botReports = Self.linked(botReports, links)
        applied = Self.linked(applied, links)
    }

    static func linked(_ trailers: [SeriesTrailerEntry], _ links: MessageLinks?) -> [SeriesTrailerEntry] {
        trailers.map {
            var trailer = $0
            trailer.url = links?.url(for: trailer.messageID)
            return trailer
        }
    }

    static func linked(_ reports: [SeriesBotReport], _ links: MessageLinks?) -> [SeriesBotReport] {
        reports.map {
            var report = $0
            report.url = links?.url(for: report.messageID)
            return report
        }
    }

    static func linked(_ applied: SeriesAppliedEntry?, _ links: MessageLinks?) -> SeriesAppliedEntry? {
        applied.map {
            var applied = $0
            applied.url = links?.url(for: applied.messageID)
            return applied
        }
    }
}
