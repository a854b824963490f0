import Foundation
internal import InboxReader

/// The local side of a sync: a directory that is absent, empty, or a v2 mirror (`git/N.git`).
///
/// A mirror is a directory with a `git/` folder that holds only epochs (`N.git` bare repositories)
/// and clones left by an interrupted sync (`.N.git.partial`); other entries beside `git/` (the
/// `all.git`, `msgmap.sqlite3`, … that public-inbox tools add) are left alone. Anything else (a
/// file, a non-empty directory without `git/`, a `git/` holding other things) is refused, so `sync`
/// never writes into a folder it did not make.
struct MirrorDirectory: Sendable {
    /// The directory as given.
    let path: String
    /// Epochs already mirrored, in numeric order.
    private(set) var localEpochs: [Int]

    var gitFolder: String { path + "/git" }
    func epochDirectory(_ number: Int) -> String { gitFolder + "/\(number).git" }
    /// Where an epoch is cloned before it is renamed into place: a name `Inbox.open` ignores.
    func partialDirectory(_ number: Int) -> String { gitFolder + "/.\(number).git.partial" }

    /// Checks `path` without changing anything: absent, empty, or a v2 mirror.
    /// - Throws: `SyncError` `.directoryHoldsSomethingElse`.
    static func inspect(_ path: String) throws(SyncError) -> MirrorDirectory {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        var mirror = MirrorDirectory(path: path, localEpochs: [])
        if files.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw somethingElse(path, "it is a file")
            }
            let entries = (try? files.contentsOfDirectory(atPath: path)) ?? []
            if !entries.isEmpty {
                mirror.localEpochs = try existingEpochs(path, entries: entries)
            }
        }
        return mirror
    }

    /// Creates the directory and its `git/` folder when they are missing.
    /// - Throws: `SyncError` `.fileSystem`.
    func create() throws(SyncError) {
        do {
            try FileManager.default.createDirectory(atPath: gitFolder, withIntermediateDirectories: true)
        } catch {
            throw SyncError(
                .fileSystem,
                "cannot create '\(gitFolder)' (\(error.localizedDescription)); check the path and permissions")
        }
    }

    /// The epochs of a non-empty `path`, which must be a v2 mirror.
    private static func existingEpochs(_ path: String, entries: [String]) throws(SyncError) -> [Int] {
        let files = FileManager.default
        guard entries.contains("git") else {
            throw somethingElse(path, "it is not empty and has no git/ folder of epochs")
        }
        let gitFolder = path + "/git"
        guard let names = try? files.contentsOfDirectory(atPath: gitFolder) else {
            throw somethingElse(path, "its git/ is not a readable folder")
        }
        var epochs: [Int] = []
        for name in names {
            if name.hasPrefix("."), name.hasSuffix(".git.partial") { continue }  // an interrupted clone
            guard let number = Manifest.epochNumber("git/" + name),
                files.fileExists(atPath: "\(gitFolder)/\(name)/HEAD"),
                files.fileExists(atPath: "\(gitFolder)/\(name)/objects")
            else {
                throw somethingElse(path, "git/\(name) is not an epoch (a bare repository named N.git)")
            }
            epochs.append(number)
        }
        // No epoch yet (a first sync stopped before its first clone finished): start over.
        return epochs.sorted()
    }

    private static func somethingElse(_ path: String, _ reason: String) -> SyncError {
        SyncError(
            .directoryHoldsSomethingElse,
            "'\(path)' holds something else than an inbox mirror (\(reason)); give an empty or new directory, or an existing mirror"
        )
    }

    /// Removes what an interrupted clone of `number` left.
    func removePartial(_ number: Int) throws(SyncError) {
        let partial = partialDirectory(number)
        guard FileManager.default.fileExists(atPath: partial) else { return }
        do {
            try FileManager.default.removeItem(atPath: partial)
        } catch {
            throw SyncError(
                .fileSystem,
                "cannot remove the interrupted clone '\(partial)' (\(error.localizedDescription)); remove it by hand")
        }
    }

    /// Removes the `*.lock` files a killed git left in epoch `number` (`packed-refs.lock`,
    /// `config.lock`, `refs/heads/master.lock`, …), which would make every later fetch fail.
    /// Called with the mirror's lock held: no other sync runs, and a killed sync's git died
    /// with it (``Program/runTied(_:_:environment:)``), so every lock left is stale.
    /// - Returns: the locks removed, relative to the epoch's folder.
    @discardableResult
    func removeStaleLocks(_ number: Int) throws(SyncError) -> [String] {
        let epoch = epochDirectory(number)
        var removed: [String] = []
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: epoch)) ?? []).filter {
            $0.hasSuffix(".lock")
        }
        let refLocks = (FileManager.default.enumerator(atPath: epoch + "/refs")?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".lock") }.map { "refs/" + $0 }
        for name in names + refLocks {
            do {
                try FileManager.default.removeItem(atPath: epoch + "/" + name)
            } catch {
                throw SyncError(
                    .fileSystem,
                    "cannot remove the stale lock '\(epoch)/\(name)' a killed sync left (\(error.localizedDescription)); remove it by hand"
                )
            }
            removed.append(name)
        }
        return removed
    }

    /// Renames a finished clone into place as `git/N.git`.
    func commitPartial(_ number: Int) throws(SyncError) {
        do {
            try FileManager.default.moveItem(atPath: partialDirectory(number), toPath: epochDirectory(number))
        } catch {
            throw SyncError(
                .fileSystem,
                "cannot rename the clone of epoch \(number) into '\(epochDirectory(number))' (\(error.localizedDescription)); check permissions"
            )
        }
    }
}
