/// The report in Markdown (CommonMark with GitHub tables): for wikis, issues and chat.
///
/// Text from mail is escaped only where Markdown would read it as markup (``MarkdownEscaping``),
/// so the raw text reads as well as the rendered page; commit messages go in fenced code blocks
/// whose fence is longer than any run of backticks inside them, so no message can close its
/// block early. Every message shown links to the archive's web view when the report has links.
package struct MarkdownRenderer: ReportSectionRenderer {
    private typealias Wording = ReportWording

    package init() {}

    package func opening(_ report: Report) -> String {
        let title = Self.inline(Wording.title(listName: report.listName, range: Wording.range(report.selection)))
        return "# \(title)\n\n"
    }

    package func domainTable(_ rows: [DomainRow], top: Int) -> String {
        var out = "## \(Wording.domainsHeading(top: top))\n\n"
        out += Self.tableHead([Wording.countColumn, Wording.domainColumn])
        for row in rows { out += "| \(row.count) | \(Self.cell(row.domain)) |\n" }
        return out
    }

    package func companyTable(_ rows: [CompanyRow], top: Int) -> String {
        var out = "\n## \(Wording.companiesHeading(top: top))\n\n"
        out += Self.tableHead([Wording.countColumn, Wording.companyColumn, Wording.authorsColumn])
        for row in rows { out += "| \(row.patchMails) | \(Self.cell(row.name)) | \(row.authors) |\n" }
        return out
    }

    package func contributorTable(_ rows: [ContributorRow], top: Int) -> String {
        var out = "\n## \(Wording.contributorsHeading(top: top))\n\n"
        out += Self.tableHead([Wording.countColumn, Wording.nameColumn, Wording.emailColumn])
        for row in rows {
            out += "| \(row.count) | \(Self.cell(row.name)) | \(Self.cell(row.email)) |\n"
        }
        return out
    }

    package func patchListHeading() -> String {
        "\n## \(Wording.patchListHeading)\n\n"
    }

    package func patchListLine(_ line: PatchListLine) -> String {
        (line.isInSeries ? "  - " : "- ") + Self.link(Self.inline(line.subject), line.url) + "\n"
    }

    package func patchListEnd() -> String { "" }

    package func commitMessagesHeading() -> String {
        "\n## \(Wording.commitMessagesHeading)\n"
    }

    package func commitMessage(_ entry: PatchEntry) -> String {
        var out = "\n### \(Wording.newEntryLabel) \(Self.link(Self.inline(entry.title), entry.url))\n\n"
        out += "\(MarkdownEscaping.codeSpan(entry.subject))  \n"
        out += "\(Wording.authorLabel) \(Self.person(entry.authorName, entry.authorEmail))\n\n"
        if let lists = entry.lists, lists.count > 1 {
            out += Wording.listsLine(lists, escape: Self.inline) + "\n\n"
        }
        out += MarkdownEscaping.fencedBlock(entry.text)
        return out
    }

    package func history(_ section: HistorySection) -> String {
        var out = "\n## \(Wording.historyHeading)\n\n### \(Wording.firstPatchesHeading)\n\n"
        if section.firstPatches.isEmpty { out += "\(Wording.noneLabel)\n" }
        for first in section.firstPatches {
            out +=
                "- \(Self.person(first.name, first.email)) \(Wording.firstPatchMail(date: first.date))\n"
        }
        out += "\n### \(Wording.revisedSeriesHeading)\n\n"
        if section.revisedSeries.isEmpty { out += "\(Wording.noneLabel)\n" }
        for series in section.revisedSeries {
            out +=
                "- \(MarkdownEscaping.codeSpan(series.subject)) (\(Wording.earlierVersions(series.earlierVersions)))\n"
        }
        return out
    }

    // MARK: Series sections (issue 10): headings and lists, the same facts as the text.

    package func seriesHeading(scope: SeriesScope, isEmpty: Bool) -> String {
        var out = "\n## \(Wording.seriesHeading)\n\n"
        if scope == .rangeOnly { out += "\(Self.inline(Wording.rangeOnlyScope))\n\n" }
        if isEmpty { out += "\(Wording.noneLabel)\n" }
        return out
    }

    package func seriesEntry(_ entry: SeriesEntry) -> String {
        let title = Wording.seriesTitle(entry, escape: Self.inline, link: Self.link)
        if let newer = entry.supersededBy { return "- \(title): \(Wording.supersededBy(version: newer.version))\n" }
        var out = "- **\(title)**\n"
        for line in Wording.seriesFacts(entry, escape: Self.inline, link: Self.link) { out += "  - \(line)\n" }
        return out
    }

    package func seriesEnd() -> String { "" }

    package func reviewsHeading(_ reviewers: [ReviewerRow], top: Int, hasWaiting: Bool) -> String {
        var out = "\n## \(Wording.reviewsHeading)\n\n### \(Wording.topReviewersHeading)\n\n"
        if reviewers.isEmpty { out += "\(Wording.noneLabel)\n" }
        for row in reviewers.prefix(top) { out += "- \(Wording.reviewer(row, escape: Self.inline))\n" }
        out += "\n### \(Wording.waitingHeading)\n\n"
        if !hasWaiting { out += "\(Wording.noneLabel)\n" }
        return out
    }

    package func waitingLine(_ entry: SeriesEntry) -> String {
        "- \(Wording.waiting(entry, escape: Self.inline, link: Self.link))\n"
    }

    package func reviewsEnd() -> String { "" }

    package func reviewCompanies(_ rows: [ReviewCompanyRow], top: Int) -> String {
        var out = "\n## \(Wording.reviewCompaniesHeading)\n\n### \(Wording.topReviewCompaniesHeading(top: top))\n\n"
        if rows.isEmpty { return out + "\(Wording.noneLabel)\n" }
        out += Self.tableHead([Wording.companyColumn, Wording.trailersColumn, Wording.repliesColumn])
        for row in rows { out += "| \(Self.cell(row.name)) | \(row.trailers) | \(row.replies) |\n" }
        return out
    }

    package func earlierSeriesActivity(_ entries: [EarlierSeriesEntry]) -> String {
        var out = "\n## \(Wording.earlierActivityHeading)\n\n"
        if entries.isEmpty { out += "\(Wording.noneLabel)\n" }
        for entry in entries {
            let block = Wording.earlierActivity(entry, escape: Self.inline, link: Self.link)
            out += "- \(block.title)\n"
            for line in block.facts { out += "  - \(line)\n" }
        }
        return out
    }

    package func applied(_ rows: [AppliedRow]) -> String {
        var out = "\n## \(Wording.appliedHeading)\n\n"
        if rows.isEmpty { out += "\(Wording.noneLabel)\n" }
        for row in rows { out += "- \(Wording.applied(row, escape: Self.inline, link: Self.link))\n" }
        return out
    }

    package func pullRequests(_ entries: [PullRequestEntry]) -> String {
        var out = "\n## \(Wording.pullRequestsHeading)\n\n"
        if entries.isEmpty { out += "\(Wording.noneLabel)\n" }
        for entry in entries {
            out += "- \(Self.link(MarkdownEscaping.codeSpan(entry.subject), entry.url))\n"
            for line in Wording.pullRequestFacts(entry, escape: Self.inline) { out += "  - \(line)\n" }
        }
        return out
    }

    package func bots(_ rows: [BotRow]) -> String {
        var out = "\n## \(Wording.botsHeading)\n\n"
        if rows.isEmpty { out += "\(Wording.noneLabel)\n" }
        for row in rows { out += "- \(Wording.bot(row, escape: Self.inline))\n" }
        return out
    }

    package func closing(_ accounting: Accounting) -> String {
        "\n---\n\n\(Wording.accountingSentence(accounting))\n"
    }

    /// `| Patches | Domain |` and its alignment row: the count column right-aligned.
    private static func tableHead(_ columns: [String]) -> String {
        let alignments = ["---:"] + Array(repeating: "---", count: columns.count - 1)
        return "| " + columns.joined(separator: " | ") + " |\n| " + alignments.joined(separator: " | ") + " |\n"
    }

    /// Mail text in running text (``MarkdownEscaping/inline(_:inTable:)``).
    static func inline(_ text: String) -> String {
        MarkdownEscaping.inline(text)
    }

    /// Mail text in a table cell: `|` escaped too.
    private static func cell(_ text: String) -> String {
        MarkdownEscaping.inline(text, inTable: true)
    }

    private static func link(_ text: String, _ url: String?) -> String {
        MarkdownEscaping.link(text, url)
    }

    /// `Jane Doe <jane@example.org>` as text: the brackets escaped, not read as an autolink.
    private static func person(_ name: String, _ email: String) -> String {
        inline(name.isEmpty ? "<\(email)>" : "\(name) <\(email)>")
    }
}
