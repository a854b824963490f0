internal import MailParser
internal import PatchModel

/// The words every format of the report shares: its title and range, the section headings, the
/// labels of entries and columns, and the accounting sentence. Renderers add only their markup
/// and their escaping; a heading changed here changes in every format.
///
/// Values are plain text: each renderer escapes what comes from mail (and what it passes in) as
/// its format needs, so nothing here escapes.
enum ReportWording {
    /// Makes `text` (escaped already) a link to `url` in the renderer's markup; the text alone
    /// when `url` is nil. The text report passes ``noLink``.
    typealias Link = (_ text: String, _ url: String?) -> String

    /// No links: the text as it is.
    static func noLink(_ text: String, _ url: String?) -> String { text }

    // MARK: Title and range

    /// `KVM mailing list update from A to B`: the report's title, and the e-mail's subject.
    static func title(listName: String, range: String) -> String {
        "\(listName) mailing list update from \(range)"
    }

    /// The title's range: `A to B` (`--from/--to`); a range that starts at the archive's first
    /// message says so, since `From A` would wrongly suggest that A itself is excluded. With
    /// `--since/--until`: `2025-10-01 00:00 UTC to 2025-10-08 00:00 UTC`. For an mbox file or a
    /// Maildir: its name (`results.mbox`), followed by `, <window>` when there is one. The mbox
    /// name comes from the command line and is made terminal-safe here.
    static func range(_ selection: Selection) -> String {
        if let source = selection.source {
            return selection.hasTimeWindow ? "\(source.terminalSafe), \(window(selection))" : source.terminalSafe
        }
        if selection.hasTimeWindow { return window(selection) }
        if selection.isSinceLastRun, let first = selection.firstCommitTime, let last = selection.lastCommitTime {
            return "\(DateText.day(first)) to \(DateText.day(last))"
        }
        let from = selection.fromLabel ?? "the first message"
        return "\(from) to \(selection.toLabel)"
    }

    /// `[KVM] mailing list update 2025-10-06..2025-10-12`: the e-mail's subject, with the days
    /// rather than commit ids, which mean nothing in an inbox (see ``days(_:)``).
    static func emailSubject(listName: String, selection: Selection) -> String {
        if let days = days(selection) { return "[\(listName)] mailing list update \(days)" }
        return "[\(listName)] mailing list update from \(range(selection))"
    }

    /// `2025-10-06..2025-10-12` (UTC): the days of the range's first and last message, one day
    /// alone when they are the same; for a time window that selected nothing, the window's days
    /// (its end excluded); nil when neither is known.
    static func days(_ selection: Selection) -> String? {
        var first = selection.firstCommitTime
        var last = selection.lastCommitTime
        if first == nil || last == nil, let since = selection.since, let until = selection.until, until > since {
            first = since
            last = until - 1
        }
        guard let first, let last else { return nil }
        let (from, to) = (DateText.day(first), DateText.day(last))
        return from == to ? from : "\(from)..\(to)"
    }

    /// The text report's first line: `From A to B` (`--from/--to` only, as ever);
    /// `From <since> to <until>[ within A..B] (commits X to Y)` with a time window, or
    /// `(no messages)` when it selected nothing; `From results.mbox[, <window>] (N messages)`.
    static func selectionLine(_ selection: Selection) -> String {
        let line = "From \(range(selection))"
        if selection.source != nil {
            let count = selection.commitCount ?? 0
            return line + " (\(count) \(count == 1 ? "message" : "messages"))"
        }
        guard selection.hasTimeWindow else { return line }
        var windowed = line
        if let revisions = selection.revisions { windowed += " within \(revisions)" }
        if let first = selection.firstLabel, let last = selection.lastLabel {
            windowed += first == last ? " (commit \(first))" : " (commits \(first) to \(last))"
        } else {
            windowed += " (no messages)"
        }
        return windowed
    }

