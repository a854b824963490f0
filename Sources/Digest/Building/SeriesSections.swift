internal import MailParser
internal import PatchModel

/// The series sections of a report (issue 10): what ``SeriesAnalyzer`` found in the range, as the
/// model the renderers read, plus the range's pull requests and robot mails.
struct SeriesSections {
    var scope: SeriesScope
    var series: [SeriesEntry]
    /// The series, when they wait in the entries' file instead (`series` is then empty).
    var spooledSeries: SpooledSeries?
    var reviewers: [ReviewerRow]
    var waiting: [String]
    var earlierSeriesActivity: [EarlierSeriesEntry]
    var pullRequests: [PullRequestEntry]
    var bots: [BotRow]

    /// The sections of `analysis`, with `pullRequests` in archive order and `botMails` counting
    /// the range's mails per robot. The series are `spooled` when given (then `mapper` turned
    /// them into the report's as they were written), else those of `analysis`, turned into the
    /// report's by `mapper`.
    ///
    /// Each of the rules' series is taken out of `analysis` and let go once turned into the
    /// report's: at a million messages the two models of every series, held at once, were about
    /// 200 MB.
    init(
        analysis: inout SeriesReport, spooled: SpooledSeries?, mapper: inout SeriesMapper, scope: SeriesScope,
        pullRequests: [PullRequestEntry], botMails: [String: Int]
    ) {
        self.scope = scope
        var found: [PatchSeries] = []
        swap(&found, &analysis.series)
        var entries: [SeriesEntry] = []
        entries.reserveCapacity(found.count)
        while let last = found.popLast() { entries.append(mapper.entry(last)) }
        entries.reverse()
        series = entries
        spooledSeries = spooled
        reviewers = analysis.reviewers.map {
            ReviewerRow(name: $0.name, email: $0.email, trailers: $0.trailers, replies: $0.replies)
        }
        waiting = analysis.waiting
        earlierSeriesActivity = analysis.earlierActivity.map(EarlierSeriesEntry.init)
        self.pullRequests = pullRequests
        let seriesReports = mapper.botReports
        bots = botMails.map { BotRow(bot: $0.key, mails: $0.value, seriesReports: seriesReports[$0.key] ?? 0) }
            .sorted { $0.mails != $1.mails ? $0.mails > $1.mails : $0.bot < $1.bot }
    }

    /// Writes the sections into `report`; spooled series are read back into it unless it is
    /// printed a section at a time (`keepsSpooled`).
    /// - Throws: ``SpoolReadFailure`` when a spooled series cannot be read back.
    func fill(_ report: inout Report, keepsSpooled: Bool) throws(SpoolReadFailure) {
        report.seriesScope = scope
        report.series = series
        if let spooledSeries {
            if keepsSpooled {
                report.seriesEntries = spooledSeries
            } else {
                report.series = try (0..<spooledSeries.count).map { index throws(SpoolReadFailure) in
                    try spooledSeries.entry(at: index)
                }
            }
        }
        report.reviewers = reviewers
        report.waiting = waiting
        report.earlierSeriesActivity = earlierSeriesActivity
        report.pullRequests = pullRequests
        report.bots = bots
    }
}

/// Turns the rules' series into the report's, one at a time: a series' author (its sender) is
/// shown with the name and spelling the contributor table gives that address, and the robots'
/// reports on series are counted for the robots' table.
struct SeriesMapper {
    /// The contributor rows by address in lower case.
    let nameByAddress: [String: ContributorRow]
    /// Reports on the range's series, by robot.
    private(set) var botReports: [String: Int] = [:]

    init(nameByAddress: [String: ContributorRow]) {
        self.nameByAddress = nameByAddress
    }

    mutating func entry(_ series: PatchSeries) -> SeriesEntry {
        var entry = SeriesEntry(series)
        if let row = nameByAddress[entry.author.email.lowercased()] {
            entry.author = ReportPerson(name: row.name, email: row.email)
        }
        for report in entry.botReports { botReports[report.bot, default: 0] += 1 }
        return entry
    }
}

