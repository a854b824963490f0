/// The report as one self-contained HTML page: the same sections as the text report, with the
/// series of the patch list nested under their cover letters. Every string from mail is escaped
/// (and stripped of control characters); the page loads nothing from elsewhere.
package struct HTMLRenderer: ReportSectionRenderer {
    private typealias Wording = ReportWording

    package init() {}

    package func opening(_ report: Report) -> String {
        // Escaped whole, not piece by piece: stripping control sequences depends on what follows.
        let title = Self.safe(Wording.title(listName: report.listName, range: Wording.range(report.selection)))
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <title>\(title)</title>
            <style>
            \(Self.styleSheet)</style>
            </head>
            <body>
            <h1>\(title)</h1>

            """ + HTMLCharts.section(ReportCharts(report, top: min(report.top, 10)))
    }

    package func domainTable(_ rows: [DomainRow], top: Int) -> String {
        var out = "<h2>\(Wording.domainsHeading(top: top))</h2>\n"
        out +=
            "<div class=\"table-wrap\"><table class=\"domains\">\n"
            + Self.tableHead([Wording.countColumn, Wording.domainColumn])
        for row in rows {
            out += "<tr><td class=\"count\">\(row.count)</td><td>\(Self.safe(row.domain))</td></tr>\n"
        }
        return out + "</table></div>\n"
    }

    package func companyTable(_ rows: [CompanyRow], top: Int) -> String {
        var out = "<h2>\(Wording.companiesHeading(top: top))</h2>\n"
        out += "<div class=\"table-wrap\"><table class=\"companies\">\n"
        out += Self.tableHead([Wording.countColumn, Wording.companyColumn, Wording.authorsColumn])
        for row in rows {
            out += "<tr><td class=\"count\">\(row.patchMails)</td><td>\(Self.safe(row.name))</td>"
            out += "<td class=\"count\">\(row.authors)</td></tr>\n"
        }
        return out + "</table></div>\n"
    }

    package func contributorTable(_ rows: [ContributorRow], top: Int) -> String {
        var out = "<h2>\(Wording.contributorsHeading(top: top))</h2>\n"
        out += "<div class=\"table-wrap\"><table class=\"contributors\">\n"
        out += Self.tableHead([Wording.countColumn, Wording.nameColumn, Wording.emailColumn])
        for row in rows {
            out += "<tr><td class=\"count\">\(row.count)</td><td>\(Self.safe(row.name))</td>"
            out += "<td>\(Self.safe(row.email))</td></tr>\n"
        }
        return out + "</table></div>\n"
    }

    package func patchListHeading() -> String {
        "<h2>\(Wording.patchListHeading)</h2>\n<ul class=\"patches\">\n"
    }

    package func patchListLine(_ line: PatchListLine) -> String {
        let cssClass = line.isInSeries ? " class=\"series\"" : ""
        return "<li\(cssClass)>\(Self.anchor(Self.safe(line.subject), line.url))</li>\n"
    }

    package func patchListEnd() -> String { "</ul>\n" }

    package func commitMessagesHeading() -> String {
        "<h2>\(Wording.commitMessagesHeading)</h2>\n"
    }

    package func commitMessage(_ entry: PatchEntry) -> String {
        var out = "<article>\n<h3>\(Wording.newEntryLabel) \(Self.anchor(Self.safe(entry.title), entry.url))</h3>\n"
        out += "<p class=\"subject\">\(Self.safe(entry.subject))</p>\n"
        out +=
            "<p>\(Wording.authorLabel) \(Self.safe(entry.authorName)) &lt;\(Self.safe(entry.authorEmail))&gt;</p>\n"
        if let lists = entry.lists, lists.count > 1 {
            out += "<p>\(Wording.listsLine(lists, escape: Self.safe))</p>\n"
        }
        out += "<pre>\(Self.safe(entry.text))</pre>\n</article>\n"
        return out
    }

    package func history(_ section: HistorySection) -> String {
        var out = "<section class=\"history\">\n<h2>\(Wording.historyHeading)</h2>\n"
        out += "<h3>\(Wording.firstPatchesHeading)</h3>\n<ul class=\"first-patches\">\n"
        if section.firstPatches.isEmpty { out += "<li>\(Wording.noneLabel)</li>\n" }
        for first in section.firstPatches {
            let firstMail = Wording.firstPatchMail(date: Self.safe(first.date))
            out += "<li>\(Self.safe(first.name)) &lt;\(Self.safe(first.email))&gt; \(firstMail)</li>\n"
        }
        out += "</ul>\n<h3>\(Wording.revisedSeriesHeading)</h3>\n<ul class=\"revised-series\">\n"
        if section.revisedSeries.isEmpty { out += "<li>\(Wording.noneLabel)</li>\n" }
        for series in section.revisedSeries {
            let versions = Wording.earlierVersions(series.earlierVersions)
            out += "<li><span class=\"subject\">\(Self.safe(series.subject))</span> (\(Self.safe(versions)))</li>\n"
        }
        return out + "</ul>\n</section>\n"
    }

    // MARK: Series sections (issue 10): headings and lists, the same facts as the text.

    package func seriesHeading(scope: SeriesScope, isEmpty: Bool) -> String {
        var out = "<section class=\"series\">\n<h2>\(Wording.seriesHeading)</h2>\n"
        if scope == .rangeOnly { out += "<p>\(Self.safe(Wording.rangeOnlyScope))</p>\n" }
        out += "<ul>\n"
        if isEmpty { out += "<li>\(Wording.noneLabel)</li>\n" }
        return out
    }

    package func seriesEntry(_ entry: SeriesEntry) -> String {
        let title = Wording.seriesTitle(entry, escape: Self.safe, link: Self.anchor)
        if let newer = entry.supersededBy {
            return "<li>\(title): \(Wording.supersededBy(version: newer.version))</li>\n"
        }
        return "<li><strong>\(title)</strong>\n"
            + Self.list(Wording.seriesFacts(entry, escape: Self.safe, link: Self.anchor)) + "</li>\n"
    }

    package func seriesEnd() -> String { "</ul>\n</section>\n" }

    package func reviewsHeading(_ reviewers: [ReviewerRow], top: Int, hasWaiting: Bool) -> String {
        var out = "<section class=\"reviews\">\n<h2>\(Wording.reviewsHeading)</h2>\n"
        out += "<h3>\(Wording.topReviewersHeading)</h3>\n"
        out += Self.list(reviewers.prefix(top).map { Wording.reviewer($0, escape: Self.safe) })
        out += "<h3>\(Wording.waitingHeading)</h3>\n<ul>\n"
        if !hasWaiting { out += "<li>\(Wording.noneLabel)</li>\n" }
        return out
    }

    package func waitingLine(_ entry: SeriesEntry) -> String {
        "<li>\(Wording.waiting(entry, escape: Self.safe, link: Self.anchor))</li>\n"
    }

    package func reviewsEnd() -> String { "</ul>\n</section>\n" }

    package func reviewCompanies(_ rows: [ReviewCompanyRow], top: Int) -> String {
        var out = "<section class=\"review-companies\">\n<h2>\(Wording.reviewCompaniesHeading)</h2>\n"
        out += "<h3>\(Wording.topReviewCompaniesHeading(top: top))</h3>\n"
        if rows.isEmpty { return out + Self.list([]) + "</section>\n" }
        out += "<div class=\"table-wrap\"><table class=\"review-companies\">\n"
        out += Self.tableHead([Wording.companyColumn, Wording.trailersColumn, Wording.repliesColumn])
        for row in rows {
            out += "<tr><td>\(Self.safe(row.name))</td><td class=\"count\">\(row.trailers)</td>"
            out += "<td class=\"count\">\(row.replies)</td></tr>\n"
        }
        return out + "</table></div>\n</section>\n"
    }

    package func earlierSeriesActivity(_ entries: [EarlierSeriesEntry]) -> String {
        var out = "<section class=\"earlier-series\">\n<h2>\(Wording.earlierActivityHeading)</h2>\n<ul>\n"
        if entries.isEmpty { out += "<li>\(Wording.noneLabel)</li>\n" }
        for entry in entries {
            let block = Wording.earlierActivity(entry, escape: Self.safe, link: Self.anchor)
            out += "<li>\(block.title)\n" + Self.list(block.facts) + "</li>\n"
        }
        return out + "</ul>\n</section>\n"
    }

    package func applied(_ rows: [AppliedRow]) -> String {
        "<section class=\"applied\">\n<h2>\(Wording.appliedHeading)</h2>\n"
            + Self.list(rows.map { Wording.applied($0, escape: Self.safe, link: Self.anchor) }) + "</section>\n"
    }

    package func pullRequests(_ entries: [PullRequestEntry]) -> String {
        var out = "<section class=\"pull-requests\">\n<h2>\(Wording.pullRequestsHeading)</h2>\n<ul>\n"
        if entries.isEmpty { out += "<li>\(Wording.noneLabel)</li>\n" }
        for entry in entries {
            out += "<li><span class=\"subject\">\(Self.anchor(Self.safe(entry.subject), entry.url))</span>\n"
            out += Self.list(Wording.pullRequestFacts(entry, escape: Self.safe)) + "</li>\n"
        }
        return out + "</ul>\n</section>\n"
    }

    package func bots(_ rows: [BotRow]) -> String {
        "<section class=\"bots\">\n<h2>\(Wording.botsHeading)</h2>\n"
            + Self.list(rows.map { Wording.bot($0, escape: Self.safe) }) + "</section>\n"
    }

    /// `<ul>` of wording lines, escaped already.
    private static func list(_ lines: [String]) -> String {
        var out = "<ul>\n"
        if lines.isEmpty { out += "<li>\(Wording.noneLabel)</li>\n" }
        for line in lines { out += "<li>\(line)</li>\n" }
        return out + "</ul>\n"
    }

    package func closing(_ accounting: Accounting) -> String {
        "<footer>\(Self.safe(Wording.accountingSentence(accounting)))</footer>\n</body>\n</html>\n"
    }

    /// `<tr><th>Patches</th><th>Domain</th></tr>`
    private static func tableHead(_ columns: [String]) -> String {
        "<tr>" + columns.map { "<th>\($0)</th>" }.joined() + "</tr>\n"
    }

    /// `<a href="…">text</a>` (`text` escaped already; the URL, an `http`/`https` one from
    /// ``MessageLinks``, escaped for the attribute); the text alone without a URL.
    private static func anchor(_ text: String, _ url: String?) -> String {
        guard let url else { return text }
        return "<a href=\"\(url.htmlEscaped)\">\(text)</a>"
    }

    private static func safe(_ text: String) -> String {
        text.terminalSafe.htmlEscaped
    }
}
