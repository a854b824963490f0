import Foundation
import Glibc

/// The temporary archives of mbox and Maildir imports (`$TMPDIR/lore-digest-import-*`), and the
/// sweep that removes those a killed run left behind.
///
/// A run removes its own folder when it ends, or on SIGINT/SIGTERM/SIGHUP; kill -9 gives it no
/// chance. So each run holds an exclusive `flock` on the folder's `.lock` file from the moment
/// it creates the folder to its end (the kernel drops the lock when the process dies, however it
/// dies), and the next import removes every folder that:
/// - is named `lore-digest-import-*`, is a real directory (not a symbolic link) and belongs to
///   this user;
/// - was created more than ``staleAge`` ago (one hour: longer than any import takes to start
///   holding its lock, and than a run of a version that took no lock is likely to last);
/// - has a lock that no process holds (or no lock file: a folder of an older version).
enum StaleImports {
    /// The prefix of every import folder's name.
    static let prefix = "lore-digest-import-"
    /// How old a folder must be before it may be removed.
    static let staleAge: TimeInterval = 3600
    /// The lock file inside each folder.
    static let lockName = ".lock"

    /// Removes the stale import folders in `directory`; returns the paths removed. Never throws:
    /// a folder it cannot check or remove is left alone.
    @discardableResult
    static func sweep(in directory: String, now: Date = Date()) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var removed: [String] = []
        for name in names where name.hasPrefix(prefix) {
            let path = directory + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR, status.st_uid == geteuid() else {
                continue
            }
            let modified = TimeInterval(status.st_mtim.tv_sec)
            guard now.timeIntervalSince1970 - modified > staleAge else { continue }
            let lock = open(path + "/" + lockName, O_RDWR | O_NOFOLLOW | O_CLOEXEC)
            if lock >= 0 {
                defer { close(lock) }
                // Held: its run is alive. Kept while removing, so no new holder can appear.
                guard flock(lock, LOCK_EX | LOCK_NB) == 0 else { continue }
                if (try? FileManager.default.removeItem(atPath: path)) != nil { removed.append(path) }
            } else if errno == ENOENT {
                if (try? FileManager.default.removeItem(atPath: path)) != nil { removed.append(path) }
            }
        }
        return removed
    }

    /// Creates a new import folder in `directory` and takes its lock; the lock is held until the
    /// returned descriptor is closed.
    static func create(in directory: String) throws(InboxError) -> (path: String, lock: Int32) {
        let path = directory + "/" + prefix + UUID().uuidString
        guard mkdir(path, 0o700) == 0 else {
            throw InboxError(
                .writeFailed,
                "cannot create the temporary folder '\(path)': \(String(cString: strerror(errno)).lowercased()); check that TMPDIR is writable"
            )
        }
        let lock = open(path + "/" + lockName, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard lock >= 0, flock(lock, LOCK_EX | LOCK_NB) == 0 else {
            let reason = String(cString: strerror(errno)).lowercased()
            if lock >= 0 { close(lock) }
            try? FileManager.default.removeItem(atPath: path)
            throw InboxError(
                .writeFailed, "cannot lock the temporary folder '\(path)': \(reason); check that TMPDIR is writable")
        }
        return (path, lock)
    }
}
