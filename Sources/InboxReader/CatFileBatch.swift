import Glibc
import Subprocess

/// Reads message blobs of one stripe of batches through long-lived `git cat-file --batch`
/// processes: one per epoch the stripe touches, never one per message.
///
/// A child task writes `<oid>:<path>` lines to cat-file's standard input while this task drains
/// its standard output through `CatFileFrameDecoder` (the pipe rule: if nobody reads while we
/// write, both pipes fill and everything stops). The writer stays at most `maximumInFlight`
/// requests ahead of the reader, so its lines always fit into the pipe buffer and it never
/// blocks in `write` (which keeps cancellation simple), and memory stays bounded when the
/// consumer is slow: a full `BatchChannel` stops the reader, which stops the writer.
struct CatFileBatch: Sendable {
    /// This worker's batches, in the order they are to be delivered.
    var batches: [ArraySlice<CommitRef>]
    /// Epoch number → git directory.
    var gitDirectories: [Int: String]
    var channel: BatchChannel
    /// Requests written but not yet answered, at most (≈ 43 bytes each: well under 64 KiB).
    static let maximumInFlight = 512
    /// Requests written per `write` call.
    static let writeChunk = 64

    /// Reads everything, sends each batch to `channel`, and finishes it (with an error if any).
    func run() async {
        do {
            try await readAll()
            channel.finish()
        } catch let error as InboxError {
            channel.finish(.failure(error))
        } catch {
            channel.finish(.failure(InboxError(.gitFailed, "reading messages stopped: \(error)")))
        }
    }

    private struct Delivery {
        var batches: [ArraySlice<CommitRef>]
        var channel: BatchChannel
        var batchIndex = 0
        var current: [RawMail] = []

        init(batches: [ArraySlice<CommitRef>], channel: BatchChannel) {
            self.batches = batches
            self.channel = channel
            current.reserveCapacity(batches.first?.count ?? 0)
        }

        /// Adds one mail; sends the batch when it is complete.
        mutating func deliver(_ mail: RawMail) async throws {
            current.append(mail)
            while batchIndex < batches.count && current.count == batches[batchIndex].count {
                let batch = current
                current = []
                batchIndex += 1
                if batchIndex < batches.count { current.reserveCapacity(batches[batchIndex].count) }
                guard await channel.send(ReadBatch(mails: batch)) else { throw CancellationError() }
            }
        }
    }

    private func readAll() async throws {
        let commits = batches.flatMap { $0 }
        var delivery = Delivery(batches: batches, channel: channel)
        var start = 0
        while start < commits.count {
            let epoch = commits[start].epoch
            var end = start + 1
            while end < commits.count && commits[end].epoch == epoch { end += 1 }
            guard let gitDirectory = gitDirectories[epoch] else {
                throw InboxError(.gitFailed, "no epoch \(epoch) in this archive; resolve the range with the same Inbox")
            }
            try await readRun(commits[start..<end], gitDirectory: gitDirectory, delivery: &delivery)
            start = end
        }
    }

