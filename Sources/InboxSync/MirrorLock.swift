import Glibc
internal import InboxReader

/// An exclusive lock on a mirror for the length of one sync, so that two syncs into the same
/// directory (two cron jobs, a cron job and a person) cannot clone or fetch over each other.
///
/// The lock is `flock` on the mirror's `git/` folder itself: no lock file is left behind, and the
/// kernel drops the lock when the process ends, however it ends, so a killed sync never leaves
/// the mirror locked.
final class MirrorLock {
    private var descriptor: Int32

    /// - Throws: `SyncError` `.busy` when another sync holds the lock, `.fileSystem` when the
    ///   folder cannot be opened.
    init(_ gitFolder: String, directory: String) throws(SyncError) {
        descriptor = open(gitFolder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw SyncError(.fileSystem, "cannot open '\(gitFolder)' to lock it; check the path and permissions")
        }
        guard ExclusiveLock.take(descriptor) else {
            close(descriptor)
            throw SyncError(
                .busy, "another sync into '\(directory)' is running; wait for it to finish, then sync again")
        }
    }

    /// Releases the lock; the sync calls it when it is done (`deinit` does too, as a backstop).
    func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit {
        release()
    }
}
