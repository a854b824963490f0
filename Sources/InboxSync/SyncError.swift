package import InboxReader

/// Why `sync` failed: one line that says what is wrong and what to do (see ``OneLineError``).
package typealias SyncError = OneLineError<SyncErrorCode>

/// The kind of `SyncError`. Backed by a private enum so that new codes can be added.
package struct SyncErrorCode: Sendable, Hashable, CustomStringConvertible {
    private enum Storage: Sendable, Hashable {
        case invalidURL
        case unreachable
        case notFound
        case notAnInbox
        case directoryHoldsSomethingElse
        case gitFailed
        case fileSystem
        case busy
        case tooLarge
    }
    private let storage: Storage
    private init(_ storage: Storage) { self.storage = storage }

    /// The URL is not an `http://` or `https://` URL of an inbox.
    package static let invalidURL = Self(.invalidURL)
    /// The server could not be reached (connection refused, unknown host, time-out, TLS).
    package static let unreachable = Self(.unreachable)
    /// The server answered, but has no inbox at that URL (HTTP 404 for the manifest and epoch 0).
    package static let notFound = Self(.notFound)
    /// The server's answer is not a public-inbox v2 inbox (bad manifest, no epochs).
    package static let notAnInbox = Self(.notAnInbox)
    /// The target directory exists and is neither empty nor a v2 mirror.
    package static let directoryHoldsSomethingElse = Self(.directoryHoldsSomethingElse)
    /// git ran and failed (clone, fetch, rev-list).
    package static let gitFailed = Self(.gitFailed)
    /// Creating, renaming or removing something under the target directory failed.
    package static let fileSystem = Self(.fileSystem)
    /// Another sync into the same directory holds its lock.
    package static let busy = Self(.busy)
    /// The server sent far more than an inbox serves (a huge or gzip-bomb manifest).
    package static let tooLarge = Self(.tooLarge)

    package var description: String { "\(storage)" }
}
