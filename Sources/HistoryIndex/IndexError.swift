package import InboxReader

/// Why a history index operation failed: one line that says what is wrong and what to do (see ``OneLineError``).
package typealias IndexError = OneLineError<IndexErrorCode>

/// The kind of `IndexError`. Backed by a private enum so that new codes can be added.
package struct IndexErrorCode: Sendable, Hashable, CustomStringConvertible {
    private enum Storage: Sendable, Hashable {
        case cannotOpen
        case notAnIndex
        case newerSchema
        case otherArchive
        case databaseFailed
        case noSuchIndex
        case stateInUse
        case locked
        case readOnly
        case damaged
    }
    private let storage: Storage
    private init(_ storage: Storage) { self.storage = storage }

    /// The file cannot be created or opened as SQLite.
    package static let cannotOpen = Self(.cannotOpen)
    /// The file is an SQLite database, but not a lore-digest index.
    package static let notAnIndex = Self(.notAnIndex)
    /// The index was written by a newer lore-digest (a schema version this one does not know).
    package static let newerSchema = Self(.newerSchema)
    /// The index belongs to another archive.
    package static let otherArchive = Self(.otherArchive)
    /// SQLite failed while reading or writing.
    package static let databaseFailed = Self(.databaseFailed)
    /// No index exists at the path and none was to be created.
    package static let noSuchIndex = Self(.noSuchIndex)
    /// Another run holds the lock of the `--since-last-run` state.
    package static let stateInUse = Self(.stateInUse)

    /// Another process kept the index locked longer than the busy timeout.
    package static let locked = Self(.locked)
    /// The run must write, and the index file, its folder or its file system is read-only.
    package static let readOnly = Self(.readOnly)
    /// SQLite found the file damaged (corrupt pages, or not a database any more).
    package static let damaged = Self(.damaged)

    package var description: String { "\(storage)" }
}
