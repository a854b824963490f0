/// The classic text report, in the layout of `spec/reference-report.txt` (see report.md).
///
/// Everything that comes from mail goes through ``Swift/String/terminalSafe``. With `color`,
/// headings, counts and labels are wrapped in SGR sequences (``TextColor``), nothing else.
package struct TextRenderer: ReportSectionRenderer {
    private typealias Wording = ReportWording

    package var color: TextColor

    package init(color: TextColor = .plain) {
        self.color = color
    }

    package func opening(_ report: Report) -> String {
        Wording.selectionLine(report.selection) + "\n"
            + color.heading(
                Wording.title(listName: report.listName.terminalSafe, range: Wording.range(report.selection)))
            + "\n\n"
    }

    package func domainTable(_ rows: [DomainRow], top: Int) -> String {
        var out = color.heading(Wording.Classic.domainsHeading(top: top)) + "\n\n"
        for row in rows {
            out += "\(color.count(Self.rightAligned(row.count))) \(row.domain.terminalSafe)\n"
        }
        return out
    }

    package func companyTable(_ rows: [CompanyRow], top: Int) -> String {
        var out = "\n" + Wording.companiesHeading(top: top) + "\n\n"
        for row in rows {
            out += "\(Self.rightAligned(row.patchMails)) \(row.name.terminalSafe) \(Wording.authors(row.authors))\n"
        }
        return out
    }

    package func contributorTable(_ rows: [ContributorRow], top: Int) -> String {
        var out = "\n" + color.heading(Wording.Classic.contributorsHeading(top: top)) + "\n\n"
        for row in rows {
            out +=
                "\(color.count(Self.rightAligned(row.count)))  \(row.name.terminalSafe) <\(row.email.terminalSafe)>\n"
        }
        return out
    }

    package func patchListHeading() -> String {
        "\n" + color.heading(Wording.Classic.banner(Wording.patchListHeading)) + "\n\n"
    }

    package func patchListLine(_ line: PatchListLine) -> String {
        line.subject.terminalSafe + "\n"
    }

    package func patchListEnd() -> String { "" }

    package func commitMessagesHeading() -> String {
        "\n" + color.heading(Wording.Classic.commitMessagesBanner) + "\n\n"
    }

    package func commitMessage(_ entry: PatchEntry) -> String {
        var out = "\(color.label(Wording.newEntryLabel))  \(entry.title.terminalSafe)\n"
        out += "\(entry.subject.terminalSafe)\n"
        out +=
            "\(color.label(Wording.authorLabel)) \(entry.authorName.terminalSafe) <\(entry.authorEmail.terminalSafe)>\n"
        if let lists = entry.lists, lists.count > 1 {
            out += Wording.listsLine(lists, escape: \.terminalSafe) + "\n"
        }
        out += "\n"
        if !entry.text.isEmpty { out += entry.text.terminalSafe + "\n" }
        out += "\n" + String(repeating: "-", count: 70) + "\n\n"
        return out
    }

    /// The `--history` section, ending with a blank line.
    package func history(_ section: HistorySection) -> String {
        var out = color.heading(Wording.Classic.banner(Wording.historyHeading)) + "\n\n"
        out += color.label(Wording.firstPatchesHeading + ":") + "\n"
        if section.firstPatches.isEmpty { out += "  \(Wording.noneLabel)\n" }
        for first in section.firstPatches {
            out +=
                "  \(first.name.terminalSafe) <\(first.email.terminalSafe)> \(Wording.firstPatchMail(date: first.date))\n"
        }
        out += color.label(Wording.revisedSeriesHeading + ":") + "\n"
        if section.revisedSeries.isEmpty { out += "  \(Wording.noneLabel)\n" }
        for series in section.revisedSeries {
            out += "  \(series.subject.terminalSafe) (\(Wording.earlierVersions(series.earlierVersions)))\n"
        }
        return out + "\n"
    }

    // MARK: Series sections (issue 10): a banner, blocks of indented facts, a blank line.

    package func seriesHeading(scope: SeriesScope, isEmpty: Bool) -> String {
        var out = color.heading(Wording.Classic.banner(Wording.seriesHeading)) + "\n\n"
        if scope == .rangeOnly { out += Wording.rangeOnlyScope + "\n\n" }
        if isEmpty { out += Wording.noneLabel + "\n\n" }
        return out
    }

    package func seriesEntry(_ entry: SeriesEntry) -> String {
        let title = Wording.seriesTitle(entry, escape: \.terminalSafe)
        if let newer = entry.supersededBy { return "\(title): \(Wording.supersededBy(version: newer.version))\n\n" }
        var out = title + "\n"
        for line in Wording.seriesFacts(entry, escape: \.terminalSafe) { out += "  \(line)\n" }
        return out + "\n"
    }

    package func seriesEnd() -> String { "" }

    package func reviewsHeading(_ reviewers: [ReviewerRow], top: Int, hasWaiting: Bool) -> String {
        var out = color.heading(Wording.Classic.banner(Wording.reviewsHeading)) + "\n\n"
        out += color.label(Wording.topReviewersHeading + ":") + "\n"
        if reviewers.isEmpty { out += "  \(Wording.noneLabel)\n" }
        for row in reviewers.prefix(top) { out += "  \(Wording.reviewer(row, escape: \.terminalSafe))\n" }
        out += color.label(Wording.waitingHeading + ":") + "\n"
        if !hasWaiting { out += "  \(Wording.noneLabel)\n" }
        return out
    }

    package func waitingLine(_ entry: SeriesEntry) -> String {
        "  \(Wording.waiting(entry, escape: \.terminalSafe))\n"
    }

    package func reviewsEnd() -> String { "\n" }

    package func reviewCompanies(_ rows: [ReviewCompanyRow], top: Int) -> String {
        var out = Wording.Classic.banner(Wording.reviewCompaniesHeading) + "\n\n"
        out += Wording.topReviewCompaniesHeading(top: top) + ":\n"
        if rows.isEmpty { out += "  \(Wording.noneLabel)\n" }
        for row in rows { out += "  \(Wording.reviewCompany(row, escape: \.terminalSafe))\n" }
        return out + "\n"
    }

    package func earlierSeriesActivity(_ entries: [EarlierSeriesEntry]) -> String {
        var out = color.heading(Wording.Classic.banner(Wording.earlierActivityHeading)) + "\n\n"
        if entries.isEmpty { out += Wording.noneLabel + "\n\n" }
        for entry in entries {
            let block = Wording.earlierActivity(entry, escape: \.terminalSafe)
            out += block.title + "\n"
            for line in block.facts { out += "  \(line)\n" }
            out += "\n"
        }
        return out
    }

    package func applied(_ rows: [AppliedRow]) -> String {
        var out = color.heading(Wording.Classic.banner(Wording.appliedHeading)) + "\n\n"
        if rows.isEmpty { out += Wording.noneLabel + "\n" }
        for row in rows { out += Wording.applied(row, escape: \.terminalSafe) + "\n" }
        return out + "\n"
    }

    package func pullRequests(_ entries: [PullRequestEntry]) -> String {
        var out = color.heading(Wording.Classic.banner(Wording.pullRequestsHeading)) + "\n\n"
        if entries.isEmpty { out += Wording.noneLabel + "\n\n" }
        for entry in entries {
            out += entry.subject.terminalSafe + "\n"
            for line in Wording.pullRequestFacts(entry, escape: \.terminalSafe) { out += "  \(line)\n" }
            out += "\n"
        }
        return out
    }

    package func bots(_ rows: [BotRow]) -> String {
        var out = color.heading(Wording.Classic.banner(Wording.botsHeading)) + "\n\n"
        if rows.isEmpty { out += Wording.noneLabel + "\n" }
        for row in rows { out += Wording.bot(row, escape: \.terminalSafe) + "\n" }
        return out + "\n"
    }

    package func closing(_ accounting: Accounting) -> String {
        Wording.accountingSentence(accounting) + "\n"
    }

    private static func rightAligned(_ count: Int) -> String {
        let digits = String(count)
        return String(repeating: " ", count: max(0, 7 - digits.count)) + digits
    }
}
