internal import Foundation
package import InboxReader
internal import MessageStream

/// The commits that arrived after the last successful run of a bookmark, and the bookmark to
/// save once their report was written.
package struct SinceLastRun: Sendable {
    /// The commits to report, oldest first, across epochs.
    package var commits: [CommitRef]
    /// The commit before the first one reported, abbreviated; nil when the range starts at the
    /// archive's first message.
    package var fromLabel: String?
    /// The last commit reported (or the newest commit when none is new), abbreviated.
    package var toLabel: String
    /// The bookmark as it was; nil on the first run.
    package var previous: RunState?
    /// The bookmark to save after the report was written: every epoch's HEAD as listed.
    package var next: RunState
    /// What the user should know about the range (an epoch rewritten since the last run).
    package var notes: [String]

    /// One default window for a first run: the last 7 days.
    package static let firstRunWindow: Int64 = 7 * 86_400

    /// The commits of `inbox` after `previous` (per epoch: after its mark; a new epoch: all of
    /// it). With no `previous` (the first run), the commits whose commit time is at or after
    /// `firstRunSince`.
    ///
    /// An epoch whose marked commit is no longer an ancestor of its HEAD (a rewritten history)
    /// gives its commits newer than the mark's commit time, with a note.
    /// - Throws: `InboxError` when git cannot list the archive.
    package static func resolve(
        inbox: Inbox, name: String, previous: RunState?, firstRunSince: Int64, now: Int64
    ) async throws(InboxError) -> SinceLastRun {
        var commits: [CommitRef] = []
        var marks: [Int: RunState.Mark] = previous?.epochs ?? [:]
        var notes: [String] = []
        var fromLabel: String?
        var isFromLabelSet = false
        var newest: (epoch: Epoch, oid: String)?
        for (epoch, head) in try await inbox.heads() {
            guard let head else { continue }
            newest = (epoch, head)
            let mark = previous?.epochs[epoch.number]
            let selected: [CommitRef]
            let before: String?
            let listed: [CommitRef]
            switch try await EpochChange.since(mark?.commit, in: epoch, head: head, of: inbox) {
            case .unchanged:
                continue
            case .appended(after: let after?, let commits):
                listed = commits
                selected = listed
                before = after
            case .appended(after: nil, let commits):
                listed = commits
                selected = previous == nil ? listed.filter { $0.commitTime >= firstRunSince } : listed
                before = Self.commit(before: selected.first, in: listed)
            case .rewritten(let commits):
                listed = commits
                selected = listed.filter { $0.commitTime > mark?.commitTime ?? .min }
                notes.append(
                    "epoch \(epoch.number) of \(inbox.displayName) was rewritten since the last run '\(name)': reporting its commits newer than the last one reported"
                )
                before = Self.commit(before: selected.first, in: listed)
            }
            if let last = listed.last {
                marks[epoch.number] = RunState.Mark(commit: last.oid, commitTime: last.commitTime)
            }
            if !selected.isEmpty && !isFromLabelSet {
                isFromLabelSet = true
                if let before { fromLabel = try await inbox.abbreviated(before, in: epoch) }
            }
            commits += selected
        }
        let toLabel: String
        if let last = commits.last, let epoch = inbox.epochs.first(where: { $0.number == last.epoch }) {
            toLabel = try await inbox.abbreviated(last.oid, in: epoch)
        } else if let newest {
            toLabel = try await inbox.abbreviated(newest.oid, in: newest.epoch)
            fromLabel = toLabel
        } else {
            toLabel = "HEAD"
        }
        return SinceLastRun(
            commits: commits, fromLabel: fromLabel, toLabel: toLabel, previous: previous,
            next: RunState(name: name, epochs: marks, updatedAt: now), notes: notes)
    }

    /// What a first run (no bookmark yet) says about the window it took: `first run of the
    /// state 'w' (no bookmark yet): reporting the 12 commits since 2025-10-01 00:00 UTC (the last
    /// 7 days; --since chooses another start)`. Said before the report is written: a run that
    /// then fails still tells which window a first run takes.
    package static func firstRunNote(state: String, since: Int64, isFromOption: Bool, count: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        let start = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(since)))
        let window = isFromOption ? "from --since" : "the last 7 days; --since chooses another start"
        let commits = count == 0 ? "nothing: no commit arrived" : count == 1 ? "the 1 commit" : "the \(count) commits"
        return
            "first run of the state '\(state)' (no bookmark yet): reporting \(commits) since \(start) (\(window))"
    }

    /// The commit listed just before `first`; nil when `first` is the epoch's first commit.
    private static func commit(before first: CommitRef?, in listed: [CommitRef]) -> String? {
        guard let first, let position = listed.firstIndex(where: { $0.oid == first.oid }), position > 0 else {
            return nil
        }
        return listed[position - 1].oid
    }
}
