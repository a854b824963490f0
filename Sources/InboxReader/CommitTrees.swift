import Synchronization

/// Each commit's tree, as the listing of an epoch read it from the packs, kept for the threads
/// that then read the mails: a mail's commit is not inflated a second time to find its tree
/// (kvmarm: 21,367 inflations; the whole report took 1.72 s of CPU against 1.84 s, means of ten).
///
/// Names are content: a commit's tree cannot change, so an answer kept here is never stale. The
/// listing records the table under the epoch's git directory; the reading threads take it out
/// (`take(for:)`) and let it go with the epoch. What is kept at once is bounded (`mostKept`
/// commits, 3 MB): an epoch of more commits is read as before, as is one listed while others
/// wait to be read with as many. Without the bound, a table of 250,000 commits held while its
/// epoch is read took the first index of a million messages from 134 to 149 MB.
final class CommitTrees: Sendable {
    struct Pair: Sendable {
        var commit: SHA1Name
        var tree: SHA1Name
    }

    /// Sorted by commit.
    private let pairs: [Pair]
    var count: Int { pairs.count }

    init(_ pairs: [Pair]) {
        self.pairs = pairs.sorted { $0.commit < $1.commit }
    }

    /// The tree of `commit`; nil when the listing did not read it.
    func tree(of commit: SHA1Name) -> SHA1Name? {
        var low = 0
        var high = pairs.count
        while low < high {
            let middle = (low + high) / 2
            let found = pairs[middle].commit
            if found == commit { return pairs[middle].tree }
            if found < commit { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// The most commits kept at once for all epochs listed and not yet read.
    static let mostKept = 1 << 16

    private static let recorded = Mutex<[String: CommitTrees]>([:])

    /// Keeps `trees` for the reading of the epoch at `gitDirectory` (in place of any kept for it
    /// before), unless that would keep more than `limit` commits in all.
    static func record(_ trees: CommitTrees, for gitDirectory: String, limit: Int = mostKept) {
        recorded.withLock { recorded in
            recorded[gitDirectory] = nil
            guard recorded.values.reduce(trees.count, { $0 + $1.count }) <= limit else { return }
            recorded[gitDirectory] = trees
        }
    }

    /// The trees recorded for the epoch at `gitDirectory`, no longer kept here; nil when none were.
    static func take(for gitDirectory: String) -> CommitTrees? {
        recorded.withLock { $0.removeValue(forKey: gitDirectory) }
    }
}
