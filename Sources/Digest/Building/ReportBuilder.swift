package import HistoryIndex
package import InboxReader
internal import MailParser
package import MessageStream
package import PatchModel

/// What a report is asked for, beyond its range.
package struct ReportOptions: Sendable {
    /// `--list`: the list's name for the title; derived from the messages when nil.
    package var listName: String?
    /// `--top`: rows per table.
    package var top: Int
    /// `--history`: add the look back before the range, from the index (which is then required).
    package var history: Bool
    /// `--mailmap`, `--company-map` and their git config settings, read over the defaults.
    package var identity: IdentityMaps
    /// `--archive-url`, else `lore-digest.archiveUrl`: the archive's web address for the links
    /// (else the range's `List-Archive:`, else lore's address of the List-Id; see ``MessageLinks``).
    package var archiveURL: String?
    /// Whether each message gets its web address (`url`). The text format prints none, and the
    /// addresses of every message of a whole archive cost a measurable part of its report.
    package var links: Bool
    /// Whether the report is printed by ``ReportSectionRenderer/render(_:into:)``, which reads each
    /// entry's text back from the temporary file as it prints it (``Report/entryTexts``): the
    /// texts are then never all in memory.
    package var streamsEntryTexts: Bool

    package init(
        listName: String? = nil, top: Int = 15, history: Bool = false, identity: IdentityMaps = IdentityMaps(),
        archiveURL: String? = nil, links: Bool = true, streamsEntryTexts: Bool = false
    ) {
        self.listName = listName
        self.top = top
        self.history = history
        self.identity = identity
        self.archiveURL = archiveURL
        self.links = links
        self.streamsEntryTexts = streamsEntryTexts
    }
}

