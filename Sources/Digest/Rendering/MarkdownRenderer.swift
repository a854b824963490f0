/// The report in Markdown (CommonMark with GitHub tables): for wikis, issues and chat.
///
/// Text from mail is escaped where Markdown would read it as markup (tables, lists, emphasis,
/// links, raw HTML); commit messages go in fenced code blocks whose fence is longer than any run
/// of backticks inside them, so no message can close its block early.
package struct MarkdownRenderer: ReportSectionRenderer {
    private typealias Wording = ReportWording

    package init() {}

    package func opening(_ report: Report) -> String {
        let title = Wording.title(
            listName: Self.inline(report.listName), range: Self.inline(Wording.range(report.selection)))
        return "# \(title)\n\n"
    }

    package func domainTable(_ rows: [DomainRow], top: Int) -> String {
        var out = "## \(Wording.domainsHeading(top: top))\n\n"
        out += Self.tableHead([Wording.countColumn, Wording.domainColumn])
        for row in rows { out += "| \(row.count) | \(Self.inline(row.domain)) |\n" }
        return out
    }

    package func companyTable(_ rows: [CompanyRow], top: Int) -> String {
        var out = "\n## \(Wording.companiesHeading(top: top))\n\n"
        out += Self.tableHead([Wording.countColumn, Wording.companyColumn, Wording.authorsColumn])
        for row in rows { out += "| \(row.patchMails) | \(Self.inline(row.name)) | \(row.authors) |\n" }
        return out
    }

    package func contributorTable(_ rows: [ContributorRow], top: Int) -> String {
        var out = "\n## \(Wording.contributorsHeading(top: top))\n\n"
        out += Self.tableHead([Wording.countColumn, Wording.nameColumn, Wording.emailColumn])
        for row in rows {
            out += "| \(row.count) | \(Self.inline(row.name)) | \(Self.inline(row.email)) |\n"
        }
        return out
    }

    package func patchList(_ lines: [PatchListLine]) -> String {
        var out = "\n## \(Wording.patchListHeading)\n\n"
        for line in lines {
            out += (line.isInSeries ? "  - " : "- ") + Self.inline(line.subject) + "\n"
        }
        return out
    }

    package func commitMessages(_ entries: [PatchEntry]) -> String {
        var out = "\n## \(Wording.commitMessagesHeading)\n"
        for entry in entries {
            out += "\n### \(Wording.newEntryLabel) \(Self.inline(entry.title))\n\n"
            out += "`\(Self.codeSpan(entry.subject))`  \n"
            out += "\(Wording.authorLabel) \(Self.inline(entry.authorName)) \\<\(Self.inline(entry.authorEmail))\\>\n\n"
            if let lists = entry.lists, lists.count > 1 {
                out += Wording.listsLine(lists, escape: Self.inline) + "\n\n"
            }
            let fence = String(repeating: "`", count: max(3, Self.longestBacktickRun(entry.text) + 1))
            out += "\(fence)text\n\(entry.text.terminalSafe)\n\(fence)\n"
        }
        return out
    }

    package func history(_ section: HistorySection) -> String {
        var out = "\n## \(Wording.historyHeading)\n\n### \(Wording.firstPatchesHeading)\n\n"
        if section.firstPatches.isEmpty { out += "\(Wording.noneLabel)\n" }
        for first in section.firstPatches {
            out +=
                "- \(Self.inline(first.name)) \\<\(Self.inline(first.email))\\> \(Wording.firstPatchMail(date: first.date))\n"
        }
        out += "\n### \(Wording.revisedSeriesHeading)\n\n"
        if section.revisedSeries.isEmpty { out += "\(Wording.noneLabel)\n" }
        for series in section.revisedSeries {
            out += "- `\(Self.codeSpan(series.subject))` (\(Wording.earlierVersions(series.earlierVersions)))\n"
        }
        return out
    }

    // MARK: Series sections (issue 10): headings and lists, the same facts as the text.

    package func series(_ entries: [SeriesEntry], scope: SeriesScope) -> String {
        var out = "\n## \(Wording.seriesHeading)\n\n"
        if scope == .rangeOnly { out += "\(Self.inline(Wording.rangeOnlyScope))\n\n" }
        if entries.isEmpty { out += "\(Wording.noneLabel)\n" }
        for entry in entries {
            let title = Wording.seriesTitle(entry, escape: Self.inline)
            if let newer = entry.supersededBy {
                out += "- \(title): \(Wording.supersededBy(version: newer.version))\n"
                continue
            }
            out += "- **\(title)**\n"
            for line in Wording.seriesFacts(entry, escape: Self.inline) { out += "  - \((line))\n" }
        }
        return out
    }

    package func reviews(_ reviewers: [ReviewerRow], waiting: [SeriesEntry], top: Int) -> String {
        var out = "\n## \(Wording.reviewsHeading)\n\n### \(Wording.topReviewersHeading)\n\n"
        if reviewers.isEmpty { out += "\(Wording.noneLabel)\n" }
        for row in reviewers.prefix(top) { out += "- \((Wording.reviewer(row, escape: Self.inline)))\n" }
        out += "\n### \(Wording.waitingHeading)\n\n"
        if waiting.isEmpty { out += "\(Wording.noneLabel)\n" }
        for entry in waiting { out += "- \((Wording.waiting(entry, escape: Self.inline)))\n" }
        return out
    }

    package func reviewCompanies(_ rows: [ReviewCompanyRow], top: Int) -> String {
        var out = "\n## \(Wording.reviewCompaniesHeading)\n\n### \(Wording.topReviewCompaniesHeading(top: top))\n\n"
        if rows.isEmpty { return out + "\(Wording.noneLabel)\n" }
        out += Self.tableHead([Wording.companyColumn, Wording.trailersColumn, Wording.repliesColumn])
        for row in rows { out += "| \(Self.inline(row.name)) | \(row.trailers) | \(row.replies) |\n" }
        return out
    }

    package func earlierSeriesActivity(_ entries: [EarlierSeriesEntry]) -> String {
        var out = "\n## \(Wording.earlierActivityHeading)\n\n"
        if entries.isEmpty { out += "\(Wording.noneLabel)\n" }
        for entry in entries {
            let block = Wording.earlierActivity(entry, escape: Self.inline)
            out += "- \((block.title))\n"
            for line in block.facts { out += "  - \((line))\n" }
        }
        return out
    }

    package func applied(_ rows: [AppliedRow]) -> String {
        var out = "\n## \(Wording.appliedHeading)\n\n"
        if rows.isEmpty { out += "\(Wording.noneLabel)\n" }
        for row in rows { out += "- \((Wording.applied(row, escape: Self.inline)))\n" }
        return out
    }

    package func pullRequests(_ entries: [PullRequestEntry]) -> String {
        var out = "\n## \(Wording.pullRequestsHeading)\n\n"
        if entries.isEmpty { out += "\(Wording.noneLabel)\n" }
        for entry in entries {
            out += "- `\(Self.codeSpan(entry.subject))`\n"
            for line in Wording.pullRequestFacts(entry, escape: Self.inline) { out += "  - \((line))\n" }
        }
        return out
    }

    package func bots(_ rows: [BotRow]) -> String {
        var out = "\n## \(Wording.botsHeading)\n\n"
        if rows.isEmpty { out += "\(Wording.noneLabel)\n" }
        for row in rows { out += "- \((Wording.bot(row, escape: Self.inline)))\n" }
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

    /// Escapes every ASCII punctuation character CommonMark may treat as markup, and `|` for tables.
    static func inline(_ text: String) -> String {
        var out = ""
        for character in text.terminalSafe {
            if character == "\n" {
                out += " "
            } else if "\\`*_{}[]()<>#+-.!|~&".contains(character) {
                out += "\\" + String(character)
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// Text for inside a single-backtick code span: backticks cannot be escaped there, so they
    /// are replaced by a look-alike (U+02CB) rather than let the span end early.
    private static func codeSpan(_ text: String) -> String {
        String(text.terminalSafe.map { $0 == "`" ? "\u{02CB}" : ($0 == "\n" ? " " : $0) })
    }

    private static func longestBacktickRun(_ text: String) -> Int {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }
}