    /// `2025-10-01 00:00 UTC to 2025-10-08 00:00 UTC`; an open end is `the first message` or
    /// `the newest message`.
    static func window(_ selection: Selection) -> String {
        let since = selection.since.map(DateText.utc) ?? "the first message"
        let until = selection.until.map(DateText.utc) ?? "the newest message"
        return "\(since) to \(until)"
    }

    // MARK: Section headings

    /// `Top 15 contributor email domains (based on email body)`
    static func domainsHeading(top: Int) -> String {
        "Top \(top) contributor email domains (based on email body)"
    }

    /// `Top 15 contributors (based on email body)`
    static func contributorsHeading(top: Int) -> String {
        "Top \(top) contributors (based on email body)"
    }

    /// `Top 15 companies (patch mails)`
    static func companiesHeading(top: Int) -> String {
        "Top \(top) companies (patch mails)"
    }

    static let reviewCompaniesHeading = "Reviews by company"

    /// `Top 15 companies (review trailers given, replies written)`
    static func topReviewCompaniesHeading(top: Int) -> String {
        "Top \(top) companies (review trailers given, replies written)"
    }

    static let patchListHeading = "Patch list in this time period"
    static let commitMessagesHeading = "Patch commit messages"
    static let historyHeading = "History (from the index)"
    static let firstPatchesHeading = "First patches on this list"
    static let revisedSeriesHeading = "Revised series (earlier versions before this range)"

    /// The headings of the text report, spelt as the script it replaces printed them, so that
    /// readers' filters and the reference report keep matching.
    enum Classic {
        /// `Top 15 contributor Email domains (Based on Email Body)`
        static func domainsHeading(top: Int) -> String {
            "Top \(top) contributor Email domains (Based on Email Body)"
        }

        /// `Top 15 contributors (Based on Email Body)`
        static func contributorsHeading(top: Int) -> String {
            "Top \(top) contributors (Based on Email Body)"
        }

        static let commitMessagesBanner = "===== Patch Commit Messages ===="

        /// `===== Patch list in this time period =====`
        static func banner(_ heading: String) -> String {
            "===== \(heading) ====="
        }
    }

    // MARK: Labels

    /// Before the title of each entry of the commit messages.
    static let newEntryLabel = "New:"
    /// Before an entry's author.
    static let authorLabel = "Author:"
    /// A list of the history section with nothing in it.
    static let noneLabel = "(none)"
    /// The column headings of the two tables.
    static let countColumn = "Patches"
    static let domainColumn = "Domain"
    static let nameColumn = "Name"
    static let companyColumn = "Company"
    static let authorsColumn = "Authors"
    static let trailersColumn = "Trailers"
    static let repliesColumn = "Replies"
    static let emailColumn = "Email"

    /// `(first patch mail: 2025-10-07)`
    static func firstPatchMail(date: String) -> String {
        "(first patch mail: \(date))"
    }

    /// `v2 2025-09-12, v1 2025-08-30`
    static func earlierVersions(_ versions: [EarlierVersion]) -> String {
        versions.map { "v\($0.version) \($0.firstDate)" }.joined(separator: ", ")
    }

    // MARK: Series sections (issue 10)

    static let seriesHeading = "Series"
    static let reviewsHeading = "Reviews"
    static let earlierActivityHeading = "Activity on earlier series"
    static let appliedHeading = "Applied"
    static let pullRequestsHeading = "Pull requests"
    static let botsHeading = "Bots"
    static let topReviewersHeading = "Top reviewers (review trailers given, replies written)"
    static let waitingHeading = "Waiting for a first reply (from anyone but the author or a robot)"

    /// The one line that says the series sections saw the range alone.
    static let rangeOnlyScope = "Series: this range only (no history index)"

    /// `1 of 30 on this list`: a series posted mostly elsewhere.
    static func onThisList(received: Int, total: Int) -> String {
        "\(received) of \(total) on this list"
    }

