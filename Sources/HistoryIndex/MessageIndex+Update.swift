internal import Foundation
internal import GRDB
package import InboxReader
internal import PatchModel

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
            var after: String?
            var ordinal = 0
            if let stored = known[epoch.number] {
                guard stored.gitDirectory == epoch.gitDirectory else {
                    throw IndexError(
                        .otherArchive,
                        "the index '\(path)' was built for '\(stored.gitDirectory)', not '\(epoch.gitDirectory)'; give another --index PATH, or remove the file to rebuild it")
                }
                if stored.lastCommit == head { continue }
                if let last = stored.lastCommit {
                    if try await inbox.isAncestor(last, of: head, in: epoch) {
                        after = last
                        ordinal = stored.lastOrdinal + 1
                    } else {
                        try forgetEpoch(epoch.number)
                        rewrittenEpochs.append(epoch.number)
                    }
                }
            } else {
                try registerEpoch(epoch)
                newEpochs.append(epoch.number)
            }
            nextOrdinal[epoch.number] = ordinal
            commits += try await inbox.commits(of: epoch, after: after, through: head)
        }

        var buffer: [(commit: CommitRef, ordinal: Int, facts: MessageFacts?)] = []
        buffer.reserveCapacity(min(batchSize, commits.count))
        let size = max(1, batchSize)
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
                try insert(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { try insert(buffer) }
        let total = try messageCount()
        return IndexUpdate(
            archiveName: inbox.displayName, added: commits.count, total: total, newEpochs: newEpochs,
            rewrittenEpochs: rewrittenEpochs, seconds: (clock.now - start).seconds)
    }

    /// One transaction: the rows of `batch`, and the new last indexed commit of each epoch in it.
    private func insert(_ batch: [(commit: CommitRef, ordinal: Int, facts: MessageFacts?)]) throws(IndexError) {
        try write { db in
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
