import Foundation

/// A public-inbox archive on disk: a v2 inbox (`git/0.git`, `git/1.git`, …), one bare epoch,
/// or a v1 inbox (one bare repository with fan-out message paths).
package struct Inbox: Sendable {
    package enum Layout: Sendable, Hashable {
        /// A v2 inbox directory holding `git/N.git` epochs.
        case v2
        /// One bare git repository: a v2 epoch by itself (each commit's tree holds only `m`), or a
        /// v1 inbox (each commit adds one file at a fan-out path `aa/bbbb…`). `resolve` tells
        /// them apart by the newest commit's tree.
        case bareRepository
    }

    /// The path as given.
    package var path: String
    /// Epochs in numeric order (`10.git` after `9.git`).
    package var epochs: [Epoch]
    /// The directory name without `.git`; for `…/NAME/git/0.git`, NAME.
    package var displayName: String
    package var layout: Layout
    /// The mbox file or Maildir this archive was imported from (see `openOrImport`); nil for a
    /// public-inbox archive.
    package var importedFrom: ImportedMailbox?
    /// Keeps a temporary imported archive on disk while any copy of this value lives.
    var lease: TemporaryArchiveLease?

    package init(
        path: String, epochs: [Epoch], displayName: String, layout: Layout, importedFrom: ImportedMailbox? = nil
    ) {
        self.path = path
        self.epochs = epochs
        self.displayName = displayName
        self.layout = layout
        self.importedFrom = importedFrom
    }

    /// Finds the epochs of the archive at `path`. Looks only at the file system (no git process).
    ///
    /// - Throws: `InboxError` `.noSuchDirectory`, `.notAnArchive`, or `.emptyArchive` when no
    ///   epoch has a commit.
    package static func open(_ path: String) throws(InboxError) -> Inbox {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InboxError(
                .noSuchDirectory,
                "no such file or directory '\(path)'; give the path of a public-inbox archive, an mbox file or a Maildir"
            )
        }
        guard isDirectory.boolValue else { throw notAnArchive(path) }
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let trimmed = url.path
        let gitRoot = url.appendingPathComponent("git").path
        // What cannot be listed would look like no archive at all: say why instead.
        for folder in [path, gitRoot] where fileManager.fileExists(atPath: folder) && access(folder, R_OK | X_OK) != 0 {
            throw InboxError(
                .permissionDenied,
                "cannot read '\(folder)': permission denied; run as a user who can read the archive, or fix its permissions"
            )
        }
        let inbox: Inbox
        if let names = try? fileManager.contentsOfDirectory(atPath: gitRoot) {
            let epochs = names.compactMap { name -> Epoch? in
                guard name.hasSuffix(".git"), let number = Int(name.dropLast(4)), number >= 0,
                    String(number) == name.dropLast(4)
                else { return nil }
                let directory = gitRoot + "/" + name
                return isBareRepository(directory) ? Epoch(number: number, gitDirectory: directory) : nil
            }.sorted { $0.number < $1.number }
            guard !epochs.isEmpty else { throw notAnArchive(path) }
            inbox = Inbox(path: path, epochs: epochs, displayName: url.lastPathComponent, layout: .v2)
        } else if isBareRepository(trimmed) {
            let name = url.lastPathComponent
            var displayName = name.hasSuffix(".git") ? String(name.dropLast(4)) : name
            // `…/NAME/git/0.git` named directly: call it NAME.
            let parent = url.deletingLastPathComponent()
            if parent.lastPathComponent == "git", Int(displayName) != nil {
                displayName = parent.deletingLastPathComponent().lastPathComponent
            }
            inbox = Inbox(
                path: path, epochs: [Epoch(number: 0, gitDirectory: trimmed)], displayName: displayName,
                layout: .bareRepository)
        } else {
            throw notAnArchive(path)
        }
        guard inbox.epochs.contains(where: { hasCommits($0.gitDirectory) }) else {
            throw InboxError(
                .emptyArchive,
                "the archive '\(path)' has no commits (an empty repository); fetch or clone the archive first")
        }
        return inbox
    }

    private static func notAnArchive(_ path: String) -> InboxError {
        InboxError(
            .notAnArchive,
            "'\(path)' is not a public-inbox archive: expected git/0.git, … or a bare git repository; check the path")
    }

    /// A bare repository has `HEAD`, `objects/` and `refs/`.
    static func isBareRepository(_ directory: String) -> Bool {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        return fileManager.fileExists(atPath: directory + "/HEAD")
            && fileManager.fileExists(atPath: directory + "/objects", isDirectory: &isDirectory)
            && isDirectory.boolValue
            && fileManager.fileExists(atPath: directory + "/refs", isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Whether the branch HEAD names exists (loose or packed), without running git.
    static func hasCommits(_ gitDirectory: String) -> Bool {
        guard let head = try? String(contentsOfFile: gitDirectory + "/HEAD", encoding: .utf8) else { return false }
        let trimmedHead = head.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmedHead.hasPrefix("ref: ") else { return trimmedHead.count >= 40 }  // detached HEAD
        let ref = String(trimmedHead.dropFirst(5))
        if FileManager.default.fileExists(atPath: gitDirectory + "/" + ref) { return true }
        guard let packed = try? String(contentsOfFile: gitDirectory + "/packed-refs", encoding: .utf8) else {
            return false
        }
        return packed.split(separator: "\n").contains { $0.hasSuffix(" " + ref) }
    }

    /// The epoch whose number is `number`.
    func epoch(_ number: Int) -> Epoch? { epochs.first { $0.number == number } }
}