    /// `3 replies`, `1 reply`.
    static func replies(_ count: Int) -> String {
        count == 1 ? "1 reply" : "\(count) replies"
    }

    /// `2 trailers`, `1 trailer`.
    static func trailers(_ count: Int) -> String {
        count == 1 ? "1 trailer" : "\(count) trailers"
    }

    /// `v12 KVM: arm64: frob` for a series; `RFC v2 …`, `RESEND v3 …` when marked; the title
    /// alone for a version 1 that names no version.
    static func seriesTitle(_ entry: SeriesEntry, escape: (String) -> String, link: Link = noLink) -> String {
        var tags: [String] = []
        if entry.isRFC { tags.append("RFC") }
        if entry.isResend { tags.append("RESEND") }
        if entry.version != nil { tags.append(entry.versionLabel) }
        return link((tags + [escape(entry.title)]).joined(separator: " "), entry.url)
    }

    /// `superseded by v8`
    static func supersededBy(version: Int) -> String {
        "superseded by v\(version)"
    }

    /// The lines of one series' block, without indentation: author, patches, version, replies,
    /// trailers by type, applied, robot reports and notes. Mail text goes through `escape`.
    static func seriesFacts(_ entry: SeriesEntry, escape: (String) -> String, link: Link = noLink) -> [String] {
        var lines = ["\(authorLabel) \(person(entry.author, escape: escape))"]
        if let lists = entry.lists { lines.append(listsLine(lists, escape: escape)) }
        lines.append("Patches: \(entry.completeness)")
        if let summary = entry.versionSummary {
            lines.append("Version: \(summary)")
        } else if entry.startedBefore {
            lines.append("Started before this range")
        }
        if !entry.dropped.isEmpty {
            lines.append(
                "Dropped: "
                    + entry.dropped.map { link("\($0.position) \(escape($0.subject))", $0.url) }
                    .joined(separator: "; "))
        }
        lines.append("Replies: \(entry.replies)" + repliesByPosition(entry))
        lines += trailerLines(entry.trailers, escape: escape, link: link)
        if let applied = entry.applied {
            lines.append("\(appliedHeading): \(appliedText(applied, escape: escape, link: link))")
        }
        if !entry.botReports.isEmpty {
            lines.append("\(botsHeading): \(botReports(entry.botReports, escape: escape, link: link))")
        }
        lines += entry.notes.map { "Note: \(escape($0))" }
        return lines
    }

    /// ` (1 on patch 1, 2 on patch 3, 1 on the cover)`: where a series' replies went; empty
    /// without replies.
    static func repliesByPosition(_ entry: SeriesEntry) -> String {
        guard entry.replies > 0 else { return "" }
        var parts = entry.patches.filter { $0.replies > 0 }.map { "\($0.replies) on patch \($0.position)" }
        let onCover = entry.replies - entry.patches.reduce(0) { $0 + $1.replies }
        if onCover > 0 { parts.append("\(onCover) on the cover") }
        return " (" + parts.joined(separator: ", ") + ")"
    }

    /// `Reviewed-by: Jane Doe (patches 1, 2), John Roe (cover)` per trailer type (reviews
    /// first, `other` last), each person once per type with the positions given on; a
    /// mismatched trailer is marked `(address mismatch)`.
    /// The name links to the first reply that gave the trailer.
    static func trailerLines(
        _ trailers: [SeriesTrailerEntry], escape: (String) -> String, link: Link = noLink
    ) -> [String] {
        var lines: [String] = []
        for type in ReviewTrailerType.allCases {
            var order: [String] = []
            var given: [String: (trailer: SeriesTrailerEntry, positions: [Int], mismatch: Bool)] = [:]
            for trailer in trailers where trailer.type == type.rawValue {
                let key = trailer.email.lowercased()
                if given[key] == nil {
                    order.append(key)
                    given[key] = (trailer, [], false)
                }
                given[key]?.positions.append(trailer.position)
                if trailer.mismatch { given[key]?.mismatch = true }
            }
            let names = order.compactMap { key -> String? in
                guard let person = given[key] else { return nil }
                let name = person.trailer.name.isEmpty ? person.trailer.email : person.trailer.name
                return link(escape(name), person.trailer.url) + " (" + positions(person.positions) + ")"
                    + (person.mismatch ? " (address mismatch)" : "")
            }
            if !names.isEmpty {
                let label = type == .other ? "Other trailers" : type.trailerName
                lines.append("\(label): " + names.joined(separator: ", "))
            }
        }
        return lines
    }

