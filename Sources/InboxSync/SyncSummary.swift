internal import InboxReader

/// What one `sync` did, epoch by epoch.
package struct SyncSummary: Sendable, Equatable {
    /// How the inbox's epochs were learnt.
    package enum EpochSource: String, Sendable, Equatable {
        /// From `manifest.js.gz`.
        case manifest
        /// By trying `URL/0`, `URL/1`, … until one was missing (no usable manifest).
        case probing
    }

    package struct Epoch: Sendable, Equatable {
        package enum Action: String, Sendable, Equatable { case cloned, fetched }
        package var number: Int
        package var action: Action
        /// Commits (one per mail) that were not in the mirror before.
        package var newCommits: Int
        /// The epoch's `HEAD` commit after the sync, nil when it has none.
        package var head: String?
    }

    package var inbox: String
    package var directory: String
    package var epochSource: EpochSource
    /// Every epoch the server lists, in numeric order.
    package var epochs: [Epoch]

    package var clonedCount: Int { epochs.filter { $0.action == .cloned }.count }
    package var fetchedCount: Int { epochs.filter { $0.action == .fetched }.count }
    /// New commits over all epochs: one per new mail (a public-inbox deletion is a commit too).
    package var newMessages: Int { epochs.reduce(0) { $0 + $1.newCommits } }

    /// The epochs whose history changed: what an index update has to read (the seam for issue 5's
    /// SQLite index, which does not exist yet).
    package var changedEpochs: [Int] { epochs.filter { $0.newCommits > 0 }.map(\.number) }

    /// `Synced 1 epoch of URL into DIR: 1 cloned, 0 fetched, 300 new messages`
    package var line: String {
        let epochWord = epochs.count == 1 ? "epoch" : "epochs"
        let messageWord = newMessages == 1 ? "message" : "messages"
        return "Synced \(epochs.count) \(epochWord) of \(inbox) into \(directory): "
            + "\(clonedCount) cloned, \(fetchedCount) fetched, \(newMessages) new \(messageWord)"
    }
}
