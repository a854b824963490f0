import Foundation

/// Reads message blobs of one stripe of batches in-process (libgit2), on a thread of its own.
///
/// The in-process counterpart of `CatFileBatch`: no git process, no pipe, no copy of every blob
/// through the kernel; two of these inflate on both cores at once. It runs on a dedicated
/// thread rather than a task because each read blocks for the time zlib takes: on Swift's
/// cooperative pool (one thread per core) that would starve the tasks that merge and report.
/// A full `BatchChannel` blocks the thread, which bounds memory as before.
struct PackBatchReader: Sendable {
    /// This worker's batches, in the order they are to be delivered.
    var batches: [ArraySlice<CommitRef>]
    /// Epoch number → git directory.
    var gitDirectories: [Int: String]
    var channel: BatchChannel

    /// Starts the thread; it finishes `channel` (with an error if any) when done.
    func start() {
        let thread = Thread { run() }
        thread.name = "lore-digest pack reader"
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// Reads everything, sends each batch to `channel`, and finishes it.
    func run() {
        var repositories: [Int: PackRepository] = [:]
        do throws(InboxError) {
            for batch in batches {
                var mails: [RawMail] = []
                mails.reserveCapacity(batch.count)
                for commit in batch {
                    // A v1 deletion has no message path: delivered in place, as by cat-file.
                    guard let path = commit.messagePath else {
                        mails.append(RawMail(commit: commit, bytes: nil))
                        continue
                    }
                    let repository = try repository(for: commit.epoch, in: &repositories)
                    mails.append(RawMail(commit: commit, bytes: try repository.file(path, of: commit)))
                }
                guard channel.sendWaiting(mails) else { return }
            }
            channel.finish()
        } catch {
            channel.finish(.failure(error))
        }
    }

    private func repository(for epoch: Int, in open: inout [Int: PackRepository]) throws(InboxError) -> PackRepository {
        if let repository = open[epoch] { return repository }
        guard let gitDirectory = gitDirectories[epoch] else {
            throw InboxError(.gitFailed, "no epoch \(epoch) in this archive; resolve the range with the same Inbox")
        }
        guard let repository = PackRepository(gitDirectory: gitDirectory) else {
            throw InboxError(
                .gitFailed,
                "\(gitDirectory) could not be opened for reading (libgit2 says '\(LibGit2.lastErrorMessage)'); set LORE_DIGEST_BLOB_READER=cat-file to read it with git"
            )
        }
        // Commits come epoch after epoch: the previous epoch's repository (its pack index maps and
        // windows) is let go, so memory follows one epoch, not the whole archive.
        open = [epoch: repository]
        return repository
    }
}
