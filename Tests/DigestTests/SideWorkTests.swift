import Foundation
import Synchronization
import Testing

@testable import Digest

/// Work done on another thread gives its value or its error to whoever waits for it, and what is
/// let go elsewhere is taken apart on another thread.
@Suite struct SideWorkTests {
    struct Failure: Error, Equatable {}

    @Test func theWorksValueOrErrorIsWhatTheWaiterGets() throws {
        let started = Mutex(false)
        let work = SideWork { () throws -> [Int] in
            started.withLock { $0 = true }
            return Array(0..<1_000)
        }
        #expect(try work.result() == Array(0..<1_000))
        #expect(started.withLock { $0 })
        #expect(throws: Failure.self) { try SideWork { () throws -> Int in throw Failure() }.result() }
    }

    /// Tells when it is taken apart, and on which thread.
    final class Watched: Sendable {
        let deinitialized: @Sendable (Bool) -> Void

        init(_ deinitialized: @escaping @Sendable (Bool) -> Void) {
            self.deinitialized = deinitialized
        }

        deinit { deinitialized(Thread.isMainThread) }
    }

    @Test func whatIsLetGoElsewhereIsTakenApartOnAnotherThread() async throws {
        let (onMainThread, report) = AsyncStream.makeStream(of: Bool.self)
        await MainActor.run {
            let watched = Watched { report.yield($0) }
            SideWork<Watched>.release(consume watched)
        }
        var iterator = onMainThread.makeAsyncIterator()
        #expect(await iterator.next() == false)
    }
}
