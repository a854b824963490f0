/// Why an InboxReader operation failed, as one line that says what is wrong and what to do.
///
/// `code` lets callers branch on the kind of failure; new codes may be added later, so
/// switch over it with a `default`. `description` is the message meant for the user.
package struct InboxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure. Backed by a private enum so that new codes can be added.
    package struct Code: Sendable, Hashable, CustomStringConvertible {
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
        }
        private let storage: Storage
        private init(_ storage: Storage) { self.storage = storage }

        /// The path does not exist or is not a directory.
        package static let noSuchDirectory = Code(.noSuchDirectory)
        /// The directory is neither a v2 inbox, a bare epoch nor a v1 inbox.
        package static let notAnArchive = Code(.notAnArchive)
        /// The archive has no commits at all.
        package static let emptyArchive = Code(.emptyArchive)
        /// No epoch knows the revision.
        package static let unknownRevision = Code(.unknownRevision)
        /// The revision is refused before it reaches git (e.g. it starts with `-`).
        package static let invalidRevision = Code(.invalidRevision)
        /// `to` is not after `from`: the range would be empty or backwards.
        package static let emptyRange = Code(.emptyRange)
        /// git could not be started.
        package static let gitNotRunnable = Code(.gitNotRunnable)
        /// git ran and failed.
        package static let gitFailed = Code(.gitFailed)
        /// git printed something this reader does not understand.
        package static let malformedGitOutput = Code(.malformedGitOutput)
        /// Writing an archive failed.
        package static let writeFailed = Code(.writeFailed)
        /// `--since` / `--until` is not an accepted date form, names a time that does not exist, or the window is backwards.
        package static let invalidDate = Code(.invalidDate)
        /// A file that is neither an mbox nor a Maildir (nor an archive).
        package static let notAMailbox = Code(.notAMailbox)
        /// An option that makes no sense for this input (`--from` on an mbox file).
        package static let optionNotApplicable = Code(.optionNotApplicable)
        /// The repository is damaged: an object git needs (a message, a tree, a commit) is lost.
        package static let damagedArchive = Code(.damagedArchive)

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