extension SeriesEntry {
    /// The report's view of one series of the range.
    init(_ series: PatchSeries) {
        let responses = series.responses
        self.init(
            id: series.id, title: series.title, version: series.version, minorVersion: series.minorVersion,
            isRFC: series.isRFC, isResend: series.isResend, total: series.total,
            coverMessageID: series.coverMessageID, author: ReportPerson(series.author),
            date: HistoryLookBack.day(series.receivedAt), received: series.received, missing: series.missing,
            completeness: Self.completeness(of: series), changeID: series.changeID,
            previous: series.previous.map {
                SeriesPreviousVersion(
                    version: $0.version, messageID: $0.messageID, date: HistoryLookBack.day($0.receivedAt),
                    linkedBy: $0.linkedBy.rawValue)
            },
            versionSummary: series.versionSummary,
            patches: series.patches.map(SeriesPatchEntry.init),
            dropped: series.dropped.map {
                SeriesDroppedPatch(position: $0.position, messageID: $0.messageID, subject: $0.subject)
            },
            trailers: responses.trailers.map(SeriesTrailerEntry.init), replies: responses.replies,
            repliers: responses.repliers.map(ReportPerson.init),
            botReports: responses.botReports.map(SeriesBotReport.init),
            applied: responses.applied.map(SeriesAppliedEntry.init),
            supersededBy: series.supersededBy.map { SeriesSupersededBy(version: $0.version, seriesID: $0.seriesID) },
            startedBefore: series.startedBefore, notes: series.notes.map(\.description))
    }

    /// `12/12`, `11 of 12, missing 7`; for a series mostly posted elsewhere (fewer than half of
    /// its patches here), `1 of 30 on this list`: listing 29 missing positions would only say
    /// that this list was not sent them.
    static func completeness(of series: PatchSeries) -> String {
        guard !series.isComplete, series.received.count * 2 < series.total else { return series.completeness }
        return ReportWording.onThisList(received: series.received.count, total: series.total)
    }
}

extension SeriesPatchEntry {
    init(_ patch: SeriesPatch) {
        self.init(
            position: patch.position, messageID: patch.messageID, subject: patch.subject, patchID: patch.patchID,
            change: patch.change?.rawValue, previousMessageID: patch.previousMessageID,
            trailers: patch.trailers.map(SeriesTrailerEntry.init), replies: patch.replies, inRange: patch.isInSet)
    }
}

extension SeriesTrailerEntry {
    init(_ trailer: SeriesTrailer) {
        self.init(
            type: trailer.type.rawValue, name: trailer.name, email: trailer.email, position: trailer.position,
            messageID: trailer.messageID, mismatch: trailer.mismatch)
    }
}

extension SeriesBotReport {
    init(_ report: BotReport) {
        self.init(bot: report.bot, messageID: report.messageID, position: report.position)
    }
}

extension SeriesAppliedEntry {
    init(_ application: SeriesApplication) {
        self.init(
            branch: application.branch, commits: application.commits, by: application.by,
            messageID: application.messageID, positions: application.positions)
    }
}

extension ReportPerson {
    init(_ person: SeriesPerson) {
        self.init(name: person.name, email: person.email)
    }
}

extension EarlierSeriesEntry {
    init(_ activity: EarlierSeriesActivity) {
        let responses = activity.responses
        self.init(
            seriesID: activity.seriesID, title: activity.title, version: activity.version,
            author: ReportPerson(activity.author), date: HistoryLookBack.day(activity.receivedAt),
            replies: responses.replies, trailers: responses.trailers.map(SeriesTrailerEntry.init),
            botReports: responses.botReports.map(SeriesBotReport.init),
            applied: responses.applied.map(SeriesAppliedEntry.init))
    }
}
