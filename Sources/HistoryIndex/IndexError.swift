/// Why a history index operation failed, as one line that says what is wrong and what to do.
///
/// `code` lets callers branch on the kind of failure; new codes may be added later, so switch
/// over it with a `default`. `description` is the message meant for the user.
package struct IndexError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure. Backed by a private enum so that new codes can be added.
    package struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Storage: Sendable, Hashable {
            case cannotOpen
            case notAnIndex
            case newerSchema
            case otherArchive
            case databaseFailed
            case noSuchIndex
            case stateInUse
        }
        private let storage: Storage
        private init(_ storage: Storage) { self.storage = storage }

        /// The file cannot be created or opened as SQLite.
        package static let cannotOpen = Code(.cannotOpen)
        /// The file is an SQLite database, but not a lore-digest index.
        package static let notAnIndex = Code(.notAnIndex)
        /// The index was written by a newer lore-digest (a schema version this one does not know).
        package static let newerSchema = Code(.newerSchema)
        /// The index belongs to another archive.
        package static let otherArchive = Code(.otherArchive)
        /// SQLite failed while reading or writing.
        package static let databaseFailed = Code(.databaseFailed)
        /// No index exists at the path and none was to be created.
        package static let noSuchIndex = Code(.noSuchIndex)
        /// Another run holds the lock of the `--since-last-run` state.
        package static let stateInUse = Code(.stateInUse)

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
