internal import Foundation
internal import GRDB
package import InboxReader
package import MessageStream
internal import PatchModel
internal import Synchronization

/// What one ``MessageIndex/update(from:pipeline:batchSize:)`` did.
package struct IndexUpdate: Sendable, Hashable {
    /// The archive's display name.
    package var archiveName: String
    /// Commits (messages and deletions) indexed by this update.
    package var added: Int
    /// Commits the index holds after it.
    package var total: Int
    /// Epochs seen for the first time.
    package var newEpochs: [Int]
    /// Epochs whose history was rewritten (the last indexed commit is no longer an ancestor of
    /// HEAD): their rows were dropped and the epoch indexed again.
    package var rewrittenEpochs: [Int]
    /// Wall-clock time of the update.
    package var seconds: Double
}

extension MessageIndex {
    /// Indexes the commits added to `inbox` since the last update: per epoch `last..HEAD`, every
    /// commit of a new epoch, and again the whole of an epoch whose history was rewritten.
    ///
    /// Messages are parsed on every core by `pipeline` and inserted in one transaction per
    /// `batchSize` commits, with the epoch's last indexed commit in the same transaction: a
    /// process killed at any point leaves an index that the next update continues.
    /// - Throws: ``IndexError`` (`.otherArchive` when the index belongs to another archive,
    ///   `.databaseFailed`), `InboxError` when git cannot list or read the archive.
    package func update(
        from inbox: Inbox, pipeline: MessagePipeline = MessagePipeline(), batchSize: Int = 5000
    ) async throws -> IndexUpdate {
        let clock = ContinuousClock()
        let start = clock.now
        let heads = try await inbox.heads()
        let known = try knownEpochs()
        var newEpochs: [Int] = []
        var rewrittenEpochs: [Int] = []
        var commits: [CommitRef] = []
        var nextOrdinal: [Int: Int] = [:]
        for (epoch, head) in heads {
            guard let head else { continue }
            let stored = known[epoch.number]
            if let stored {
                guard stored.gitDirectory == epoch.gitDirectory else {
                    throw IndexError(
                        .otherArchive,
                        "the index '\(path)' was built for '\(stored.gitDirectory)', not '\(epoch.gitDirectory)'; give another --index PATH, or remove the file to rebuild it")
                }
            } else {
                try registerEpoch(epoch)
                newEpochs.append(epoch.number)
            }
            switch try await EpochChange.since(stored?.lastCommit, in: epoch, head: head, of: inbox) {
            case .unchanged:
                continue
            case .appended(let after, let listed):
                nextOrdinal[epoch.number] = if after != nil, let stored { stored.lastOrdinal + 1 } else { 0 }
                commits += listed
            case .rewritten(let listed):
                try forgetEpoch(epoch.number)
                rewrittenEpochs.append(epoch.number)
                nextOrdinal[epoch.number] = 0
                commits += listed
            }
        }

        var buffer: [PendingRow] = []
        buffer.reserveCapacity(min(batchSize, commits.count))
        let size = max(1, batchSize)
        let writer = BatchWriter(index: self)
        try await pipeline.run(inbox: inbox, commits: commits) { parsed in
            switch parsed {
            case .deleted(let commit):
                buffer.append((commit, nextOrdinal[commit.epoch, default: 0], nil))
                nextOrdinal[commit.epoch, default: 0] += 1
            case .message(let commit, let facts):
                buffer.append((commit, nextOrdinal[commit.epoch, default: 0], facts))
                nextOrdinal[commit.epoch, default: 0] += 1
            }
            if buffer.count >= size {
                try writer.enqueue(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { try writer.enqueue(buffer) }
        try writer.finish()
        let total = try messageCount()
        return IndexUpdate(
            archiveName: inbox.displayName, added: commits.count, total: total, newEpochs: newEpochs,
            rewrittenEpochs: rewrittenEpochs, seconds: (clock.now - start).seconds)
    }

    /// One commit to insert: where it is in its epoch, and its facts (nil: a deletion).
    typealias PendingRow = (commit: CommitRef, ordinal: Int, facts: MessageFacts?)

    /// One transaction: the rows of `batch`, and the new last indexed commit of each epoch in it.
    static func insert(_ batch: [PendingRow], into db: Database) throws {
        let inserter = try MessageRow.Inserter(db)
        var lastByEpoch: [Int: (oid: String, ordinal: Int)] = [:]
        for item in batch {
            try inserter.insert(db, commit: item.commit, ordinal: item.ordinal, facts: item.facts)
            lastByEpoch[item.commit.epoch] = (item.commit.oid, item.ordinal)
        }
        let now = Int64(Date().timeIntervalSince1970)
        for (epoch, last) in lastByEpoch {
            try db.execute(
                sql: "UPDATE epochs SET last_commit = ?, last_ordinal = ?, updated_at = ? WHERE epoch = ?",
                arguments: [last.oid, last.ordinal, now, epoch])
        }
    }

    /// Writes batches on GRDB's writer queue while the next ones are parsed, at most
    /// `maxPending` at once (then it waits), in the order they were given.
    private final class BatchWriter: Sendable {
        let index: MessageIndex
        let maxPending = 2
        private let state = Mutex<(pending: Int, error: IndexError?)>((0, nil))

        init(index: MessageIndex) { self.index = index }

        func enqueue(_ batch: [PendingRow]) throws(IndexError) {
            try check()
            if state.withLock({ $0.pending }) >= maxPending {
                try index.write { _ in }  // the writer queue is serial: this waits for the pending batches
                try check()
            }
            state.withLock { $0.pending += 1 }
            index.pool.asyncWrite({ db in try MessageIndex.insert(batch, into: db) }) { [self] _, result in
                state.withLock { value in
                    value.pending -= 1
                    if case .failure(let error) = result, value.error == nil { value.error = self.index.failure(error) }
                }
            }
        }

        /// Waits for every batch; throws the first failure.
        func finish() throws(IndexError) {
            try index.write { _ in }
            try check()
        }

        private func check() throws(IndexError) {
            if let error = state.withLock({ $0.error }) { throw error }
        }
    }

    struct StoredEpoch {
        var gitDirectory: String
        var lastCommit: String?
        var lastOrdinal: Int
    }

    func knownEpochs() throws(IndexError) -> [Int: StoredEpoch] {
        try read { db in
            var epochs: [Int: StoredEpoch] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT epoch, git_dir, last_commit, last_ordinal FROM epochs") {
                epochs[row[0]] = StoredEpoch(gitDirectory: row[1], lastCommit: row[2], lastOrdinal: row[3])
            }
            return epochs
        }
    }

    private func registerEpoch(_ epoch: Epoch) throws(IndexError) {
        try write { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO epochs (epoch, git_dir, last_commit, last_ordinal, updated_at) VALUES (?, ?, NULL, -1, ?)",
                arguments: [epoch.number, epoch.gitDirectory, Int64(Date().timeIntervalSince1970)])
        }
    }

    /// Drops an epoch's rows and its last indexed commit, in one transaction.
    private func forgetEpoch(_ number: Int) throws(IndexError) {
        try write { db in
            try db.execute(sql: "DELETE FROM messages WHERE epoch = ?", arguments: [number])
            try db.execute(sql: "UPDATE epochs SET last_commit = NULL, last_ordinal = -1 WHERE epoch = ?", arguments: [number])
        }
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    package var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
