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
    /// The patch list's heading: the list is every patch mail's subject, a series' patches
    /// under their cover letter.
    func patchListHeading() -> String
    /// One line of the patch list.
    func patchListLine(_ line: PatchListLine) -> String
    /// What closes the patch list.
    func patchListEnd() -> String
    /// The heading of the "New:" entries.
    func commitMessagesHeading() -> String
    /// One "New:" entry with its commit message: the section is the heading and every entry,
    /// handed over one at a time (the largest part of a large report, never held whole).
    func commitMessage(_ entry: PatchEntry) -> String
    /// The look back before the range (`--history`).
    func history(_ section: HistorySection) -> String
    /// The series section's heading (`scope` says whether the history index was read), and the
    /// word for none when `isEmpty`.
    func seriesHeading(scope: SeriesScope, isEmpty: Bool) -> String
    /// One series of the range: a block (an older version superseded in the range: one line).
    func seriesEntry(_ entry: SeriesEntry) -> String
    /// What closes the series section.
    func seriesEnd() -> String
    /// The reviews section up to its list of series still waiting for a first reply: the top
    /// `top` reviewers, the list's heading, and the word for none unless `hasWaiting`.
    func reviewsHeading(_ reviewers: [ReviewerRow], top: Int, hasWaiting: Bool) -> String
    /// One series of the waiting list.
    func waitingLine(_ entry: SeriesEntry) -> String
    /// What closes the reviews section.
    func reviewsEnd() -> String
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
    /// The whole report, of a report with nothing left in its temporary file (not
    /// ``Report/entryTexts``, ``Report/patchListLines`` or ``Report/seriesEntries``).
    package func render(_ report: Report) -> String {
        precondition(
            report.isHeldInMemory,
            "a report with spooled entry texts, patch list or series is printed by render(_:into:)")
        var out = ""
        do {
            try render(report) { out += $0 }
        } catch {
            // Nothing is read back from a file (above), and appending to a string cannot fail.
            preconditionFailure("printing a report in memory failed: \(error)")
        }
        return out
    }

    /// The patch list section whole.
    package func patchList(_ lines: [PatchListLine]) -> String {
        lines.reduce(into: patchListHeading()) { $0 += patchListLine($1) } + patchListEnd()
    }

    /// The series section whole.
    package func series(_ entries: [SeriesEntry], scope: SeriesScope) -> String {
        entries.reduce(into: seriesHeading(scope: scope, isEmpty: entries.isEmpty)) { $0 += seriesEntry($1) }
            + seriesEnd()
    }

    /// The reviews section whole.
    package func reviews(_ reviewers: [ReviewerRow], waiting: [SeriesEntry], top: Int) -> String {
        waiting.reduce(into: reviewsHeading(reviewers, top: top, hasWaiting: !waiting.isEmpty)) {
            $0 += waitingLine($1)
        } + reviewsEnd()
    }

    /// The report handed to `write` piece by piece, in order: a section, or one "New:" entry.
    /// What `render(_:)` returns is these pieces joined; a writer that passes them on never
    /// holds the whole report (hundreds of MB at a million messages). What waits in the report's
    /// temporary file (entries' text, patch list lines, series) is read back one at a time, and
    /// the lists are written a block of lines at a time.
    /// - Throws: what `write` throws; ``SpoolReadFailure`` when an entry's text, a patch list
    ///   line or a series cannot be read back.
    ///
    /// When the series are in memory, the sections from the series on are made on another core
    /// while the ones before are written (the whole of kvmarm: printing 0.04 → 0.025 s); when they
    /// wait in the file (a range too large to hold), everything is printed in order on one thread,
    /// holding no more than a block.
    package func render(_ report: Report, into write: (String) throws -> Void) throws {
        let later = report.seriesEntries == nil ? SideWork { [self] in try self.fromSeries(report) } : nil
        try write(opening(report))
        try write(domainTable(Array(report.domains.prefix(report.top)), top: report.top))
        try write(companyTable(Array(report.companies.prefix(report.top)), top: report.top))
        try write(contributorTable(Array(report.contributors.prefix(report.top)), top: report.top))
        var block = Blocks()
        try block.add(to: write, patchListHeading())
        for index in 0..<report.patchListCount {
            try block.add(to: write, patchListLine(try report.patchListLine(at: index)))
        }
        try block.end(to: write, patchListEnd())
        try write(commitMessagesHeading())
        for index in report.entries.indices {
            var entry = report.entries[index]
            entry.text = try report.entryText(at: index)
            try write(commitMessage(entry))
        }
        if let later { return try write(later.result()) }
        try renderFromSeries(report, into: write)
    }

    /// The sections from the series to the end, whole.
    private func fromSeries(_ report: Report) throws -> String {
        var text = ""
        try renderFromSeries(report) { text += $0 }
        return text
    }

    /// The sections from the series to the end, handed to `write` as `render(_:into:)` does.
    private func renderFromSeries(_ report: Report, into write: (String) throws -> Void) throws {
        var block = Blocks()
        let seriesCount = report.seriesCount
        try block.add(to: write, seriesHeading(scope: report.seriesScope, isEmpty: seriesCount == 0))
        for index in 0..<seriesCount { try block.add(to: write, seriesEntry(try report.seriesEntry(at: index))) }
        try block.end(to: write, seriesEnd())
        let waiting = report.waitingSeriesIndexes
        try block.add(to: write, reviewsHeading(report.reviewers, top: report.top, hasWaiting: !waiting.isEmpty))
        for index in waiting { try block.add(to: write, waitingLine(try report.seriesEntry(at: index))) }
        try block.end(to: write, reviewsEnd())
        try write(reviewCompanies(Array(report.reviewCompanies.prefix(report.top)), top: report.top))
        try write(earlierSeriesActivity(report.earlierSeriesActivity))
        try write(applied(try report.appliedRows()))
        try write(pullRequests(report.pullRequests))
        try write(bots(report.bots))
        if let section = report.history { try write(history(section)) }
        try write(closing(report.accounting))
    }

    /// The "New:" entries section whole: the heading and every entry.
    package func commitMessages(_ entries: [PatchEntry]) -> String {
        entries.reduce(into: commitMessagesHeading()) { $0 += commitMessage($1) }
    }
}

/// A section's pieces joined and handed to `write` about 64 KiB at a time: a list of half a
/// million lines is neither one string nor half a million writes.
private struct Blocks {
    var pending = ""

    mutating func add(to write: (String) throws -> Void, _ piece: String) rethrows {
        pending += piece
        if pending.utf8.count >= 1 << 16 {
            try write(pending)
            pending = ""
        }
    }

    /// Adds `piece` and writes what is pending: the section ends.
    mutating func end(to write: (String) throws -> Void, _ piece: String) rethrows {
        try write(pending + piece)
        pending = ""
    }
}
