internal import Dispatch
internal import Synchronization

/// Work started on another thread at once, whose result is waited for later.
package final class SideWork<Value: Sendable>: Sendable {
    private let outcome = Mutex<Result<Value, any Error>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    package init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global().async { [self] in
            let result = Result { try work() }
            outcome.withLock { $0 = result }
            done.signal()
        }
    }

    /// The work's value, once it is done.
    /// - Throws: what the work threw.
    package func result() throws -> Value {
        done.wait()
        // Safe to force unwrap: the outcome is set before the signal.
        return try outcome.withLock { $0! }.get()
    }

    /// Lets go of `value` on another thread: taking a large model apart (kvmarm's thread view of
    /// 21,367 messages: 5 ms; its report: 5 ms) need not hold up the thread on the way to the
    /// output. `value` must not be shared: its last reference goes with it.
    package static func release(_ value: consuming Value) {
        let owner = Owner(value)
        DispatchQueue.global(qos: .utility).async { owner.value.withLock { $0 = nil } }
    }

    private final class Owner: Sendable {
        let value: Mutex<Value?>

        init(_ value: consuming Value) {
            self.value = Mutex(value)
        }
    }
}
