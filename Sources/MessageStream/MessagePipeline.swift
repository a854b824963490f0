internal import Foundation
package import InboxReader
internal import MailParser
package import PatchModel

/// Reads a range's messages from git and parses them on every core, handing the results over
/// in archive order.
///
/// Reading overlaps with parsing, and at most `window` batches are in flight, so memory is
/// bounded by the window, not by the range. The in-process readers parse each batch on the
/// thread that read it (`Inbox.preparedBatches`); with `cat-file` (which reads ahead on its own)
/// each batch is parsed by a task of its own while the next is read.
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
        var inFlight: [PendingBatch] = []
        var progress = ProgressReporter(total: commits.count, label: progressLabel)
        defer { progress.finish() }
        let workers = ParseWorkers.shared
        var batchNumber = 0
        let detail = detail
        let batches = inbox.preparedBatches(for: commits, batchSize: batchSize) { Self.parse($0, detail: detail) }
        func handOver(_ pending: PendingBatch) async throws {
            let parsed = await pending.parsed()
            for message in parsed { try handle(message) }
            progress.advance(by: parsed.count)
        }
        for try await batch in batches {
            if let prepared = batch.prepared {
                // Parsed by the thread that read it, by the one `prepare` given above.
                guard let parsed = prepared as? [ParsedMessage] else {
                    preconditionFailure("a batch was prepared as \(type(of: prepared)), not parsed")
                }
                inFlight.append(.parsed(parsed))
            } else {
                let queue = workers.queue(for: batchNumber)
                let mails = batch.mails
                inFlight.append(.parsing(Task { await Self.parse(mails, detail: detail, on: queue) }))
            }
            batchNumber += 1
            if inFlight.count >= window { try await handOver(inFlight.removeFirst()) }
        }
        for pending in inFlight { try await handOver(pending) }
    }

    /// A batch on its way to `handle`: parsed already, or being parsed.
    private enum PendingBatch {
        case parsed([ParsedMessage])
        case parsing(Task<[ParsedMessage], Never>)

        func parsed() async -> [ParsedMessage] {
            switch self {
            case .parsed(let parsed): parsed
            case .parsing(let task): await task.value
            }
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
