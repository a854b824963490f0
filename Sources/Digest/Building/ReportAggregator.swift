internal import MailParser
package import PatchModel

/// Folds the facts of a range's messages, given in archive order, into a ``Report``.
///
/// Holds only what the report prints: a counter per person and domain, the patch mails' facts
/// (subjects and threading ids, for the patch list), the text of the "New:" entries, the thread
/// view of every message (what the series rules read, see ``ThreadMessage``), the pull requests
/// and a counter per robot; never the messages themselves.
package struct ReportAggregator: Sendable {
    private var tally = ContributorTally()
    private var patchMails: [MessageFacts] = []
    private var entries: [PatchEntry] = []
    private var accounting = Accounting()
    private var listIDCounts = UsageCount()
    private var listIDsSeen = 0
    /// One per message with a Message-ID and a sender, in archive order.
    private(set) var threadMessages: [ThreadMessage] = []
    private var pullRequests: [PullRequestEntry] = []
    private var botMails: [String: Int] = [:]

    package init() {}

    /// Counts a commit of the range that deletes a message.
    package mutating func addDeletion() {
        accounting.deleted += 1
    }

    /// Adds one message, the next in archive order, received by the archive at `receivedAt`
    /// (its commit time, seconds since 1970).
    package mutating func add(_ facts: MessageFacts, receivedAt: Int64) {
        if let listID = facts.listID {
            listIDsSeen += 1
            listIDCounts.add(listID.lowercased(), at: listIDsSeen)
        }
        if let message = ThreadMessage(facts: facts, receivedAt: receivedAt) { threadMessages.append(message) }
        if let bot = facts.botName { botMails[bot, default: 0] += 1 }
        if let pull = facts.pullRequest {
            let from = facts.sender ?? facts.author
            pullRequests.append(
                PullRequestEntry(
                    subject: facts.subject ?? "",
                    from: ReportPerson(name: from?.name ?? "", email: from?.address ?? ""),
                    messageID: facts.messageID, repository: pull.repository, ref: pull.ref, headCommit: pull.headCommit,
                    diffstat: pull.diffstat))
        }
        switch facts.kind {
        case .patch, .cover:
            accounting.patchMails += 1
            addPatchMail(facts)
        case .reply:
            accounting.replies += 1
        case .pull, .bot, .other:
            accounting.other += 1
        case .unparseable:
            accounting.unparseable += 1
            let reason = facts.problems.first ?? "no header block"
            accounting.unparseableCommits.append(UnparseableMessage(commit: facts.commit, reason: reason))
        }
    }

    private mutating func addPatchMail(_ facts: MessageFacts) {
        let author = facts.author
        let name = author?.name ?? ""
        let email = author?.address ?? ""
        tally.add(name: name, address: email)
        patchMails.append(facts.forPatchList)
        if Self.needsEntryText(facts) {
            entries.append(
                PatchEntry(
                    title: facts.title, subject: facts.subject ?? "", authorName: name, authorEmail: email,
                    text: facts.entryText ?? "", commit: facts.commit, messageID: facts.messageID))
        }
    }

    /// Whether the message is a "New:" entry, whose commit message text the report prints:
    /// a cover letter, a standalone patch, or the first patch of a series.
    package static func needsEntryText(_ facts: MessageFacts) -> Bool {
        facts.kind.isPatchMail && (facts.kind == .cover || facts.number == nil || facts.number == 1)
    }

    /// The most common List-Id of the range, if any message had one.
    package var mostCommonListID: String? {
        listIDsSeen == 0 ? nil : listIDCounts.mostUsed
    }

    /// The finished report. Entries show the name each author used most, so that the tables
    /// and the `Author:` lines always agree. The series sections come from ``SeriesAnalyzer``
    /// over the range's messages, with `seriesLookup` answering for the history (none: the
    /// sections say they saw this range only).
    package func report(
        listName: String, selection: Selection, top: Int, seriesLookup: any SeriesLookup = NoSeriesLookup()
    ) -> Report {
        let contributors = tally.contributorRows(top: Int.max)
        var nameByAddress: [String: ContributorRow] = [:]
        for row in contributors { nameByAddress[row.email.lowercased()] = row }
        let agreedEntries = entries.map { entry in
            var entry = entry
            if let row = nameByAddress[entry.authorEmail.lowercased()] {
                entry.authorName = row.name
                entry.authorEmail = row.email
            }
            return entry
        }
        let patchList = SeriesGrouping.order(patchMails).map { item in
            let mail = patchMails[item.index]
            return PatchListLine(subject: mail.subject ?? "", commit: mail.commit, isInSeries: item.isInSeries)
        }
        var report = Report(
            listName: listName, selection: selection, top: top,
            domains: tally.domainRows(top: top), contributors: Array(contributors.prefix(top)),
            patchList: patchList, entries: agreedEntries, accounting: accounting)
        let analysis = SeriesAnalyzer.analyze(threadMessages, lookup: seriesLookup)
        var sections = SeriesSections(
            analysis: analysis, scope: seriesLookup is NoSeriesLookup ? .rangeOnly : .historyIndex,
            pullRequests: pullRequests, botMails: botMails)
        // A series' author is its sender; shown with the name the tables give that address.
        for index in sections.series.indices {
            if let row = nameByAddress[sections.series[index].author.email.lowercased()] {
                sections.series[index].author = ReportPerson(name: row.name, email: row.email)
            }
        }
        sections.fill(&report)
        return report
    }
}

extension ReportAggregator {
    /// The range's patch-mail authors, each once (by address, without case), with the name and
    /// spelling the contributor table shows: the people ``HistoryLookBack`` asks about.
    package var patchAuthors: [ContributorRow] {
        tally.contributorRows(top: Int.max)
    }

    /// The series heads of the range that say they revise something: a cover letter, or the
    /// first patch of a series without one, or a standalone patch, with version 2 or more or
    /// marked RESEND; in patch-list order. A later patch of a series whose head is before the
    /// range is no head.
    package var revisionHeads: [MessageFacts] {
        SeriesGrouping.order(patchMails).compactMap { item in
            let mail = patchMails[item.index]
            guard !item.isInSeries, Self.needsEntryText(mail), (mail.version ?? 1) >= 2 || mail.isResend else {
                return nil
            }
            return mail
        }
    }
}

extension MessageFacts {
    /// The facts the patch list needs, without the entry text (kept once, in the entries).
    fileprivate var forPatchList: MessageFacts {
        var copy = self
        copy.entryText = nil
        return copy
    }
}
