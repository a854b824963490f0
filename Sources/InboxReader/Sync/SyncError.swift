/// Why `sync` failed, as one line that says what is wrong and what to do.
///
/// `code` lets callers and tests branch on the kind of failure; codes may be added later, so
/// switch over it with a `default`. `description` is the message meant for the user.
package struct SyncError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure. Backed by a private enum so that new codes can be added.
    package struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Storage: Sendable, Hashable {
            case invalidURL
            case unreachable
            case notFound
            case notAnInbox
            case directoryHoldsSomethingElse
            case gitFailed
            case fileSystem
            case busy
        }
        private let storage: Storage
        private init(_ storage: Storage) { self.storage = storage }

        /// The URL is not an `http://` or `https://` URL of an inbox.
        package static let invalidURL = Code(.invalidURL)
        /// The server could not be reached (connection refused, unknown host, time-out, TLS).
        package static let unreachable = Code(.unreachable)
        /// The server answered, but has no inbox at that URL (HTTP 404 for the manifest and epoch 0).
        package static let notFound = Code(.notFound)
        /// The server's answer is not a public-inbox v2 inbox (bad manifest, no epochs).
        package static let notAnInbox = Code(.notAnInbox)
        /// The target directory exists and is neither empty nor a v2 mirror.
        package static let directoryHoldsSomethingElse = Code(.directoryHoldsSomethingElse)
        /// git ran and failed (clone, fetch, rev-list).
        package static let gitFailed = Code(.gitFailed)
        /// Creating, renaming or removing something under the target directory failed.
        package static let fileSystem = Code(.fileSystem)
        /// Another sync into the same directory holds its lock.
        package static let busy = Code(.busy)

        package var description: String { "\(storage)" }
    }

    package var code: Code
    /// One line: what is wrong, then what to do.
    package var message: String

    package init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    package var description: String { message }
}
