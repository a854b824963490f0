/// One labelled figure of a chart: a bar, a column, or a segment of a stacked bar.
package struct ChartBar: Sendable, Equatable {
    /// As it comes (from mail for a company name); renderers escape it.
    package var label: String
    package var value: Int

    package init(_ label: String, _ value: Int) {
        self.label = label
        self.value = value
    }
}

/// The figures behind the HTML report's three charts, computed from a ``Report`` alone so that
/// the chart and its text alternative (a table of the same figures) cannot disagree.
package struct ReportCharts: Sendable, Equatable {
    /// Patch mails by company, most first: the first `top` companies, then one "others" bar
    /// adding up the rest (absent when there is no rest).
    package var companies: [ChartBar]
    /// Whether the last of `companies` is the "others" bar.
    package var hasOthers: Bool
    /// Patch mails per UTC day over the range, days without mail as zero; labels `2025-10-06`.
    package var days: [ChartBar]
    /// The range's series (an older version superseded in the range left out) by completeness:
    /// complete, incomplete.
    package var completeness: [ChartBar]
    /// The same series by how far they got, each in one bar: applied, reviewed (a review trailer,
    /// not applied), discussed (replies, no review), waiting (no reply from anyone but their
    /// author or a robot).
    package var progress: [ChartBar]

    package static let othersLabel = "others"

    /// - Parameter top: how many companies get a bar of their own (at least 1).
    package init(_ report: Report, top: Int = 8) {
        let top = max(1, top)
        companies = report.companies.prefix(top).map { ChartBar($0.name, $0.patchMails) }
        let rest = report.companies.dropFirst(top).map(\.patchMails).reduce(0, +)
        hasOthers = rest > 0
        if hasOthers { companies.append(ChartBar(Self.othersLabel, rest)) }
        days = report.patchMailsPerDay.map { ChartBar($0.day, $0.patchMails) }

        let shown = report.seriesFacts.filter(\.isCurrent)
        let complete = shown.filter(\.isComplete).count
        completeness = [ChartBar("complete", complete), ChartBar("incomplete", shown.count - complete)]
        var applied = 0
        var reviewed = 0
        var discussed = 0
        var waitingCount = 0
        for series in shown {
            if series.isApplied {
                applied += 1
            } else if series.hasReview {
                reviewed += 1
            } else if series.isWaiting {
                waitingCount += 1
            } else {
                discussed += 1
            }
        }
        progress = [
            ChartBar("applied", applied), ChartBar("reviewed", reviewed), ChartBar("discussed", discussed),
            ChartBar("waiting", waitingCount),
        ]
    }

    /// The number of series the two series charts count.
    package var seriesCount: Int { completeness.map(\.value).reduce(0, +) }
}

extension SeriesEntry {
    /// A Reviewed-by, Acked-by or Tested-by given in a reply, on the cover or any patch (a
    /// Nacked-by and other trailers are not a review).
    var hasReview: Bool {
        let reviews: Set<String> = ["reviewed", "acked", "tested"]
        return (trailers + patches.flatMap(\.trailers)).contains { reviews.contains($0.type) }
    }
}