/// Builds the ``Report`` of one range of an archive.
package struct ReportBuilder: Sendable {
    /// The report reads only part of each mail's facts (see `MessageFacts.Detail.report`).
    package var pipeline = MessagePipeline(detail: .report)
    /// Ranges of more than this many messages, whose series rules read no history, keep their
    /// thread view in a temporary file and run the rules one part at a time (``ThreadSpool``):
    /// the same report, and memory that follows a part, not the range (issue 14).
    package var threadSpoolLimit = 50_000
    /// A spooled thread view is analysed in parts of at most this many messages (see
    /// ``ThreadPartition``).
    package var threadPartSize = 20_000
    /// Ranges of at most this many messages make their tables while the series rules run; larger
    /// ones make their patch list first, and leave its lines in a temporary file when they are
    /// printed a line at a time (see ``ReportAggregator``).
    package var sideBySideLimit = 50_000
    /// Whether the series rules of a range read without the history run in parts on two cores
    /// at once (the same report; off, they run over the range in one go, as with the history).
    package var rulesSideBySide = true

    package init() {}

    /// - Parameters:
    ///   - index: when given (and up to date), the messages' facts are read from it and only the
    ///     "New:" entries are parsed again; the report is the same as without it.
    ///   - seriesLookup: the history the series rules read beyond the range (parents, earlier
    ///     patches, earlier versions); `NoSeriesLookup()`: this range only, as the report says.
    /// - Throws: ``InboxError`` when the range cannot be resolved or the archive cannot be read.
    package func build(
        inbox: Inbox, range: RevisionRange, options: ReportOptions, index: MessageIndex? = nil,
        seriesLookup: any SeriesLookup = NoSeriesLookup()
    ) async throws -> Report {
        var resolved = try await inbox.resolve(range)
        let selection = Selection(resolved, range: range)
        let commits = resolved.commits
        resolved.commits = []
        return try await build(
            inbox: inbox, commits: consume commits, selection: selection, options: options, index: index,
            seriesLookup: seriesLookup)
    }

    /// The report of `commits` (oldest first, across epochs), described by `selection`.
    /// With `options.history`, `index` is required (``IndexError`` `.noSuchIndex` otherwise) and
    /// must hold the commits (update it first).
    /// - Throws: ``InboxError`` when the archive cannot be read, ``IndexError`` when the index
    ///   cannot.
    package func build(
        inbox: Inbox, commits: consuming [CommitRef], selection: Selection, options: ReportOptions,
        index: MessageIndex? = nil, seriesLookup: any SeriesLookup = NoSeriesLookup()
    ) async throws -> Report {
        var aggregator = ReportAggregator(
            identity: options.identity.resolver,
            spoolsThreadView: commits.count > threadSpoolLimit && seriesLookup is NoSeriesLookup,
            rulesReadNoHistory: rulesSideBySide && seriesLookup is NoSeriesLookup,
            // The look back (`--history`) reads the patch mails' titles, which then stay in memory.
            spoolsPatchList: options.streamsEntryTexts && !options.history)
        aggregator.threadPartSize = threadPartSize
        aggregator.sideBySideLimit = sideBySideLimit
        func fold(_ parsed: ParsedMessage) {
            switch parsed {
            case .deleted: aggregator.addDeletion()
            case .message(let commit, let facts): aggregator.add(facts, receivedAt: commit.commitTime)
            }
        }
        if let index {
            let messages = try await index.messages(
                for: commits, inbox: inbox, pipeline: pipeline, needsBody: ReportAggregator.needsEntryText)
            for parsed in messages { fold(parsed) }
        } else {
            try await pipeline.run(inbox: inbox, commits: commits) { parsed in fold(parsed) }
        }
        // The range's list goes before the report is made (56 MB at a million commits), but for
        // what is read after it.
        let newestCommits = Array((copy commits).suffix(8))
        let historyCommits = options.history ? copy commits : []
        _ = consume commits
        let listName =
            options.listName
            ?? aggregator.mostCommonListID.map(Self.listName(fromListID:))
            ?? inbox.displayName.uppercased()
        var report = try aggregator.report(
            listName: listName, selection: selection, top: options.top, seriesLookup: seriesLookup,
            streamsEntryTexts: options.streamsEntryTexts)
        if options.links {
            let listArchive =
                options.archiveURL.flatMap(MessageLinks.init(base:)) == nil
                ? try await Self.listArchive(inbox: inbox, newestCommits: newestCommits) : nil
            report.link(
                MessageLinks.choose(
                    option: options.archiveURL, setting: nil, listArchive: listArchive,
                    listID: aggregator.mostCommonListID))
        }
        if options.history {
            guard let index else {
                throw IndexError(
                    .noSuchIndex, "--history reads the history index; run 'lore-digest index ARCHIVE' first")
            }
            report.history = try HistoryLookBack.section(of: aggregator, commits: historyCommits, index: index)
        }
        return report
    }

    /// The first `List-Archive:` value among the range's newest mails (a list's mails all carry
    /// the same one; a few are read, not the whole range, since the index keeps no headers).
    static func listArchive(inbox: Inbox, newestCommits: [CommitRef]) async throws -> String? {
        var found: String?
        for try await batch in inbox.blobs(for: newestCommits, batchSize: 8) {
            for mail in batch.reversed() where found == nil {
                guard let bytes = mail.bytes,
                    let value = MailMessage(bytes: bytes).values(of: "List-Archive").first
                else { continue }
                found = String(decoding: value, as: UTF8.self)
            }
        }
        return found
    }

    /// The report of several archives' ranges merged (``MergedArchives``), titled with their
    /// list names joined by ` + ` unless `options.listName` names it. `seriesLookup` answers for
    /// the archives' history (``MergedSeriesLookup`` over their indexes; none: the series
    /// sections see these ranges only). `options.history` is not read.
    package func build(
        merged: MergedArchives, selection: Selection, options: ReportOptions,
        seriesLookup: any SeriesLookup = NoSeriesLookup()
    ) throws -> Report {
        var aggregator = ReportAggregator(
            identity: options.identity.resolver,
            spoolsThreadView: merged.messages.count > threadSpoolLimit && seriesLookup is NoSeriesLookup,
            rulesReadNoHistory: rulesSideBySide && seriesLookup is NoSeriesLookup,
            spoolsPatchList: options.streamsEntryTexts)
        aggregator.threadPartSize = threadPartSize
        aggregator.sideBySideLimit = sideBySideLimit
        for message in merged.messages {
            switch message.parsed {
            case .deleted: aggregator.addDeletion()
            case .message(let commit, let facts):
                aggregator.add(facts, receivedAt: commit.commitTime, lists: message.lists)
            }
        }
        var report = try aggregator.report(
            listName: options.listName ?? merged.listNames.joined(separator: " + "), selection: selection,
            top: options.top, seriesLookup: seriesLookup, streamsEntryTexts: options.streamsEntryTexts)
        // Links: the option, else lore's `all` inbox, which serves a message whatever list it reached.
        if options.links {
            report.link(
                options.archiveURL.flatMap(MessageLinks.init(base:))
                    ?? MessageLinks(base: "https://lore.kernel.org/all/"))
        }
        report.showLists(merged.listNames, lists: aggregator.listsByMessageID)
        report.accounting.crossPostedDuplicates = merged.foldedDuplicates
        return report
    }

    /// `kvm.vger.kernel.org` → `KVM`: the List-Id's first label, upper-cased.
    package static func listName(fromListID listID: String) -> String {
        let label = listID.split(separator: ".", maxSplits: 1).first.map(String.init) ?? listID
        return label.uppercased()
    }
}