    /// One cat-file process for consecutive commits of one epoch.
    private func readRun(
        _ commits: ArraySlice<CommitRef>, gitDirectory: String, delivery: inout Delivery
    ) async throws {
        if !commits.contains(where: { $0.messagePath != nil }) {
            for commit in commits { try await delivery.deliver(RawMail(commit: commit, bytes: nil)) }
            return
        }
        let result = try await Subprocess.run(
            ProgramLookup.git,
            arguments: GitCommand.arguments(gitDirectory: gitDirectory, ["cat-file", "--batch"]),
            environment: GitCommand.environment,
            input: .inputWriter,
            output: .sequence,
            error: .discarded
        ) { execution in
            Self.enlargeOutputPipe(of: execution.processIdentifier.value)
            let (progress, progressContinuation) = AsyncStream.makeStream(of: Int.self)
            return try await withThrowingTaskGroup(of: Void.self) { group in
                let writer = execution.standardInputWriter
                group.addTask {
                    try await Self.write(commits, to: writer, progress: progress)
                }
                defer { progressContinuation.finish() }
                var decoder = CatFileFrameDecoder()
                var next = commits.startIndex
                var answered = 0
                // v1 deletions have no request: deliver them in place.
                while next < commits.endIndex && commits[next].messagePath == nil {
                    try await delivery.deliver(RawMail(commit: commits[next], bytes: nil))
                    next += 1
                }
                reading: for try await buffer in execution.standardOutput {
                    buffer.withUnsafeBytes { decoder.append($0) }
                    while let frame = try decoder.nextFrame() {
                        guard next < commits.endIndex else {
                            throw InboxError(
                                .malformedGitOutput,
                                "git cat-file --batch answered more requests than it was sent; check the git version")
                        }
                        let bytes: [UInt8]?
                        switch frame {
                        case .object(_, _, let body): bytes = body
                        case .missing:
                            bytes = nil
                            let commit = commits[next]
                            try await DeletionCheck.verify(
                                commit, path: commit.messagePath ?? "m", gitDirectory: gitDirectory)
                        }
                        try await delivery.deliver(RawMail(commit: commits[next], bytes: bytes))
                        next += 1
                        answered += 1
                        if answered % Self.writeChunk == 0 { progressContinuation.yield(answered) }
                        while next < commits.endIndex && commits[next].messagePath == nil {
                            try await delivery.deliver(RawMail(commit: commits[next], bytes: nil))
                            next += 1
                        }
                    }
                    if next == commits.endIndex { break reading }
                }
                progressContinuation.finish()
                try await group.waitForAll()
                return next
            }
        }
        let delivered = result.closureResult
        if delivered < commits.endIndex {
            throw InboxError(
                .gitFailed,
                "git cat-file --batch in \(gitDirectory) stopped after \(delivered - commits.startIndex) of \(commits.count) messages (\(result.terminationStatus)); check the repository with 'git -C \(gitDirectory) fsck'"
            )
        }
    }

    /// Bytes of cat-file's standard output pipe we ask Linux for (the default is 64 KiB).
    ///
    /// 256 KiB rather than more: Subprocess allocates and zeroes a buffer of the pipe's size for
    /// every read, so 1 MiB pipes cost as much in page faults and memset as they save in
    /// context switches (measured on kvmarm: 64 KiB ≈ 17-26k switches, 256 KiB ≈ 6-16k).
    static let outputPipeBytes: Int32 = 1 << 18

    /// Gives cat-file's standard output a larger pipe, best effort (Linux only).
    ///
    /// With the default 64 KiB pipe, cat-file fills it in well under a millisecond and then waits
    /// whenever our reading task waits behind a batch being parsed on the same cores; a larger
    /// pipe lets it run on, and lets each read take more (Subprocess reads as much as the pipe
    /// holds), so there are fewer reads, wake-ups and context switches. The pipe is
    /// reached through `/proc/<pid>/fd/1`, as Subprocess does not show its end of it; when that
    /// fails (no /proc, a lower `fs.pipe-max-size`) nothing changes but the speed.
    static func enlargeOutputPipe(of pid: pid_t) {
        let descriptor = open("/proc/\(pid)/fd/1", O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        let setPipeSize: Int32 = 1031  // F_SETPIPE_SZ (F_LINUX_SPECIFIC_BASE + 7), not exported by Glibc
        _ = fcntl(descriptor, setPipeSize, outputPipeBytes)
        close(descriptor)
    }

    /// Writes a `<oid>:<path>` request for each commit with a message, in chunks made as they
    /// are written (not all at once: a million requests would be held as strings), never more
    /// than `maximumInFlight` ahead of the answers.
    private static func write(
        _ commits: ArraySlice<CommitRef>, to writer: StandardInputWriter, progress: AsyncStream<Int>
    ) async throws {
        var acknowledged = 0
        var progressIterator = progress.makeAsyncIterator()
        var written = 0
        var next = commits.startIndex
        var chunk: [UInt8] = []
        chunk.reserveCapacity(writeChunk * 48)
        while next < commits.endIndex {
            chunk.removeAll(keepingCapacity: true)
            var requests = 0
            while requests < writeChunk && next < commits.endIndex {
                if let path = commits[next].messagePath {
                    chunk.append(contentsOf: commits[next].oid.utf8)
                    chunk.append(0x3A)  // ":"
                    chunk.append(contentsOf: path.utf8)
                    chunk.append(0x0A)
                    requests += 1
                }
                next += 1
            }
            guard requests > 0 else { break }
            while written + requests - acknowledged > maximumInFlight {
                guard let value = await progressIterator.next() else { return }
                acknowledged = value
            }
            _ = try await writer.write(chunk)
            written += requests
        }
        try await writer.finish()
    }
}