    /// `cover`, `patch 2`, `patches 1, 2`, `cover, patch 3`: where trailers were given.
    static func positions(_ positions: [Int]) -> String {
        let sorted = Array(Set(positions)).sorted()
        let patches = sorted.filter { $0 > 0 }
        var parts: [String] = sorted.first == 0 ? ["cover"] : []
        if !patches.isEmpty {
            parts.append(
                (patches.count == 1 ? "patch " : "patches ") + patches.map(String.init).joined(separator: ", "))
        }
        return parts.joined(separator: ", ")
    }

    /// `kvm-x86 selftests, by Sean Christopherson (patches 2, 3; commits 1234abc)`
    /// The branch links to the notice.
    static func appliedText(_ applied: SeriesAppliedEntry, escape: (String) -> String, link: Link = noLink) -> String {
        var text = link(applied.branch.map(escape) ?? "(no branch named)", applied.url)
        text += ", by \(escape(applied.by))"
        var details: [String] = []
        if !applied.positions.isEmpty {
            details.append(
                (applied.positions.count == 1 ? "patch " : "patches ")
                    + applied.positions.map(String.init).joined(separator: ", "))
        }
        if !applied.commits.isEmpty {
            details.append(
                (applied.commits.count == 1 ? "commit " : "commits ")
                    + applied.commits.map { escape(String($0.prefix(12))) }.joined(separator: ", "))
        }
        return details.isEmpty ? text : text + " (" + details.joined(separator: "; ") + ")"
    }

    /// `kernel test robot (2 reports)`, per robot in order of first report.
    /// The robot's name links to its first report.
    static func botReports(_ reports: [SeriesBotReport], escape: (String) -> String, link: Link = noLink) -> String {
        var order: [String] = []
        var counts: [String: Int] = [:]
        var firstURL: [String: String] = [:]
        for report in reports {
            if counts[report.bot] == nil {
                order.append(report.bot)
                firstURL[report.bot] = report.url
            }
            counts[report.bot, default: 0] += 1
        }
        return order.map { bot in
            let count = counts[bot] ?? 0
            return "\(link(escape(bot), firstURL[bot])) (\(count) \(count == 1 ? "report" : "reports"))"
        }.joined(separator: ", ")
    }

    /// `Jane Doe <jane@example.org>`; the address alone when there is no name. The angle
    /// brackets go through `escape` too: they are markup in Markdown and HTML.
    static func person(_ person: ReportPerson, escape: (String) -> String) -> String {
        let address = escape("<" + person.email + ">")
        return person.name.isEmpty ? address : "\(escape(person.name)) \(address)"
    }

    /// `Jane Doe <jane@example.org>: 3 trailers, 2 replies`
    static func reviewer(_ row: ReviewerRow, escape: (String) -> String) -> String {
        person(ReportPerson(name: row.name, email: row.email), escape: escape)
            + ": \(trailers(row.trailers)), \(replies(row.replies))"
    }

    /// `Google: 3 trailers, 5 replies`
    static func reviewCompany(_ row: ReviewCompanyRow, escape: (String) -> String) -> String {
        "\(escape(row.name)): \(trailers(row.trailers)), \(replies(row.replies))"
    }

    /// `(3 authors)`, `(1 author)`
    static func authors(_ count: Int) -> String {
        count == 1 ? "(1 author)" : "(\(count) authors)"
    }

