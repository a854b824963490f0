internal import Foundation
package import HistoryIndex
package import InboxReader

/// How `report` gets its range and facts: from the history index when there is one (updated
/// first), and, with `--since-last-run`, from the bookmark, which ``finish()`` advances once the
/// report was written.
///
/// The rules of `report`'s history options; the command line only parses them into ``Options``.
package struct ReportHistory {
    /// `--index`, `--no-index`, `--since-last-run`, `--state`, `--dry-run` and `--history`, as
    /// given (the command line has validated that they go together).
    package struct Options: Sendable, Hashable {
        package var indexPath: String?
        package var noIndex = false
        package var sinceLastRun = false
        package var state: String?
        package var dryRun = false
        package var history = false

        package init(
            indexPath: String? = nil, noIndex: Bool = false, sinceLastRun: Bool = false, state: String? = nil,
            dryRun: Bool = false, history: Bool = false
        ) {
            self.indexPath = indexPath
            self.noIndex = noIndex
            self.sinceLastRun = sinceLastRun
            self.state = state
            self.dryRun = dryRun
            self.history = history
        }
    }

    package var index: MessageIndex?
    package var commits: [CommitRef]
    package var selection: Selection
    /// The bookmark to save after the report was written; nil without `--since-last-run`.
    package var pendingState: RunState?
    package var isDryRun = false
    /// Where the notes for the user go: standard error by default.
    var note: @Sendable (String) -> Void = ReportHistory.writeNote

    /// Opens and updates the index (or not), and resolves the range. `note` receives what the
    /// user should know (an index not used, a rewritten epoch, nothing new).
    package static func prepare(
        _ options: Options, inbox: Inbox, range: RevisionRange,
        note: @escaping @Sendable (String) -> Void = ReportHistory.writeNote
    ) async throws -> ReportHistory {
        let index = try await openIndex(options, inbox: inbox, note: note)
        guard options.sinceLastRun, let name = options.state, let index else {
            // The index was just brought up to date: it answers a time window without git.
            let resolved = try await inbox.resolve(range, timeline: index)
            return ReportHistory(
                index: index, commits: resolved.commits, selection: Selection(resolved, range: range), note: note)
        }
        let now = Int64(Date().timeIntervalSince1970)
        let previous = try index.runState(named: name)
        // The first run of a bookmark takes --since when given, else the last seven days.
        let firstRunSince =
            if let since = range.since { try await inbox.resolveDate(since, bound: .since) } else {
                now - SinceLastRun.firstRunWindow
            }
        let since = try await SinceLastRun.resolve(
            inbox: inbox, name: name, previous: previous, firstRunSince: firstRunSince, now: now)
        for text in since.notes { note(text) }
        if previous == nil {
            note(
                SinceLastRun.firstRunNote(
                    state: name, since: firstRunSince, isFromOption: range.since != nil, count: since.commits.count))
        } else if since.commits.isEmpty {
            note("nothing new in \(inbox.displayName) since the last run '\(name)'")
        }
        var selection = Selection(
            fromLabel: since.fromLabel, toLabel: since.toLabel, firstCommitTime: since.commits.first?.commitTime,
            lastCommitTime: since.commits.last?.commitTime)
        selection.commitCount = since.commits.count
        selection.isSinceLastRun = true
        return ReportHistory(
            index: index, commits: since.commits, selection: selection, pendingState: since.next,
            isDryRun: options.dryRun, note: note)
    }

    /// The report; with an index, the series rules look before the range through it (a reply
    /// whose patch came earlier, the rest of a series, earlier versions), and a failed look-up
    /// is one note, the report going on with what the range holds.
    package mutating func build(inbox: Inbox, options: ReportOptions) async throws -> Report {
        // The report takes the range's list, which it lets go once read (see ``ReportBuilder``).
        let commits = self.commits
        self.commits = []
        guard let index else {
            return try await ReportBuilder().build(
                inbox: inbox, commits: consume commits, selection: selection, options: options, index: nil)
        }
        let lookup = IndexSeriesLookup(index: index)
        let report = try await ReportBuilder().build(
            inbox: inbox, commits: consume commits, selection: selection, options: options, index: index,
            seriesLookup: lookup)
        if let error = lookup.firstError {
            note("the series look-ups in the index failed (\(error)); series show this range only")
        }
        return report
    }

    /// Advances the bookmark, in one transaction; call only after the report was written whole.
    package func finish() throws {
        guard let pendingState, let index else { return }
        if isDryRun {
            note(
                "dry run: the state '\(pendingState.name)' was not advanced (\(selection.commitCount ?? 0) commits would be marked as reported)"
            )
            return
        }
        try index.save(pendingState)
    }

    /// The index to read: `--index PATH` (created when missing), else the archive's default
    /// index when it exists; always for `--since-last-run`, which keeps its bookmark there.
    /// An index that cannot be opened or updated is not used, with a note; `--since-last-run`
    /// fails instead. `--history` needs an existing index (never creates one) and fails without.
    private static func openIndex(
        _ options: Options, inbox: Inbox, note: @Sendable (String) -> Void
    ) async throws -> MessageIndex? {
        if options.noIndex { return nil }
        let path = options.indexPath ?? IndexLocation.defaultPath(for: inbox)
        if options.history && !FileManager.default.fileExists(atPath: path) {
            let flag = options.indexPath.map { " --index \($0)" } ?? ""
            throw IndexError(
                .noSuchIndex,
                "--history reads the history index, and there is none at '\(path)'; run 'lore-digest index \(inbox.path)\(flag)' first"
            )
        }
        let mustExist = options.sinceLastRun || options.history
        guard mustExist || options.indexPath != nil || FileManager.default.fileExists(atPath: path) else { return nil }
        // A plain report or --history only reads: an index it may not write is read as it is.
        if !options.sinceLastRun, FileManager.default.fileExists(atPath: path),
            let problem = IndexWriteProblem.find(at: path)
        {
            do {
                let index = try MessageIndex.openReadOnly(at: path)
                note("the index \(path) \(problem): reading it without updating it (messages it lacks are parsed)")
                return index
            } catch {
                if mustExist { throw error }
                note("not using the index \(path): \(error); parsing the range instead")
                return nil
            }
        }
        do {
            let index = try MessageIndex.open(at: path, create: true)
            let update = try await index.update(from: inbox)
            for epoch in update.rewrittenEpochs {
                note("epoch \(epoch) of \(inbox.displayName) was rewritten: indexed it again in \(path)")
            }
            if update.seconds > 1 {
                note(
                    "updated the index \(path): \(update.added) new messages in "
                        + String(format: "%.1f", update.seconds) + " s")
            }
            return index
        } catch {
            if mustExist { throw error }
            note("not using the index \(path): \(error); parsing the range instead")
            return nil
        }
    }

    /// Writes `lore-digest: TEXT` on standard error.
    package static func writeNote(_ text: String) {
        FileHandle.standardError.write(Data("lore-digest: \(text)\n".utf8))
    }
}
