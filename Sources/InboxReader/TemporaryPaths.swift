import Foundation

/// The temporary folders this process made (an imported mbox's archive, a half-built sample),
/// so that a run interrupted by a signal can remove them: `deinit` cleanup never runs when the
/// process is killed. The command line calls ``removeAll()`` from its signal handler.
package enum TemporaryPaths {
    private static let registry = Registry()

    package static func register(_ path: String) { registry.update { $0.insert(path) } }
    package static func unregister(_ path: String) { registry.update { $0.remove(path) } }

    /// Removes every registered folder now, and returns them; safe to call from a signal
    /// handler's dispatch queue.
    @discardableResult
    package static func removeAll() -> [String] {
        let paths = registry.update { paths in
            defer { paths.removeAll() }
            return Array(paths)
        }
        for path in paths {
            try? FileManager.default.removeItem(atPath: path)
        }
        return paths
    }

    private final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var paths: Set<String> = []

        @discardableResult
        func update<T>(_ body: (inout Set<String>) -> T) -> T {
            lock.withLock { body(&paths) }
        }
    }
}
