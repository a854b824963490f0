import Dispatch
import Synchronization

/// A bounded single-producer, single-consumer queue of batches.
///
/// `send` suspends (and `sendWaiting`, for a producer on its own thread, blocks) while
/// `capacity` batches wait unread, so a producer can run ahead of the consumer by at most that
/// many batches. `cancel()` (from the consumer side) wakes a waiting producer and makes every
/// later send return false.
final class BatchChannel: Sendable {
    /// How a waiting producer is woken: its task resumed, or its thread signalled.
    private enum Producer {
        case task(CheckedContinuation<Bool, Never>)
        case thread(DispatchSemaphore)

        /// Wakes it; `accepted` false: the consumer went away. A thread reads that from the
        /// state when it wakes, so only a task is told.
        func wake(accepted: Bool) {
            switch self {
            case .task(let continuation): continuation.resume(returning: accepted)
            case .thread(let semaphore): semaphore.signal()
            }
        }
    }

    private struct State: ~Copyable {
        var queue: [ReadBatch] = []
        var head = 0
        var end: Result<Void, InboxError>?
        var cancelled = false
        var consumer: CheckedContinuation<Result<ReadBatch?, InboxError>, Never>?
        var producer: Producer?

        var count: Int { queue.count - head }

        mutating func pop() -> ReadBatch {
            let batch = queue[head]
            queue[head] = ReadBatch(mails: [])
            head += 1
            if head >= 16 && head * 2 >= queue.count {
                queue.removeSubrange(0..<head)
                head = 0
            }
            return batch
        }
    }

    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// What a send does next, decided under the lock.
    private enum SendStep {
        case done(Bool)
        case handOver(CheckedContinuation<Result<ReadBatch?, InboxError>, Never>)
        case wait
    }

    /// Under the lock: stop (cancelled), hand the batch to a waiting consumer, queue it, or
    /// (the channel is full) register `waiter`, when given, to be woken by the next receive.
    private static func step(
        _ batch: ReadBatch, in state: inout State, capacity: Int, registering waiter: Producer?
    ) -> SendStep {
        if state.cancelled { return .done(false) }
        if let consumer = state.consumer {
            state.consumer = nil
            return .handOver(consumer)
        }
        if state.count < capacity {
            state.queue.append(batch)
            return .done(true)
        }
        if let waiter { state.producer = waiter }
        return .wait
    }

    /// Adds a batch, waiting while the channel is full. False: the consumer went away; stop.
    func send(_ batch: ReadBatch) async -> Bool {
        let step = state.withLock { Self.step(batch, in: &$0, capacity: capacity, registering: nil) }
        switch step {
        case .done(let result): return result
        case .handOver(let consumer):
            consumer.resume(returning: .success(batch))
            return true
        case .wait:
            let accepted = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                let ready: Bool? = state.withLock { state in
                    if state.cancelled { return false }
                    if state.count < capacity { return true }
                    state.producer = .task(continuation)
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
            guard accepted else { return false }
            return await send(batch)
        }
    }

    /// As `send`, for a producer running on its own thread (not a task): blocks that thread
    /// while the channel is full. False: the consumer went away; stop.
    func sendWaiting(_ batch: ReadBatch) -> Bool {
        let semaphore = DispatchSemaphore(value: 0)
        while true {
            let step = state.withLock {
                Self.step(batch, in: &$0, capacity: capacity, registering: .thread(semaphore))
            }
            switch step {
            case .done(let result): return result
            case .handOver(let consumer):
                consumer.resume(returning: .success(batch))
                return true
            case .wait: semaphore.wait()
            }
        }
    }

    /// No more batches: the consumer sees the end (or `error`) once it has read the queue.
    func finish(_ result: Result<Void, InboxError> = .success(())) {
        let consumer = state.withLock { state -> CheckedContinuation<Result<ReadBatch?, InboxError>, Never>? in
            if state.end == nil { state.end = result }
            defer { state.consumer = nil }
            return state.consumer
        }
        consumer?.resume(returning: result.map { nil })
    }

    /// The next batch; nil at the end.
    func receive() async throws(InboxError) -> ReadBatch? {
        enum Action {
            case value(Result<ReadBatch?, InboxError>, Producer?)
            case wait
        }
        let first: Action = state.withLock { state in
            if state.count > 0 {
                let producer = state.producer
                state.producer = nil
                return .value(.success(state.pop()), producer)
            }
            if let end = state.end { return .value(end.map { nil }, nil) }
            return .wait
        }
        let result: Result<ReadBatch?, InboxError>
        switch first {
        case .value(let value, let producer):
            producer?.wake(accepted: true)
            result = value
        case .wait:
            result = await withCheckedContinuation { continuation in
                let immediate: (Result<ReadBatch?, InboxError>, Producer?)? =
                    state.withLock { state in
                        if state.count > 0 {
                            let producer = state.producer
                            state.producer = nil
                            return (.success(state.pop()), producer)
                        }
                        if let end = state.end { return (end.map { nil }, nil) }
                        state.consumer = continuation
                        return nil
                    }
                if let (value, producer) = immediate {
                    producer?.wake(accepted: true)
                    continuation.resume(returning: value)
                }
            }
        }
        return try result.get()
    }

    /// The consumer is gone: wake and stop the producer.
    func cancel() {
        let producer = state.withLock { state -> Producer? in
            state.cancelled = true
            state.queue = []
            state.head = 0
            defer { state.producer = nil }
            return state.producer
        }
        producer?.wake(accepted: false)
    }
}
