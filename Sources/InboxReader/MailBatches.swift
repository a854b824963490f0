import Synchronization

/// The messages of a list of commits, as batches in archive order, read lazily.
///
/// Reading starts when iteration starts. Large inputs are read by two workers at once (each
/// inflates on one core; two halve the time on a 2-core machine): threads reading the packs
/// in-process, or `git cat-file --batch` processes (see `BlobReader`). The
/// batches are dealt to the workers in turn (batch 0, 2, 4, … to the first, 1, 3, 5, … to the
/// second) rather than as two contiguous halves: with contiguous halves the second worker could
/// only run ahead by the read-ahead window and then sit idle, or the whole second half would
/// have to be held in memory. Each worker may hold `readAhead` finished batches the consumer
/// has not taken yet, so memory is bounded by `workers × (readAhead + 1)` batches, not by the
/// size of the range. Ending iteration early (or dropping the iterator) stops the workers and
/// their git processes.
package struct MailBatches: AsyncSequence, Sendable {
    package typealias Element = [RawMail]
    package typealias Failure = InboxError

    /// Slices of the commit list, not copies: a million commits are held once.
    let batches: [ArraySlice<CommitRef>]
    let gitDirectories: [Int: String]
    let workerCount: Int
    let readAhead: Int
    /// The reader asked for; nil: `BlobReader.choose`'s default.
    let reader: BlobReader?
    /// What a worker reading on a thread of its own (in-process, not `cat-file`) makes of each
    /// batch as soon as it is read, before handing it over: the mails are then parsed on the
    /// thread that inflated them, while their bytes are in its cache, and freed there (the whole
    /// kvmarm report: 0.899 → 0.871 s, means of ten). Nil: the mails are handed over.
    var prepare: BatchPreparation?

    /// How many batches the sequence will yield.
    package var batchCount: Int { batches.count }

    init(
        commits: [CommitRef], batchSize: Int, gitDirectories: [Int: String], workers: Int?, readAhead: Int,
        reader: BlobReader?
    ) {
        let size = Swift.max(1, batchSize)
        var batches: [ArraySlice<CommitRef>] = []
        batches.reserveCapacity(commits.count / size + 1)
        var start = 0
        while start < commits.count {
            let end = Swift.min(start + size, commits.count)
            batches.append(commits[start..<end])
            start = end
        }
        self.batches = batches
        self.gitDirectories = gitDirectories
        // One process is enough for small ranges: starting a second costs more than it saves.
        let defaultWorkers = commits.count >= 512 && batches.count >= 2 ? 2 : 1
        self.workerCount = Swift.max(1, Swift.min(workers ?? defaultWorkers, Swift.max(1, batches.count)))
        self.readAhead = Swift.max(1, readAhead)
        self.reader = reader
    }

    package func makeAsyncIterator() -> Iterator {
        Iterator(state: IteratorState(sequence: self))
    }

    package struct Iterator: AsyncIteratorProtocol {
        package typealias Element = [RawMail]
        package typealias Failure = InboxError

        let state: IteratorState

        package mutating func next() async throws(InboxError) -> [RawMail]? {
            try await state.next()?.mails
        }

        package mutating func next(isolation actor: isolated (any Actor)?) async throws(InboxError) -> [RawMail]? {
            try await state.next()?.mails
        }
    }

    /// Owns the workers; dropping it cancels them (a reading thread stops at its next batch).
    final class IteratorState: Sendable {
        private let channels: [BatchChannel]
        private let tasks: [Task<Void, Never>]
        private let total: Int
        private let position = Mutex(0)

        init(sequence: MailBatches) {
            let workers = sequence.workerCount
            let channels = (0..<workers).map { _ in BatchChannel(capacity: sequence.readAhead) }
            self.channels = channels
            self.total = sequence.batches.count
            let stripes = (0..<workers).map { worker in
                stride(from: worker, to: sequence.batches.count, by: workers).map { sequence.batches[$0] }
            }
            let epochs = Set(sequence.batches.lazy.flatMap { $0 }.map(\.epoch))
            let directories = epochs.sorted().compactMap { sequence.gitDirectories[$0] }
            let chosen = BlobReader.choose(for: directories, requested: sequence.reader)
            switch chosen {
            case .packs, .libgit2:
                let stores = chosen == .packs ? PackStores() : nil
                for worker in 0..<workers {
                    PackBatchReader(
                        batches: stripes[worker], gitDirectories: sequence.gitDirectories, channel: channels[worker],
                        packStores: stores, prepare: sequence.prepare
                    ).start()
                }
                self.tasks = []
            case .catFile:
                self.tasks = (0..<workers).map { worker in
                    let reader = CatFileBatch(
                        batches: stripes[worker], gitDirectories: sequence.gitDirectories, channel: channels[worker])
                    return Task { await reader.run() }
                }
            }
        }

        deinit {
            for channel in channels { channel.cancel() }
            for task in tasks { task.cancel() }
        }

        func next() async throws(InboxError) -> ReadBatch? {
            let index = position.withLock { $0 }
            guard index < total else { return nil }
            let channel = channels[index % channels.count]
            do throws(InboxError) {
                guard let batch = try await channel.receive() else {
                    throw InboxError(
                        .gitFailed,
                        "reading messages stopped after \(index) of \(total) batches; check the archive with 'git fsck'"
                    )
                }
                position.withLock { $0 = index + 1 }
                return batch
            } catch {
                position.withLock { $0 = total }
                for channel in channels { channel.cancel() }
                throw error
            }
        }
    }
}

