internal import HistoryIndex
package import InboxReader

/// How `report A B …` gets its ranges and facts: ``ReportHistory``'s rules applied to each archive
/// with its own history index (its default one), the ranges then merged (``MergedArchives``).
///
/// Each archive's index, when it has one (always with `--since-last-run`, which keeps each
/// archive's bookmark in that archive's index), is updated first, gives the facts of its range
/// and answers the series look-ups before it; with `--since-last-run` each archive's range is
/// what it received since its own bookmark, and ``finish()`` advances every bookmark once the
/// report was written.
package struct MergedReportHistory {
    /// One archive, as ``ReportHistory`` prepared it.
    package struct Archive {
        package var inbox: Inbox
        package var history: ReportHistory
    }

    /// In the order given.
    package var archives: [Archive]
    var note: @Sendable (String) -> Void

    /// Prepares each archive in turn with `options`, which must name no index file (each archive
    /// reads its own). `note` receives what the user should know, each line prefixed with the
    /// archive's name (`kvm: nothing new since the last run 'weekly'`).
    /// - Throws: what ``ReportHistory/prepare(_:inbox:range:note:)`` throws for any archive.
    package static func prepare(
        _ options: ReportHistory.Options, inboxes: [Inbox], range: RevisionRange,
        note: @escaping @Sendable (String) -> Void = ReportHistory.writeNote
    ) async throws -> MergedReportHistory {
        precondition(options.indexPath == nil, "each archive reads its own index; the command refuses --index")
        var archives: [Archive] = []
        for inbox in inboxes {
            let name = inbox.displayName
            let history = try await ReportHistory.prepare(
                options, inbox: inbox, range: range, note: { text in note("\(name): \(text)") })
            archives.append(Archive(inbox: inbox, history: history))
        }
        return MergedReportHistory(archives: archives, note: note)
    }

    /// The report of the ranges merged. The series look before the ranges through the archives'
    /// indexes (``MergedSeriesLookup``); with none, they see these ranges only. An archive
    /// without an index is one note (its history is not looked at), and so is a failed look-up.
    package func build(options: ReportOptions) async throws -> Report {
        let builder = ReportBuilder()
        let merged = try await MergedArchives.read(
            archives.map {
                MergedArchives.Archive(inbox: $0.inbox, commits: $0.history.commits, index: $0.history.index)
            },
            pipeline: builder.pipeline)
        let selection = Selection(merging: archives.map(\.history.selection))
        let lookups = archives.compactMap { $0.history.index.map { IndexSeriesLookup(index: $0) } }
        guard !lookups.isEmpty else { return try builder.build(merged: merged, selection: selection, options: options) }
        let unindexed = archives.filter { $0.history.index == nil }.map(\.inbox)
        if !unindexed.isEmpty {
            let names = unindexed.map(\.displayName).joined(separator: ", ")
            let paths = unindexed.map(\.path).joined(separator: " ")
            note(
                "no history index for \(names): the series look before the range in the other archives only; run 'lore-digest index \(paths)' to add it"
            )
        }
        let report = try builder.build(
            merged: merged, selection: selection, options: options,
            seriesLookup: MergedSeriesLookup(lookups: lookups))
        if let error = lookups.lazy.compactMap(\.firstError).first {
            note("the series look-ups in an archive's index failed (\(error)); series show these ranges only")
        }
        return report
    }

    /// Advances each archive's bookmark (one transaction each); call only after the report was
    /// written whole. An archive whose bookmark cannot be saved does not hold up the others.
    /// - Throws: the first archive's failure, naming it, once every other bookmark was saved.
    package func finish() throws {
        var failure: (name: String, error: any Error)?
        for archive in archives {
            do {
                try archive.history.finish()
            } catch {
                if failure == nil { failure = (archive.inbox.displayName, error) }
            }
        }
        guard let (name, error) = failure else { return }
        guard let error = error as? IndexError else { throw error }
        throw IndexError(
            error.code, "the bookmark of \(name) was not advanced: \(error.message) (the other archives' were)")
    }
}
