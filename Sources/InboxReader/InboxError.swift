/// Why an InboxReader operation failed: one line that says what is wrong and what to do (see ``OneLineError``).
package typealias InboxError = OneLineError<InboxErrorCode>

/// The kind of `InboxError`. Backed by a private enum so that new codes can be added.
package struct InboxErrorCode: Sendable, Hashable, CustomStringConvertible {
    private enum Storage: Sendable, Hashable {
        case noSuchDirectory
        case notAnArchive
        case emptyArchive
        case unknownRevision
        case invalidRevision
        case emptyRange
        case gitNotRunnable
        case gitFailed
        case malformedGitOutput
        case writeFailed
        case invalidDate
        case notAMailbox
        case optionNotApplicable
        case damagedArchive
        case permissionDenied
        case invalidSetting
    }
    private let storage: Storage
    private init(_ storage: Storage) { self.storage = storage }

    /// The path does not exist or is not a directory.
    package static let noSuchDirectory = Self(.noSuchDirectory)
    /// The path exists but this user may not read it.
    package static let permissionDenied = Self(.permissionDenied)
    /// The directory is neither a v2 inbox, a bare epoch nor a v1 inbox.
    package static let notAnArchive = Self(.notAnArchive)
    /// The archive has no commits at all.
    package static let emptyArchive = Self(.emptyArchive)
    /// No epoch knows the revision.
    package static let unknownRevision = Self(.unknownRevision)
    /// The revision is refused before it reaches git (e.g. it starts with `-`).
    package static let invalidRevision = Self(.invalidRevision)
    /// `to` is not after `from`: the range would be empty or backwards.
    package static let emptyRange = Self(.emptyRange)
    /// git could not be started.
    package static let gitNotRunnable = Self(.gitNotRunnable)
    /// git ran and failed.
    package static let gitFailed = Self(.gitFailed)
    /// git printed something this reader does not understand.
    package static let malformedGitOutput = Self(.malformedGitOutput)
    /// Writing an archive failed.
    package static let writeFailed = Self(.writeFailed)
    /// `--since` / `--until` is not a date git can read, or the window is backwards.
    package static let invalidDate = Self(.invalidDate)
    /// A file that is neither an mbox nor a Maildir (nor an archive).
    package static let notAMailbox = Self(.notAMailbox)
    /// An option that makes no sense for this input (`--from` on an mbox file).
    package static let optionNotApplicable = Self(.optionNotApplicable)
    /// The repository is damaged: an object git needs (a message, a tree, a commit) is lost.
    package static let damagedArchive = Self(.damagedArchive)
    /// A `lore-digest.*` git config value that cannot be used (`lore-digest.top` not a number).
    package static let invalidSetting = Self(.invalidSetting)

    package var description: String { "\(storage)" }
}

extension Result where Failure == InboxError {
    /// What `body` returns or throws, as a value: for work asked beside other work (`async let`,
    /// task groups), whose typed error an `async let` would otherwise widen to `any Error`.
    init(asking body: () async throws(InboxError) -> Success) async {
        do throws(InboxError) {
            self = .success(try await body())
        } catch {
            self = .failure(error)
        }
    }
}
