internal import Foundation
package import InboxReader
internal import MailParser
package import PatchModel

/// Reads a range's messages from git and parses them on every core, handing the results over
/// in archive order.
///
/// Reading (the `cat-file` processes, which read ahead on their own) overlaps with parsing: each
/// batch is parsed by its own task while the next batch is read, and at most `window` batches
/// are in flight, so memory is bounded by the window, not by the range.
package struct MessagePipeline: Sendable {
    package var batchSize: Int
    package var window: Int
    /// How much of each mail to gather (see `MessageFacts.Detail`).
    package var detail: MessageFacts.Detail
    /// Said before the progress line's count (`epoch 2 of 4`), for a run that is one of several.
    package var progressLabel: String?

    package init(
        batchSize: Int = 256, window: Int = ProcessInfo.processInfo.activeProcessorCount + 1,
        detail: MessageFacts.Detail = .full
    ) {
        self.batchSize = batchSize
        self.window = max(1, window)
        self.detail = detail
    }

    /// Calls `handle` once per commit of `commits`, in order.
    /// - Throws: what reading the archive throws (``InboxError``); a message that fails to parse
    ///   is not thrown but handed over as an `unparseable` message.
    package func run(
        inbox: Inbox, commits: [CommitRef], handle: (ParsedMessage) throws -> Void
    ) async throws {
        var inFlight: [Task<[ParsedMessage], Never>] = []
        var progress = ProgressReporter(total: commits.count, label: progressLabel)
        defer { progress.finish() }
        let workers = ParseWorkers.shared
        var batchNumber = 0
        for try await batch in inbox.blobs(for: commits, batchSize: batchSize) {
            let queue = workers.queue(for: batchNumber)
            batchNumber += 1
            inFlight.append(Task { [detail] in await Self.parse(batch, detail: detail, on: queue) })
            if inFlight.count >= window {
                let parsed = await inFlight.removeFirst().value
                for message in parsed { try handle(message) }
                progress.advance(by: parsed.count)
            }
        }
        for task in inFlight {
            let parsed = await task.value
            for message in parsed { try handle(message) }
            progress.advance(by: parsed.count)
        }
    }

    /// Parses `batch` on `queue`, off Swift's cooperative pool: that pool has one thread per core,
    /// and a long parse on it would keep the tasks that drain `cat-file`'s pipes from running, so
    /// git would stall instead of reading ahead while we parse.
    private static func parse(_ batch: [RawMail], detail: MessageFacts.Detail, on queue: DispatchQueue) async
        -> [ParsedMessage]
    {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: parse(batch, detail: detail)) }
        }
    }

    /// Parses one batch; pure, so batches can be parsed on any thread.
    package static func parse(_ batch: [RawMail], detail: MessageFacts.Detail = .full) -> [ParsedMessage] {
        batch.map { raw in
            guard let bytes = raw.bytes else { return .deleted(raw.commit) }
            let mail = MailMessage(bytes: bytes)
            return .message(raw.commit, MessageFacts(commit: raw.commit.oid, mail: mail, detail: detail))
        }
    }
}

/// One serial queue per core for parsing, shared by every pipeline of the process.
private final class ParseWorkers: Sendable {
    static let shared = ParseWorkers()
    private let queues: [DispatchQueue]

    private init() {
        let count = max(1, ProcessInfo.processInfo.activeProcessorCount)
        queues = (0..<count).map { DispatchQueue(label: "lore-digest.parse.\($0)", qos: .userInitiated) }
    }

    func queue(for batch: Int) -> DispatchQueue { queues[batch % queues.count] }
}
