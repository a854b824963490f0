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
    /// Commits indexed by an older lore-digest whose facts were read again from the archive
    /// (schema v1 → v2: patch-ids, change-ids, reply facts), once.
    package var readAgain: Int
    /// Wall-clock time of the update.
    package var seconds: Double
}

extension MessageIndex {
    /// Indexes the commits added to `inbox` since the last update: per epoch `last..HEAD`, every
    /// commit of a new epoch, and again the whole of an epoch whose history was rewritten.
    ///
    /// Messages are parsed on every core by `pipeline` and inserted in one transaction per
    /// `batchSize` commits, with the epoch's last indexed commit in the same transaction: a
    /// process killed at any point leaves an index that the next update continues. Into an
    /// empty index (a first build), rows are written without the look-up indexes keyed by random
    /// values, which are sorted at the end, saying so through `note` above 200,000 messages (see
    /// `MessageIndex+DeferredIndexes.swift`).
    ///
    /// First, the rows an older lore-digest wrote with fewer facts (``MessageRow/factsVersion``)
    /// are read again from the archive and replaced, batch by batch (a killed run continues
    /// where it stopped), saying so through `note` since it parses every message once more.
    /// - Parameter note: one line for standard error; default: `lore-digest: TEXT` there.
    /// - Throws: ``IndexError`` (`.otherArchive` when the index belongs to another archive,
    ///   `.databaseFailed`), `InboxError` when git cannot list or read the archive.
    package func update(
        from inbox: Inbox, pipeline: MessagePipeline = MessagePipeline(), batchSize: Int = 1000,
        note: (String) -> Void = { ProgressReporter.writeToStandardError("lore-digest: \($0)\n") }
    ) async throws -> IndexUpdate {
        let clock = ContinuousClock()
        let start = clock.now
        let readAgain = try await readAgainOlderRows(from: inbox, pipeline: pipeline, batchSize: batchSize, note: note)
        let heads = try await inbox.heads()
        let known = try knownEpochs()
        // A first build (or the rest of one) writes its rows without the random-keyed indexes and
        // sorts them once at the end (`MessageIndex+DeferredIndexes.swift`).
        if try indexedCount() == 0 { try deferIndexes() }
        var newEpochs: [Int] = []
        var rewrittenEpochs: [Int] = []
        var added = 0
        // Epoch after epoch, each listed and read before the next is listed: memory follows one
        // epoch (about 1 GB of mail), not the archive (LKML has dozens of them).
        for (position, (epoch, head)) in heads.enumerated() {
            guard let head else { continue }
            let stored = known[epoch.number]
            if let stored {
                guard stored.gitDirectory == epoch.gitDirectory else {
                    throw IndexError(
                        .otherArchive,
                        "the index '\(path)' was built for '\(stored.gitDirectory)', not '\(epoch.gitDirectory)'; give another --index PATH (or remove it to rebuild it for this archive; the --since-last-run bookmarks kept in it go with it)"
                    )
                }
            } else {
                try registerEpoch(epoch)
                newEpochs.append(epoch.number)
            }
            // Whether the history is still one chain: only what was added is walked, unless the
            // answer is not known yet (a new or rewritten epoch, an index of schema v2).
            var mergeSearch: (after: String?, known: Bool?) = (nil, nil)
            var commits: [CommitRef] = []
            var firstOrdinal = 0
            switch try await EpochChange.since(stored?.lastCommit, in: epoch, head: head, of: inbox) {
            case .unchanged:
                guard stored?.isLinear == nil else { continue }
            case .appended(let after, let listed):
                firstOrdinal = if after != nil, let stored { stored.lastOrdinal + 1 } else { 0 }
                commits = listed
                if after != nil, let isLinear = stored?.isLinear { mergeSearch = (after, isLinear ? nil : false) }
            case .rewritten(let listed):
                try forgetEpoch(epoch.number)
                rewrittenEpochs.append(epoch.number)
                commits = listed
            }
            var epochPipeline = pipeline
            if heads.count > 1 { epochPipeline.progressLabel = "epoch \(position + 1) of \(heads.count)" }
            let writeRows = { [self] in
                guard !commits.isEmpty else { return }
                try await write(
                    commits, ordinal: { firstOrdinal + $0 }, from: inbox, pipeline: epochPipeline, batchSize: batchSize)
            }
            // The answer is written before the rows: it holds for HEAD's history, so for every
            // commit of it that a killed run may leave as the last indexed one.
            if let known = mergeSearch.known {
                try setLinear(known, epoch: epoch.number)
                try await writeRows()
            } else {
                // The search walks the commits being read (a whole epoch on a first build: as
                // long as listing it), so git runs it beside the reading; until its answer is in,
                // the epoch's is unknown, which a run killed meanwhile leaves for the next update.
                let after = mergeSearch.after
                async let hasMerge = inbox.hasMerge(in: epoch, after: after, through: head)
                try setLinear(nil, epoch: epoch.number)
                try await writeRows()
                try setLinear(!(await hasMerge), epoch: epoch.number)
            }
            added += commits.count
        }
        let total = try indexedCount()
        if try hasDeferredIndexes() {
            if total >= Self.noteRestoringAbove { note("sorting the look-up indexes of \(total) messages…") }
            try restoreDeferredIndexes()
        }
        return IndexUpdate(
            archiveName: inbox.displayName, added: added, total: total, newEpochs: newEpochs,
            rewrittenEpochs: rewrittenEpochs, readAgain: readAgain, seconds: (clock.now - start).seconds)
    }

