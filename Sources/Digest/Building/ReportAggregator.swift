internal import MailParser
package import PatchModel

/// Folds the facts of a range's messages, given in archive order, into a ``Report``.
///
/// Holds only what the report prints: a counter per person and domain, the patch mails' facts
/// (subjects and threading ids, for the patch list) and the text of the "New:" entries; never
/// the messages themselves.
package struct ReportAggregator: Sendable {
    private var tally = ContributorTally()
    private var patchMails: [MessageFacts] = []
    private var entries: [PatchEntry] = []
    private var accounting = Accounting()
    private var listIDCounts = UsageCount()
    private var listIDsSeen = 0

    package init() {}

    /// Counts a commit of the range that deletes a message.
    package mutating func addDeletion() {
        accounting.deleted += 1
    }

    /// Adds one message, the next in archive order.
    package mutating func add(_ facts: MessageFacts) {
        if let listID = facts.listID {
            listIDsSeen += 1
            listIDCounts.add(listID.lowercased(), at: listIDsSeen)
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
    /// and the `Author:` lines always agree.
    package func report(listName: String, selection: Selection, top: Int) -> Report {
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
        return Report(
            listName: listName, selection: selection, top: top,
            domains: tally.domainRows(top: top), contributors: Array(contributors.prefix(top)),
            patchList: patchList, entries: agreedEntries, accounting: accounting)
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
