internal import Digest
internal import Foundation
internal import HistoryIndex
package import InboxReader
internal import PatchModel

/// `publish`: a static site of weekly digests of an archive, kept up to date incrementally.
///
/// One HTML and one Markdown page per ISO week (UTC) with mail, `index.html` listing the weeks
/// newest first with their headline figures, and `feed.atom` with one entry per week. The
/// commits come from one resolve of the whole window (one `rev-list` per epoch) and are split by
/// week on their commit time (when the archive received the mail, as `--since` reads it); each
/// week's report reads its facts from the history index and parses again only its "New:"
/// entries, so the archive is not read once per week.
///
/// A week is written again only when its commits changed (their count and a SHA-1 over their
/// ids, kept in `.lore-digest-site.json`), when its pages are missing, or when the options or
/// the page layout changed. Index and feed are written when any week was. A week's report reads
/// only its own mail and what came before it (the series look-ups), so new mail changes only
/// the weeks it lands in.
package struct SitePublisher: Sendable {
    package struct Options: Sendable, Hashable {
        /// `--list`: the list's name in every title; nil: from List-Id.
        package var listName: String?
        /// `--top`: rows per table of each week's report.
        package var top: Int
        /// `--since`: publish from the ISO week that holds this date; nil: the whole archive.
        package var since: String?
        /// `--site-url`: where the site is served, for the feed's `xml:base` and ids.
        package var siteURL: String?

        package init(listName: String? = nil, top: Int = 15, since: String? = nil, siteURL: String? = nil) {
            self.listName = listName
            self.top = top
            self.since = since
            self.siteURL = siteURL
        }
    }

    /// What a run did.
    package struct Outcome: Sendable {
        /// Every published week, newest first.
        package var weeks: [WeekSummary]
        /// The weeks whose pages this run wrote, oldest first.
        package var written: [ISOWeek]
        /// The files removed because their week is no longer published (outside `--since`).
        package var removed: [String]
        /// Whether `index.html` and `feed.atom` were written.
        package var wroteIndex: Bool
        package var seconds: Double
    }

    package var options: Options

    package init(options: Options) {
        self.options = options
    }

    /// One archive of the site and its history index.
    package struct Source: Sendable {
        package var inbox: Inbox
        package var indexPath: String

        package init(inbox: Inbox, indexPath: String) {
            self.inbox = inbox
            self.indexPath = indexPath
        }
    }

    /// Publishes `inbox` into the folder `directory` (created when missing), reading and
    /// updating the history index at `indexPath` first.
    /// - Throws: ``PublishError`` (the folder, a write, another run), `InboxError`, `IndexError`.
    package func publish(inbox: Inbox, indexPath: String, into directory: String) async throws -> Outcome {
        try await publish([Source(inbox: inbox, indexPath: indexPath)], into: directory)
    }

    /// Publishes the weeks of several archives' mail merged (issue 14; one archive: as
    /// ``publish(inbox:indexPath:into:)``): each week's report is `report A B … --since MONDAY
    /// --until SUNDAY` with every archive's index, a cross-posted mail counted once, titled with
    /// the lists (`KVM + KVMARM`). Each archive's index is read and updated first.
    /// - Throws: ``PublishError`` (the folder, a write, another run), `InboxError`, `IndexError`.
    package func publish(_ sources: [Source], into directory: String) async throws -> Outcome {
        precondition(!sources.isEmpty, "a site needs an archive")
        let started = Date()
        let site = try SiteDirectory(path: directory)
        defer { site.close() }
        var archives: [(inbox: Inbox, index: MessageIndex)] = []
        for source in sources {
            let index = try MessageIndex.open(at: source.indexPath, create: true)
            _ = try await index.update(from: source.inbox)
            archives.append((source.inbox, index))
        }
        let weeks = try await weeksOfWindow(archives.map(\.inbox))

        var settings = "list=\(options.listName ?? "")\ntop=\(options.top)\nsite=\(options.siteURL ?? "")"
        // Another set of archives is another site: every week is written again.
        if archives.count > 1 { settings += "\narchives=" + archives.map(\.inbox.path).joined(separator: "\n") }
        let previous = SiteManifest.load(from: directory)
        let reusable =
            previous.flatMap { $0.layout == SiteManifest.currentLayout && $0.settings == settings ? $0 : nil }
        let known = Dictionary((reusable?.weeks ?? []).map { ($0.week, $0) }, uniquingKeysWith: { first, _ in first })

        var summaries: [WeekSummary] = []
        var written: [ISOWeek] = []
        for (week, perArchive) in weeks {
            let commits = perArchive.flatMap { $0 }
            let fingerprint = StableIdentifier.fingerprint(commits.map(\.oid))
            if let old = known[week], old.fingerprint == fingerprint, old.commitCount == commits.count,
                site.exists("\(week.label).html"), site.exists("\(week.label).md")
            {
                summaries.append(old)
                continue
            }
            let report =
                if archives.count == 1 {
                    try await report(of: week, commits: commits, inbox: archives[0].inbox, index: archives[0].index)
                } else {
                    try await report(of: week, commits: perArchive, archives: archives)
                }
            try site.write("\(week.label).html", Array(WeekPage.html(report, week: week).utf8))
            try site.write("\(week.label).md", Array(WeekPage.markdown(report).utf8))
            summaries.append(Self.summary(of: report, week: week, commits: commits, fingerprint: fingerprint))
            written.append(week)
        }

        let published = Set(weeks.map(\.week))
        var removed: [String] = []
        for old in previous?.weeks ?? [] where !published.contains(old.week) {
            for name in ["\(old.week.label).html", "\(old.week.label).md"] where site.exists(name) {
                site.remove(name)
                removed.append(name)
            }
        }

        let newestFirst = Array(summaries.reversed())
        let manifest = SiteManifest(settings: settings, weeks: newestFirst)
        let wroteIndex =
            !written.isEmpty || !removed.isEmpty || manifest != previous || !site.exists("index.html")
            || !site.exists("feed.atom")
        if wroteIndex {
            let listName =
                options.listName ?? newestFirst.first?.listName
                ?? archives.map { $0.inbox.displayName.uppercased() }.joined(separator: " + ")
            let siteTitle = "\(listName) mailing list updates"
            try site.write("index.html", Array(SiteIndexPage(siteTitle: siteTitle, weeks: newestFirst).render().utf8))
            let feed = AtomFeed(
                siteTitle: siteTitle, siteURL: options.siteURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" },
                weeks: newestFirst, now: Int64(Date().timeIntervalSince1970))
            try site.write("feed.atom", Array(feed.render().utf8))
            // Last: a run stopped before this point leaves the old manifest, so its weeks are redone.
            try site.write(SiteManifest.fileName, try manifest.encoded())
        }
        return Outcome(
            weeks: newestFirst, written: written, removed: removed, wroteIndex: wroteIndex,
            seconds: Date().timeIntervalSince(started))
    }

    /// The commits of the window in each archive (in the order given), split by ISO week, oldest
    /// week first; a week without mail in any archive is not published.
    private func weeksOfWindow(_ inboxes: [Inbox]) async throws -> [(week: ISOWeek, commits: [[CommitRef]])] {
        var byWeek: [ISOWeek: [[CommitRef]]] = [:]
        for (position, inbox) in inboxes.enumerated() {
            var range = RevisionRange()
            if let since = options.since {
                // Whole weeks: from the Monday of the week that holds the date.
                let seconds = try await inbox.resolveDate(since, bound: .since)
                range.since = "@\(ISOWeek(containing: seconds).start)"
            }
            for commit in try await inbox.resolve(range).commits {
                byWeek[ISOWeek(containing: commit.commitTime), default: Array(repeating: [], count: inboxes.count)][
                    position
                ].append(commit)
            }
        }
        return byWeek.keys.sorted().map { week in (week, byWeek[week] ?? []) }
    }

    /// The week's report, as `report --since MONDAY --until SUNDAY` with the index would print it.
    private func report(of week: ISOWeek, commits: [CommitRef], inbox: Inbox, index: MessageIndex) async throws
        -> Report
    {
        try await ReportBuilder().build(
            inbox: inbox, commits: commits, selection: Self.selection(of: week, commits: commits),
            options: ReportOptions(listName: options.listName, top: options.top), index: index,
            seriesLookup: IndexSeriesLookup(index: index))
    }

    /// The week's report of several archives merged, as `report A B … --since MONDAY --until
    /// SUNDAY` would print it: `commits` holds each archive's commits of the week.
    private func report(of week: ISOWeek, commits: [[CommitRef]], archives: [(inbox: Inbox, index: MessageIndex)])
        async throws -> Report
    {
        let builder = ReportBuilder()
        let merged = try await MergedArchives.read(
            zip(archives, commits).map { archive, commits in
                MergedArchives.Archive(inbox: archive.inbox, commits: commits, index: archive.index)
            },
            pipeline: builder.pipeline)
        let lookups: [any SeriesLookup] = archives.map { IndexSeriesLookup(index: $0.index) }
        // The archives that received mail that week (one at least) describe its range.
        let selections = commits.filter { !$0.isEmpty }.map { Self.selection(of: week, commits: $0) }
        return try builder.build(
            merged: merged, selection: Selection(merging: selections),
            options: ReportOptions(listName: options.listName, top: options.top),
            seriesLookup: MergedSeriesLookup(lookups: lookups))
    }

    /// What a week's report says of its range. Labels are the first 12 hex digits (unambiguous in
    /// practice), not git's shortest unique abbreviation: that would cost two git runs per week.
    private static func selection(of week: ISOWeek, commits: [CommitRef]) -> Selection {
        var selection = Selection(
            fromLabel: nil, toLabel: String(commits.last?.oid.prefix(12) ?? ""),
            firstCommitTime: commits.first?.commitTime, lastCommitTime: commits.last?.commitTime)
        selection.since = week.start
        selection.until = week.end
        selection.firstLabel = commits.first.map { String($0.oid.prefix(12)) }
        selection.lastLabel = commits.last.map { String($0.oid.prefix(12)) }
        selection.commitCount = commits.count
        return selection
    }

    static func summary(of report: Report, week: ISOWeek, commits: [CommitRef], fingerprint: String) -> WeekSummary {
        // A series sent again in the same week (v1, then v2) counts once, as its newest version.
        let newSeries = report.series.filter { !$0.startedBefore && $0.supersededBy == nil }
        let figures = WeekFigures(
            messages: report.accounting.messages, patchMails: report.accounting.patchMails,
            newSeries: newSeries.count, reviews: report.reviewers.reduce(0) { $0 + $1.trailers },
            applied: report.seriesFacts.filter(\.isApplied).count + report.earlierAppliedRows.count)
        return WeekSummary(
            week: week, commitCount: commits.count, fingerprint: fingerprint,
            newestCommitTime: commits.map(\.commitTime).max() ?? week.start,
            listName: report.listName,
            figures: figures,
            highlights: newSeries.prefix(WeekFigures.highlightLimit).map { entry in
                entry.version.map { "\(entry.title) (v\($0))" } ?? entry.title
            })
    }
}
