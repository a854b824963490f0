import ArgumentParser
import Digest
import HistoryIndex
import InboxReader
import MessageStream

/// The rules of a command given several archives (issue 14): one range over all of them, chosen
/// by time (or, for `report --since-last-run`, by each archive's own bookmark), and each
/// archive's own history index, in its default place.
enum SeveralArchives {
    /// Refuses what names one archive: `--from`/`--to` (a commit of one archive) and, for
    /// `report`, `--index` (one index file) and `--history` (its look back reads one index).
    static func validate(count: Int, range: RangeOptions, history: HistoryOptions? = nil) throws {
        guard count > 1 else { return }
        if range.from != nil || range.to != nil {
            throw ValidationError(
                "--from and --to name a commit of one archive; with several archives, choose the range with --since and --until."
            )
        }
        guard let history else { return }
        if history.indexPath != nil {
            throw ValidationError(
                "--index names one index file; with several archives each reads its own in the cache directory (leave --index out)."
            )
        }
        if history.history {
            throw ValidationError(
                "--history reads one archive's history index; with several archives, leave it out (or report each archive alone)."
            )
        }
    }

    /// Opens each archive (or mbox file, or Maildir), in the order given.
    /// - Throws: `CommandFailure` when two paths name the same archive (each archive's index and
    ///   bookmark would be read twice, and its `--since-last-run` lock taken twice).
    static func open(_ paths: [String]) async throws -> [Inbox] {
        var inboxes: [Inbox] = []
        var seen: [String: String] = [:]
        for path in paths {
            let inbox = try await Inbox.openOrImport(path)
            // The default index path is the archive's resolved, standardized path made a name.
            let identity = IndexLocation.defaultPath(for: inbox)
            if let other = seen[identity] {
                throw CommandFailure(
                    "'\(OneLineValue.escaped(other))' and '\(OneLineValue.escaped(path))' are the same archive; give each archive once"
                )
            }
            seen[identity] = path
            inboxes.append(inbox)
        }
        return inboxes
    }

    /// Resolves `range` in each archive and reads their messages merged; with the selection that
    /// describes them together.
    static func read(
        _ inboxes: [Inbox], range: RevisionRange, pipeline: MessagePipeline
    ) async throws -> (merged: MergedArchives, selection: Selection) {
        var archives: [MergedArchives.Archive] = []
        var selections: [Selection] = []
        for inbox in inboxes {
            let resolved = try await inbox.resolve(range)
            archives.append(MergedArchives.Archive(inbox: inbox, commits: resolved.commits))
            selections.append(Selection(resolved, range: range))
        }
        let merged = try await MergedArchives.read(archives, pipeline: pipeline)
        return (merged, Selection(merging: selections))
    }
}
