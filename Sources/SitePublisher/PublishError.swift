package import InboxReader

/// Why `publish` failed: one line that says what is wrong and what to do (see ``OneLineError``).
package typealias PublishError = OneLineError<PublishErrorCode>

/// The kind of ``PublishError``. Backed by a private enum so that new codes can be added.
package struct PublishErrorCode: Sendable, Hashable, CustomStringConvertible {
    private enum Storage: Sendable, Hashable {
        case cannotCreateDirectory
        case cannotWrite
        case siteInUse
    }
    private let storage: Storage
    private init(_ storage: Storage) { self.storage = storage }

    /// The site's folder is missing and cannot be made, or is not a folder.
    package static let cannotCreateDirectory = Self(.cannotCreateDirectory)
    /// A page, the feed or the manifest could not be written.
    package static let cannotWrite = Self(.cannotWrite)
    /// Another `publish` is writing into the same folder.
    package static let siteInUse = Self(.siteInUse)

    package var description: String { "\(storage)" }
}