/// The batches of `MailBatches` with what its `prepare` made of each: made by the reading
/// worker when it reads on a thread of its own, else left to the consumer (`prepared` nil, the
/// mails given).
package struct PreparedMailBatches: AsyncSequence, Sendable {
    package typealias Element = ReadBatch
    package typealias Failure = InboxError

    let batches: MailBatches

    package func makeAsyncIterator() -> Iterator {
        Iterator(state: MailBatches.IteratorState(sequence: batches))
    }

    package struct Iterator: AsyncIteratorProtocol {
        package typealias Element = ReadBatch
        package typealias Failure = InboxError
        let state: MailBatches.IteratorState

        package mutating func next() async throws(InboxError) -> ReadBatch? {
            try await state.next()
        }

        package mutating func next(isolation actor: isolated (any Actor)?) async throws(InboxError) -> ReadBatch? {
            try await state.next()
        }
    }
}

extension Inbox {
    /// As `blobs(for:batchSize:)` (`reader` as in `blobs(for:batchSize:workers:readAhead:reader:)`),
    /// each batch made into what `prepare` returns on the thread that
    /// read it when that is a thread of the in-process reader; with `cat-file` (whose readers are
    /// tasks of the cooperative pool, which a long `prepare` would hold up) the mails are given
    /// and `prepare` is the consumer's to run.
    package func preparedBatches(
        for commits: [CommitRef], batchSize: Int, reader: BlobReader? = nil,
        prepare: @escaping BatchPreparation
    ) -> PreparedMailBatches {
        var batches = blobs(for: commits, batchSize: batchSize, workers: nil, readAhead: 2, reader: reader)
        batches.prepare = prepare
        return PreparedMailBatches(batches: batches)
    }

    /// Streams the messages of `commits` in the given (archive) order, `batchSize` per batch.
    ///
    /// Never one process per message: see `MailBatches`. A commit without a message (a deletion)
    /// gives a `RawMail` whose `bytes` is nil. Errors (git missing, a broken repository) are
    /// thrown by the iteration.
    package func blobs(for commits: [CommitRef], batchSize: Int) -> MailBatches {
        blobs(for: commits, batchSize: batchSize, workers: nil, readAhead: 2)
    }

    /// As `blobs(for:batchSize:)`, with the number of reading workers (nil: 2 for 512 commits or
    /// more, else 1), the finished batches each worker may hold ahead of the consumer, and the
    /// reader (nil: `BlobReader`'s choice; tests name each to compare them).
    package func blobs(
        for commits: [CommitRef], batchSize: Int, workers: Int?, readAhead: Int, reader: BlobReader? = nil
    ) -> MailBatches {
        var directories: [Int: String] = [:]
        for epoch in epochs { directories[epoch.number] = epoch.gitDirectory }
        return MailBatches(
            commits: commits, batchSize: batchSize, gitDirectories: directories, workers: workers,
            readAhead: readAhead, reader: reader)
    }
}
