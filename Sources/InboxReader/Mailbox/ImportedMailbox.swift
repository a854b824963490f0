import Foundation

/// An mbox file or a Maildir that was imported into a temporary archive to be reported on.
package struct ImportedMailbox: Sendable, Hashable {
    package enum Kind: Sendable, Hashable {
        case mbox, maildir

        /// `an mbox file`, `a Maildir`: for messages.
        package var article: String { self == .mbox ? "an mbox file" : "a Maildir" }
    }

    /// The file or directory name as the report shows it, e.g. `results.mbox`.
    package var name: String
    /// The path as given.
    package var path: String
    package var kind: Kind
    /// How many messages it holds.
    package var messageCount: Int

    package init(name: String, path: String, kind: Kind, messageCount: Int) {
        self.name = name
        self.path = path
        self.kind = kind
        self.messageCount = messageCount
    }
}

/// Removes a temporary archive when the last `Inbox` that reads it goes away, and holds its
/// lock until then, so that ``StaleImports/sweep(in:now:)`` in another run leaves it alone.
final class TemporaryArchiveLease: Sendable {
    let directory: String
    /// The descriptor that holds the folder's `flock` (see ``StaleImports``).
    private let lock: Int32

    init(directory: String, lock: Int32) {
        self.directory = directory
        self.lock = lock
        TemporaryPaths.register(directory)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
        TemporaryPaths.unregister(directory)
        close(lock)
    }
}
