/// A format that prints the report one section at a time, in the order `render(_:)` lays out here.
///
/// Each section of the report is one requirement, so a new section is one model type (an optional
/// field of ``Report``, like ``Report/history``), one requirement here with its line in
/// `render(_:)`, and one method in each conforming renderer; the compiler names any renderer that
/// lacks it. Each method returns its section whole, with the blank lines that separate it from the
/// one before.
package protocol ReportSectionRenderer: ReportRenderer {
    /// What comes before the first section: the title lines (and, for HTML, the document head).
    func opening(_ report: Report) -> String
    /// The table of patch mails counted by the domain of their author's address (its first `top`
    /// rows: ``Report/domains`` holds all, for JSON).
    func domainTable(_ rows: [DomainRow], top: Int) -> String
    /// The top `top` rows of the table of patch mails counted by the company of their author
    /// (after the domain table, which stays for the classic layout).
    func companyTable(_ rows: [CompanyRow], top: Int) -> String
    /// The table of patch mails counted by author.
    func contributorTable(_ rows: [ContributorRow], top: Int) -> String
    /// Every patch mail's subject, a series' patches under their cover letter.
    func patchList(_ lines: [PatchListLine]) -> String
    /// The "New:" entries with their commit messages.
    func commitMessages(_ entries: [PatchEntry]) -> String
    /// The look back before the range (`--history`).
    func history(_ section: HistorySection) -> String
    /// The series of the range, one block each (an older version superseded in the range: one
    /// line); `scope` says whether the history index was read.
    func series(_ entries: [SeriesEntry], scope: SeriesScope) -> String
    /// The top `top` reviewers, and the series still waiting for a first reply.
    func reviews(_ reviewers: [ReviewerRow], waiting: [SeriesEntry], top: Int) -> String
    /// The top `top` companies by the reviews of their people (trailers given, replies written).
    func reviewCompanies(_ rows: [ReviewCompanyRow], top: Int) -> String
    /// What the range's replies did to series posted before it.
    func earlierSeriesActivity(_ entries: [EarlierSeriesEntry]) -> String
    /// The series (of the range or earlier) that the range's notices applied.
    func applied(_ rows: [AppliedRow]) -> String
    /// The range's pull requests.
    func pullRequests(_ entries: [PullRequestEntry]) -> String
    /// The robots that sent mail in the range.
    func bots(_ rows: [BotRow]) -> String
    /// What comes after the last section: the accounting sentence (and the end of the document).
    func closing(_ accounting: Accounting) -> String
}

extension ReportSectionRenderer {
    package func render(_ report: Report) -> String {
        var out = opening(report)
        out += domainTable(Array(report.domains.prefix(report.top)), top: report.top)
        out += companyTable(Array(report.companies.prefix(report.top)), top: report.top)
        out += contributorTable(Array(report.contributors.prefix(report.top)), top: report.top)
        out += patchList(report.patchList)
        out += commitMessages(report.entries)
        out += series(report.series, scope: report.seriesScope)
        out += reviews(report.reviewers, waiting: report.waitingSeries, top: report.top)
        out += reviewCompanies(Array(report.reviewCompanies.prefix(report.top)), top: report.top)
        out += earlierSeriesActivity(report.earlierSeriesActivity)
        out += applied(report.appliedRows)
        out += pullRequests(report.pullRequests)
        out += bots(report.bots)
        if let section = report.history { out += history(section) }
        out += closing(report.accounting)
        return out
    }
}