    /// Parses `commits` (oldest first) and writes their rows, one transaction per `batchSize`:
    /// the `n`-th commit of the run gets ordinal `ordinal(n)`; `replacing`: the rows replace those
    /// of the same commits (see ``BatchWriter``).
    private func write(
        _ commits: [CommitRef], ordinal: (Int) -> Int, replacing: Bool = false, from inbox: Inbox,
        pipeline: MessagePipeline, batchSize: Int
    ) async throws {
        let size = max(1, batchSize)
        var buffer: [PendingRow] = []
        buffer.reserveCapacity(min(size, commits.count))
        var position = 0
        let writer = BatchWriter(index: self, replacing: replacing)
        try await pipeline.run(inbox: inbox, commits: commits) { parsed in
            buffer.append((parsed.commit, ordinal(position), parsed.facts))
            position += 1
            if buffer.count >= size {
                try writer.enqueue(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { try writer.enqueue(buffer) }
        try writer.finish()
    }

    /// Reads again, from the archive, the commits whose rows hold facts older than
    /// ``MessageRow/factsVersion``, and replaces their rows (same epoch and ordinal), one
    /// transaction per `batchSize`. Returns how many were read.
    private func readAgainOlderRows(
        from inbox: Inbox, pipeline: MessagePipeline, batchSize: Int, note: (String) -> Void
    ) async throws -> Int {
        let older: [PendingRow] = try read { db in
            // `facts_version < 2` is the predicate of the partial index `messages_to_read_again`.
            try Row.fetchAll(
                db,
                sql:
                    #"SELECT "commit", epoch, ordinal, commit_time FROM messages WHERE facts_version < 2 ORDER BY epoch, ordinal"#
            ).map { row in (CommitRef(epoch: row[1], oid: row[0], commitTime: row[3]), row[2], nil) }
        }
        guard !older.isEmpty else { return 0 }
        note(
            "index v1 → v\(MessageRow.factsVersion): reading \(older.count) messages again for patch-ids, change-ids and reply facts (once; the index stays usable if interrupted)…"
        )
        try await write(
            older.map(\.commit), ordinal: { older[$0].ordinal }, replacing: true, from: inbox, pipeline: pipeline,
            batchSize: batchSize)
        return older.count
    }

    /// A first build this large says that it sorts its indexes (seconds at a million messages).
    static let noteRestoringAbove = 200_000

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

    /// One transaction: the rows of `batch` replace those of the same commits (their
    /// references and trailers go with them, `ON DELETE CASCADE`); the epochs' last indexed
    /// commits stay as they are.
    static func replace(_ batch: [PendingRow], into db: Database) throws {
        let inserter = try MessageRow.Inserter(db)
        let delete = try db.makeStatement(sql: #"DELETE FROM messages WHERE "commit" = ?"#)
        for item in batch {
            try delete.execute(arguments: [item.commit.oid])
            try inserter.insert(db, commit: item.commit, ordinal: item.ordinal, facts: item.facts)
        }
    }

    /// Writes batches on GRDB's writer queue while the next ones are parsed, at most
    /// `maxPending` at once (then it waits), in the order they were given.
    private final class BatchWriter: Sendable {
        let index: MessageIndex
        let replacing: Bool
        let maxPending = 2
        private let state = Mutex<(pending: Int, error: IndexError?)>((0, nil))

        /// - Parameter replacing: the batches replace rows (``replace(_:into:)``) instead of adding them.
        init(index: MessageIndex, replacing: Bool = false) {
            self.index = index
            self.replacing = replacing
        }

        func enqueue(_ batch: [PendingRow]) throws(IndexError) {
            try check()
            if state.withLock({ $0.pending }) >= maxPending {
                try index.write { _ in }  // the writer queue is serial: this waits for the pending batches
                try check()
            }
            state.withLock { $0.pending += 1 }
            index.database.asyncWrite(
                { [replacing] db in
                    if replacing {
                        try MessageIndex.replace(batch, into: db)
                    } else {
                        try MessageIndex.insert(batch, into: db)
                    }
                },
                completion: { [self] _, result in
                    state.withLock { value in
                        value.pending -= 1
                        if case .failure(let error) = result, value.error == nil {
                            value.error = self.index.failure(error)
                        }
                    }
                })
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
        /// Whether the indexed history is one chain; nil when not known yet (schema v3).
        var isLinear: Bool?
    }

    func knownEpochs() throws(IndexError) -> [Int: StoredEpoch] {
        try read { db in
            var epochs: [Int: StoredEpoch] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT epoch, git_dir, last_commit, last_ordinal, is_linear FROM epochs")
            {
                epochs[row[0]] = StoredEpoch(
                    gitDirectory: row[1], lastCommit: row[2], lastOrdinal: row[3], isLinear: row[4])
            }
            return epochs
        }
    }

    /// How many commits the index holds, from the epochs' last ordinals: each epoch's rows are
    /// its ordinals 0...last (see ``insert(_:into:)`` and ``forgetEpoch(_:)``), and a `count(*)`
    /// would read a whole index of the messages table at every update.
    func indexedCount() throws(IndexError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT coalesce(sum(last_ordinal + 1), 0) FROM epochs") ?? 0 }
    }

    /// Sets whether the epoch's indexed history is one chain; nil: not known (searched again by
    /// the next update).
    private func setLinear(_ isLinear: Bool?, epoch: Int) throws(IndexError) {
        try write { db in
            try db.execute(sql: "UPDATE epochs SET is_linear = ? WHERE epoch = ?", arguments: [isLinear, epoch])
        }
    }

    private func registerEpoch(_ epoch: Epoch) throws(IndexError) {
        try write { db in
            try db.execute(
                sql:
                    "INSERT OR IGNORE INTO epochs (epoch, git_dir, last_commit, last_ordinal, updated_at) VALUES (?, ?, NULL, -1, ?)",
                arguments: [epoch.number, epoch.gitDirectory, Int64(Date().timeIntervalSince1970)])
        }
    }

    /// Drops an epoch's rows and its last indexed commit, in one transaction.
    private func forgetEpoch(_ number: Int) throws(IndexError) {
        try write { db in
            try db.execute(sql: "DELETE FROM messages WHERE epoch = ?", arguments: [number])
            try db.execute(
                sql: "UPDATE epochs SET last_commit = NULL, last_ordinal = -1, is_linear = NULL WHERE epoch = ?",
                arguments: [number])
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

extension ParsedMessage {
    /// The commit, message or deletion.
    fileprivate var commit: CommitRef {
        switch self {
        case .deleted(let commit), .message(let commit, _): commit
        }
    }

    /// The facts; nil for a deletion.
    fileprivate var facts: MessageFacts? {
        if case .message(_, let facts) = self { facts } else { nil }
    }
}
