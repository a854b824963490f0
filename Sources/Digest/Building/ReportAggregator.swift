internal import Dispatch
internal import MailParser
package import PatchModel
internal import Synchronization

/// Folds the facts of a range's messages, given in archive order, into a ``Report``.
///
/// Holds only what the report prints: a counter per person and domain, the patch mails' facts
/// (subjects and threading ids, for the patch list), the text of the "New:" entries, the thread
/// view of every message (what the series rules read, see ``ThreadMessage``), the pull requests
/// and a counter per robot; never the messages themselves.
///
/// People are mapped first (the mailmap, see ``IdentityResolver``), so one person is one row in
/// every table, the `Author:` lines, the series, reviews and pull requests; patch mails and reviews
/// are then credited to the company of the mapped address at the date the archive received them.
package struct ReportAggregator: Sendable {
    private var tally = ContributorTally()
    private var patchMails = ChunkedArray<PatchMailSummary>()
    /// When the patch list's lines go to the entries' file as their mails are read: each patch
    /// mail's line, in `patchMails` order (the mails' summaries then keep no subject or commit).
    private var patchLineSpans: ChunkedArray<EntryTextSpool.Span>?
    /// The "New:" entries without their text, which waits in `entryTexts` (see `entrySpans`).
    private var entries: [PatchEntry] = []
    private var entrySpans: [EntryTextSpool.Span] = []
    private let entryTexts: EntryTextSpool
    private var accounting = Accounting()
    private var listIDCounts = UsageCount()
    private var listIDsSeen = 0
    /// One per message with a Message-ID and a sender, in archive order; in `threadSpool` instead
    /// when there is one.
    private(set) var threadMessages: [ThreadMessage] = []
    /// For a large range whose series rules read no history: the thread view, in a file.
    private let threadSpool: ThreadSpool?
    /// For a range whose series rules will read no history and whose thread view is in memory:
    /// which messages the rules may link, so that they can run in parts on two cores at once.
    private var threadPartition: ThreadPartition?
    private var pullRequests: [PullRequestEntry] = []
    private var botMails: [String: Int] = [:]
    /// Patch mails by the UTC day (days since 1970) the archive received them, for the chart.
    private var patchMailsByDay: [Int64: Int] = [:]
    /// The mailmap and company map, with what they answered so far (issue 11).
    private var identity: IdentityResolver
    /// With a mailmap: for each mapped address (lower case) that differs from an address as sent,
    /// those addresses, so that questions to the history (which keeps addresses as sent) ask for
    /// each of them.
    private var addressesAsSent: [String: Set<String>] = [:]
    /// Every Message-ID, sender and author kept, each once: a thread's replies name their parent and
    /// ancestors, and the million copies of those strings were most of a large report's memory.
    private var strings = Set<String>()
    /// The series sections and the reviews by company, once ``report(listName:selection:top:seriesLookup:streamsEntryTexts:)``
    /// ran the series rules (their own answer is let go as it is turned into these).
    private var seriesAnswer: SeriesAnswer?
    /// The patch list, once made; the patch mails it was made from are then let go.
    private var patchListing: PatchListing?
    /// A large range's patch list lines, when they wait in the entries' file (`patchListing`
    /// then has none).
    private var spooledPatchList: SpooledPatchList?
    /// With several archives: the lists each patch mail reached, by Message-ID.
    private(set) var listsByMessageID: [String: [String]] = [:]

    /// - Parameter identity: the maps applied to every person before counting; by default no
    ///   mailmap and the shipped company map.
    /// - Parameter spoolsThreadView: keep the thread view in a temporary file and run the series
    ///   rules one part of the range at a time (see ``ThreadSpool``): for large ranges, whose
    ///   report is then asked for without a history look-up.
    /// - Parameter rulesReadNoHistory: the series rules will be asked without a look-up in the
    ///   history, so they may run in parts, side by side (a view in memory; a view in a file is
    ///   analysed part by part anyway).
    /// - Parameter spoolsPatchList: with `spoolsThreadView`, write each patch mail's patch list
    ///   line to the entries' file as it is read (for a report printed a section at a time; one
    ///   asked for otherwise reads them back). A report asked for `--history` needs them in
    ///   memory (``HistoryLookBack``), and has an index, so no thread view in a file.
    package init(
        identity: IdentityResolver = IdentityResolver(companies: CompanyMap.shipped.map),
        spoolsThreadView: Bool = false, rulesReadNoHistory: Bool = false, spoolsPatchList: Bool = false
    ) {
        self.init(
            identity: identity, entryTexts: EntryTextSpool(), threadSpool: spoolsThreadView ? ThreadSpool() : nil,
            spoolsPatchList: spoolsThreadView && spoolsPatchList)
        if rulesReadNoHistory && !spoolsThreadView { threadPartition = ThreadPartition() }
    }

    /// - Parameters:
    ///   - entryTexts: where the entries' text waits for the report.
    ///   - threadSpool: where the thread view waits for the series rules; nil: in memory.
    init(
        identity: IdentityResolver, entryTexts: EntryTextSpool, threadSpool: ThreadSpool? = nil,
        spoolsPatchList: Bool = false
    ) {
        self.identity = identity
        self.entryTexts = entryTexts
        self.threadSpool = threadSpool
        patchLineSpans = spoolsPatchList ? ChunkedArray() : nil
    }

    /// Spooled thread views are analysed in parts of at most this many messages (a larger group of
    /// connected messages is one part): a part's view and the rules' state over it are about
    /// 0.8 KB a message.
    package var threadPartSize = 20_000

    /// Counts a commit of the range that deletes a message.
    package mutating func addDeletion() {
        accounting.deleted += 1
    }

    /// Adds one message, the next in archive order, received by the archive at `receivedAt`
    /// (its commit time, seconds since 1970).
    package mutating func add(_ facts: MessageFacts, receivedAt: Int64) {
        add(facts, receivedAt: receivedAt, lists: [])
    }

    /// Adds one message of several archives merged, which reached `lists` (see ``MergedArchives``).
    package mutating func add(_ facts: MessageFacts, receivedAt: Int64, lists: [String]) {
        if !lists.isEmpty, facts.kind.isPatchMail, let id = facts.messageID { listsByMessageID[id] = lists }
        let sentFrom = facts.author?.address ?? ""
        // With the thread view in a file, only what the patch list keeps is worth sharing.
        let facts =
            threadSpool == nil || facts.kind.isPatchMail
            ? sharingStrings(of: mappingPeople(in: facts)) : mappingPeople(in: facts)
        if let listID = facts.listID {
            listIDsSeen += 1
            listIDCounts.add(listID.lowercased(), at: listIDsSeen)
        }
        if let message = ThreadMessage(facts: facts, receivedAt: receivedAt) {
            if let threadSpool {
                threadSpool.append(message)
            } else {
                threadMessages.append(message)
                threadPartition?.add(message)
            }
        }
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
            addPatchMail(facts, sentFrom: sentFrom, receivedAt: receivedAt)
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

    /// Counts a patch mail by its author (mapped) and the author's company at `receivedAt`;
    /// `sentFrom` is the author's address as the mail gave it.
    private mutating func addPatchMail(_ facts: MessageFacts, sentFrom: String, receivedAt: Int64) {
        let author = facts.author
        let name = author?.name ?? ""
        let email = author?.address ?? ""
        let company = identity.company(of: email.lowercased(), at: receivedAt)
        tally.add(name: name, address: email, sentFrom: sentFrom, company: company)
        patchMailsByDay[DayCount.dayNumber(receivedAt), default: 0] += 1
        if patchLineSpans != nil {
            let line = PatchListLine(
                subject: facts.subject ?? "", commit: facts.commit, isInSeries: false, messageID: facts.messageID)
            patchLineSpans?.append(SpooledPatchList.append(line, to: entryTexts))
            patchMails.append(PatchMailSummary(facts, keepsShown: false))
        } else {
            patchMails.append(PatchMailSummary(facts))
        }
        if Self.needsEntryText(facts) {
            entries.append(
                PatchEntry(
                    title: facts.title, subject: facts.subject ?? "", authorName: name, authorEmail: email,
                    text: "", commit: facts.commit, messageID: facts.messageID))
            entrySpans.append(entryTexts.append(facts.entryText ?? ""))
        }
    }

    /// `facts` with its Message-IDs and sender replaced by the copies already kept, if any.
    private mutating func sharingStrings(of facts: MessageFacts) -> MessageFacts {
        var facts = facts
        facts.messageID = facts.messageID.map { strings.insert($0).memberAfterInsert }
        facts.inReplyTo = facts.inReplyTo.map { strings.insert($0).memberAfterInsert }
        for index in facts.references.indices {
            facts.references[index] = strings.insert(facts.references[index]).memberAfterInsert
        }
        if let sender = facts.sender {
            facts.sender = Mailbox(
                name: strings.insert(sender.name).memberAfterInsert,
                address: strings.insert(sender.address).memberAfterInsert)
        }
        // The author (kept by the patch list) is most often the sender: the same shared copy.
        if let author = facts.author {
            facts.author = Mailbox(
                name: strings.insert(author.name).memberAfterInsert,
                address: strings.insert(author.address).memberAfterInsert)
        }
        return facts
    }

    /// `facts` with the mailmap applied to its people, noting each address it changed.
    private mutating func mappingPeople(in facts: MessageFacts) -> MessageFacts {
        if identity.mailmap.isEmpty { return facts }
        let mapped = identity.mappingPeople(in: facts)
        for (sent, shown) in [(facts.author, mapped.author), (facts.sender, mapped.sender)] {
            guard let sent, let shown, sent.address.lowercased() != shown.address.lowercased() else { continue }
            addressesAsSent[shown.address.lowercased(), default: []].insert(sent.address.lowercased())
        }
        return mapped
    }

    /// The addresses (lower case) a person sent from in the range: `address` itself and, with a
    /// mailmap, the addresses mapped to it; for questions to the history, which keeps addresses as
    /// sent.
    package func addressesAsSent(for address: String) -> [String] {
        let key = address.lowercased()
        return ([key] + (addressesAsSent[key] ?? [])).reduce(into: [String]()) { list, next in
            if !list.contains(next) { list.append(next) }
        }
    }

    /// Whether the message is a "New:" entry, whose commit message text the report prints:
    /// a cover letter, a standalone patch, or the first patch of a series.
    package static func needsEntryText(_ facts: MessageFacts) -> Bool {
        isEntry(kind: facts.kind, number: facts.number)
    }

    static func isEntry(kind: MessageKind, number: Int?) -> Bool {
        kind.isPatchMail && (kind == .cover || number == nil || number == 1)
    }

    /// The most common List-Id of the range, if any message had one.
    package var mostCommonListID: String? {
        listIDsSeen == 0 ? nil : listIDCounts.mostUsed
    }

    /// The finished report. Entries show the name each author used most, so that the tables
    /// and the `Author:` lines always agree. The series sections come from ``SeriesAnalyzer``
    /// over the range's messages, with `seriesLookup` answering for the history (none: the
    /// sections say they saw this range only).
    ///
    /// The series rules run at the first call, with its `seriesLookup`, and their answer is kept
    /// for any later call; the thread view and the shared strings are let go once they have read
    /// them, so that what the report is built from afterwards reuses their memory (at 100,000
    /// messages the report's peak is 185–189 MB instead of 198–202 MB).
    /// - Throws: ``SpoolReadFailure`` when the entries' text cannot be read back.
    /// - Parameter streamsEntryTexts: leave the entries' text in the temporary file, read back as
    ///   each entry is printed (``Report/entryTexts``), instead of in the entries.
    package mutating func report(
        listName: String, selection: Selection, top: Int, seriesLookup: any SeriesLookup = NoSeriesLookup(),
        streamsEntryTexts: Bool = false
    ) throws -> Report {
        // The series rules first: their working state is the report's peak, and the entries'
        // text joins only once it is gone.
        let scope: SeriesScope = seriesLookup is NoSeriesLookup ? .rangeOnly : .historyIndex
        let lookup: any SeriesLookup =
            identity.mailmap.isEmpty || scope == .rangeOnly
            ? seriesLookup
            : MailmappedSeriesLookup(base: seriesLookup, identity: identity, addressesAsSent: addressesAsSent)
        // What does not read the rules' answer is made meanwhile on another core, for ranges
        // whose entries' text is small beside the rules' state; a larger range makes it after the
        // rules, once their state is gone (see above).
        let isSmall = (threadSpool?.count ?? threadMessages.count) <= sideBySideLimit
        // The names the tables give each address, which the series' authors are shown with too.
        let contributors = tally.contributorRows(top: Int.max)
        let nameByAddress = Dictionary(contributors.map { ($0.email.lowercased(), $0) }) { _, last in last }
        // A larger range makes its patch list before the rules run, so that the patch mails'
        // summaries are gone before the rules' state grows (at a million messages, 90 MB).
        // Printed a line at a time (text, Markdown, HTML), its lines wait in the entries' file.
        if !isSmall {
            keep(
                patchListing ?? Self.patchListing(patchMails, spooledLines: patchLineSpans, in: entryTexts),
                spoolingLines: streamsEntryTexts)
        }
        let makeTables = { @Sendable [entries, entrySpans, entryTexts, patchMails, patchLineSpans, patchListing] in
            try Self.tables(
                contributors, nameByAddress, entries, entrySpans, entryTexts,
                patchListing ?? Self.patchListing(patchMails, spooledLines: patchLineSpans, in: entryTexts),
                streamsEntryTexts)
        }
        let sideBySide = seriesAnswer == nil && isSmall ? SideWork(makeTables) : nil
        let answer = try seriesAnalysis(lookup: lookup, scope: scope, nameByAddress: nameByAddress)
        let tables = try sideBySide?.result() ?? makeTables()
        keep(tables.listing)
        var report = Report(
            listName: listName, selection: selection, top: top,
            domains: tally.domainRows(top: Int.max), contributors: tables.contributors,
            patchList: tables.patchList, entries: tables.entries, accounting: accounting)
        if let spooledPatchList {
            if streamsEntryTexts {
                report.patchListLines = spooledPatchList
            } else {
                report.patchList = try (0..<spooledPatchList.count).map { try spooledPatchList.line(at: $0) }
            }
        }
        report.entryTexts = tables.entryTexts
        report.companies = tally.companyRows
        report.unmapped = tally.unmappedRows
        report.patchMailsPerDay = DayCount.days(
            from: selection.since ?? selection.firstCommitTime, through: selection.until ?? selection.lastCommitTime,
            counts: patchMailsByDay)
        report.reviewCompanies = answer.reviewCompanies
        var sections = answer.sections
        // A reviewer who also sent patches is shown with the name the tables give that address,
        // as a series' author is (one person, one name, in every section; see `SeriesMapper`).
        for index in sections.reviewers.indices {
            if let row = nameByAddress[sections.reviewers[index].email.lowercased()] {
                sections.reviewers[index].name = row.name
            }
        }
        try sections.fill(&report, keepsSpooled: streamsEntryTexts)
        return report
    }

    /// Ranges of at most this many messages make their tables while the series rules run: the
    /// whole kvmarm report (21,367) gains 0.06–0.1 s. The entries' text is then held beside the
    /// rules' state (100,000 messages: own peak 175 → 197 MB), so larger ranges wait; they make
    /// their patch list before the rules instead, and when it is printed a line at a time its
    /// lines wait in the entries' file (`SpooledPatchList`).
    package var sideBySideLimit = 50_000

    /// The contributor rows, the entries (with their text, and the names the table gives their
    /// authors, by `nameByAddress`) and the patch list: what the report needs besides the series
    /// rules' answer.
    struct Tables: Sendable {
        var contributors: [ContributorRow]
        var entries: [PatchEntry]
        /// The entries' text, when it stays in the file.
        var entryTexts: SpooledEntryTexts?
        var listing: PatchListing
        var patchList: [PatchListLine] { listing.lines }
    }

    /// The patch list, and the patch mails ``revisionHeads`` names, made in the same order.
    struct PatchListing: Sendable {
        var lines: [PatchListLine]
        /// The lines, when they were written to the entries' file as their mails were read
        /// (`lines` is then empty).
        var spooled: SpooledPatchList?
        var revisionHeads: [PatchMailSummary.Shown]
    }

    /// Keeps the patch list for a later call and lets go of the patch mails it was made from;
    /// with `spoolingLines`, its lines go to the entries' file (unless they are there already).
    private mutating func keep(_ listing: PatchListing, spoolingLines: Bool = false) {
        guard patchListing == nil else { return }
        var listing = listing
        if let spooled = listing.spooled {
            spooledPatchList = spooled
            listing.spooled = nil
        } else if spoolingLines {
            spooledPatchList = SpooledPatchList(listing.lines, in: entryTexts)
            listing.lines = []
        }
        patchListing = listing
        patchMails.removeAll()
        patchLineSpans?.removeAll()
    }

    /// The patch list of `patchMails`; its lines from `spooledLines` (one per mail, in the mails'
    /// order, written to `spool`) when given.
    private static func patchListing(
        _ patchMails: ChunkedArray<PatchMailSummary>, spooledLines: ChunkedArray<EntryTextSpool.Span>?,
        in spool: EntryTextSpool
    ) -> PatchListing {
        let order = SeriesGrouping.order(patchMails)
        if let spooledLines {
            let spooled = SpooledPatchList(
                spool: spool, spans: order.map { spooledLines[$0.index] }, isInSeries: order.map(\.isInSeries))
            return PatchListing(lines: [], spooled: spooled, revisionHeads: [])
        }
        let lines = order.map { item in
            // Safe to force unwrap: without spooled lines every summary keeps what it shows.
            let mail = patchMails[item.index].shown!
            return PatchListLine(
                subject: mail.subject ?? "", commit: mail.commit, isInSeries: item.isInSeries,
                messageID: patchMails[item.index].messageID)
        }
        return PatchListing(lines: lines, revisionHeads: revisionHeads(patchMails, order: order))
    }

    /// - Parameter listing: the patch list, made earlier or now.
    private static func tables(
        _ contributors: [ContributorRow], _ nameByAddress: [String: ContributorRow], _ entries: [PatchEntry],
        _ spans: [EntryTextSpool.Span], _ texts: EntryTextSpool, _ listing: PatchListing, _ streamsEntryTexts: Bool
    ) throws -> Tables {
        var agreedEntries: [PatchEntry] = []
        agreedEntries.reserveCapacity(entries.count)
        for (entry, span) in zip(entries, spans) {
            var entry = entry
            if !streamsEntryTexts { entry.text = try texts.text(at: span) }
            if let row = nameByAddress[entry.authorEmail.lowercased()] {
                entry.authorName = row.name
                entry.authorEmail = row.email
            }
            agreedEntries.append(entry)
        }
        return Tables(
            contributors: contributors, entries: agreedEntries,
            entryTexts: streamsEntryTexts ? SpooledEntryTexts(spool: texts, spans: spans) : nil, listing: listing)
    }

    /// The series sections and the reviews by company: the series rules' answer over the thread
    /// view, computed once and turned into the report's model as it is read, so that the rules'
    /// series and the report's are not held whole at once. The thread view and the shared strings
    /// are let go as soon as the rules have read them. When the rules run in parts, each part's
    /// series go to the entries' file as the part is done (``SpooledSeries``).
    /// - Throws: ``SpoolReadFailure`` when a spooled thread view cannot be read back.
    private mutating func seriesAnalysis(
        lookup: any SeriesLookup, scope: SeriesScope, nameByAddress: [String: ContributorRow]
    ) throws(SpoolReadFailure) -> SeriesAnswer {
        if let seriesAnswer { return seriesAnswer }
        strings = []
        var mapper = SeriesMapper(nameByAddress: nameByAddress)
        var analysis: SeriesReport
        var spooled: SpooledSeries?
        if let threadSpool {
            // Parts are only for rules that read no history: a look-up can link what the
            // range's own references do not (then the view is read back whole).
            if lookup is NoSeriesLookup {
                var writer = SpooledSeries.Writer(spool: entryTexts)
                let (report, order) = try threadSpool.analyze(maximumPartSize: threadPartSize) { series in
                    writer.append(mapper.entry(series), isWaiting: series.isWaiting)
                }
                analysis = report
                spooled = writer.finish(order: order)
            } else {
                analysis = SeriesAnalyzer.analyze(try threadSpool.allMessages(), lookup: lookup)
            }
        } else {
            var messages: [ThreadMessage] = []
            swap(&messages, &threadMessages)
            if var partition = threadPartition, lookup is NoSeriesLookup {
                analysis = Self.analyzeSideBySide(consume messages, partition: &partition)
            } else {
                analysis = SeriesAnalyzer.analyze(consume messages, lookup: lookup)
            }
            threadPartition = nil
        }
        let reviewCompanies = reviewCompanies(analysis.reviewCredits)
        analysis.reviewCredits = []
        let answer = SeriesAnswer(
            sections: SeriesSections(
                analysis: &analysis, spooled: spooled, mapper: &mapper, scope: scope, pullRequests: pullRequests,
                botMails: botMails),
            reviewCompanies: reviewCompanies)
        seriesAnswer = answer
        return answer
    }

    /// The rules' answer over `messages` (in archive order), in two halves or so that no rule
    /// links (see ``ThreadPartition``), analysed on two cores at once: the same answer as the
    /// rules over them all, in about half the time (kvmarm's 21,367 messages: its largest group
    /// of linked messages is 1,367).
    private static func analyzeSideBySide(
        _ messages: consuming [ThreadMessage], partition: inout ThreadPartition
    ) -> SeriesReport {
        let (partOfMessage, partCount) = partition.parts(maximumSize: max(1, (messages.count + 1) / 2))
        // Each part's messages are gathered by its own thread: the copies cost as much as a third
        // of the rules.
        var indexesOfPart = [[Int32]](repeating: [], count: partCount)
        for (index, part) in partOfMessage.enumerated() { indexesOfPart[Int(part)].append(Int32(index)) }
        let ceiling = messages.reduce(Int64.min) { max($0, $1.receivedAt) }
        let (all, parts) = (messages, indexesOfPart)
        let found = Mutex<[SeriesPartFindings?]>(Array(repeating: nil, count: partCount))
        DispatchQueue.concurrentPerform(iterations: partCount) { part in
            let findings = SeriesAnalyzer.findings(ofPart: parts[part].map { all[Int($0)] }, ceiling: ceiling)
            found.withLock { $0[part] = findings }
        }
        SideWork<[ThreadMessage]>.release(consume all)
        // Safe to force unwrap: `concurrentPerform` returns once every part is analysed.
        return SeriesAnalyzer.report(ofParts: found.withLock { $0.map { $0! } })
    }

    /// What the report keeps of the series rules' answer.
    struct SeriesAnswer {
        var sections: SeriesSections
        var reviewCompanies: [ReviewCompanyRow]
    }

    /// The reviews of the Reviews section by the company of each reviewer at each review's date.
    private func reviewCompanies(_ credits: [ReviewCredit]) -> [ReviewCompanyRow] {
        var identity = identity
        var rows: [String: ReviewCompanyRow] = [:]
        for credit in credits {
            let name = identity.company(of: credit.email.lowercased(), at: credit.receivedAt).name
            var row = rows[name] ?? ReviewCompanyRow(name: name, trailers: 0, replies: 0)
            if credit.isTrailer { row.trailers += 1 } else { row.replies += 1 }
            rows[name] = row
        }
        return Array(rows.values).ordered()
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
    /// range is no head. Not for an aggregator that wrote its patch list's lines to a file as it
    /// read (which keeps no titles).
    var revisionHeads: [PatchMailSummary.Shown] {
        precondition(patchLineSpans == nil, "the look back reads the patch mails' titles, kept in memory")
        return patchListing?.revisionHeads ?? Self.revisionHeads(patchMails, order: SeriesGrouping.order(patchMails))
    }

    /// The revision heads among `mails`, given in patch-list `order` (see ``revisionHeads``).
    fileprivate static func revisionHeads(
        _ mails: ChunkedArray<PatchMailSummary>, order: [(index: Int, isInSeries: Bool)]
    ) -> [PatchMailSummary.Shown] {
        order.compactMap { item in
            let mail = mails[item.index]
            guard !item.isInSeries, mail.isEntry, (mail.version ?? 1) >= 2 || mail.isResend else { return nil }
            return mail.shown
        }
    }
}