    /// `v2 KVM: frob (Jane Doe <jane@example.org>)`
    static func waiting(_ entry: SeriesEntry, escape: (String) -> String, link: Link = noLink) -> String {
        seriesTitle(entry, escape: escape, link: link) + " (" + person(entry.author, escape: escape) + ")"
    }

    /// `v3 KVM: frob, posted 2025-09-01 by Jane Doe <jane@example.org>`, then its facts.
    static func earlierActivity(_ entry: EarlierSeriesEntry, escape: (String) -> String, link: Link = noLink) -> (
        title: String, facts: [String]
    ) {
        let title =
            link((entry.version.map { "v\($0) " } ?? "") + escape(entry.title), entry.seriesURL)
            + ", posted \(entry.date) by \(person(entry.author, escape: escape))"
        var facts = ["Replies: \(entry.replies)"]
        facts += trailerLines(entry.trailers, escape: escape, link: link)
        if let applied = entry.applied {
            facts.append("\(appliedHeading): \(appliedText(applied, escape: escape, link: link))")
        }
        if !entry.botReports.isEmpty {
            facts.append("\(botsHeading): \(botReports(entry.botReports, escape: escape, link: link))")
        }
        return (title, facts)
    }

    /// `v2 KVM: frob: kvm-x86 selftests, by Sean Christopherson`; `(earlier series)` when it was
    /// posted before the range.
    static func applied(_ row: AppliedRow, escape: (String) -> String, link: Link = noLink) -> String {
        (row.versionLabel.isEmpty ? "" : row.versionLabel + " ")
            + "\(escape(row.title)): \(appliedText(row.applied, escape: escape, link: link))"
            + (row.isEarlierSeries ? " (earlier series)" : "")
    }

    /// The lines under a pull request's subject: who, what to pull, the diffstat summary.
    static func pullRequestFacts(_ entry: PullRequestEntry, escape: (String) -> String) -> [String] {
        var lines = ["From: \(person(entry.from, escape: escape))"]
        let source = [entry.repository, entry.ref].compactMap { $0 }.map(escape).joined(separator: " ")
        lines.append("Pull: " + (source.isEmpty ? "(no repository named)" : source))
        if let diffstat = entry.diffstat {
            lines.append(
                "\(diffstat.filesChanged) \(diffstat.filesChanged == 1 ? "file" : "files") changed, "
                    + "\(diffstat.insertions) insertions(+), \(diffstat.deletions) deletions(-)")
        }
        return lines
    }

    /// `kernel test robot: 5 mails, 3 reports on series of this range`
    static func bot(_ row: BotRow, escape: (String) -> String) -> String {
        "\(escape(row.bot)): \(row.mails) \(row.mails == 1 ? "mail" : "mails"), "
            + "\(row.seriesReports) \(row.seriesReports == 1 ? "report" : "reports") on series of this range"
    }

    // MARK: Accounting

    /// `Accounting: 400 messages (217 patch mails, 160 replies, 20 other, 3 unparseable), 2 deleted`,
    /// and with several archives `, 5 cross-posted duplicates folded`.
    static func accountingSentence(_ accounting: Accounting) -> String {
        "Accounting: \(accounting.messages) messages (\(accounting.patchMails) patch mails, "
            + "\(accounting.replies) replies, \(accounting.other) other, "
            + "\(accounting.unparseable) unparseable), \(accounting.deleted) deleted"
            + (accounting.crossPostedDuplicates.map {
                ", \($0) cross-posted \($0 == 1 ? "duplicate" : "duplicates") folded"
            } ?? "")
    }

    /// `Lists: KVM, KVMARM`: the lists a series or a cross-posted entry reached (several archives).
    static func listsLine(_ lists: [String], escape: (String) -> String) -> String {
        "Lists: " + lists.map(escape).joined(separator: ", ")
    }
}
