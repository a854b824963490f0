import Foundation
import Synchronization

/// Reads message blobs of one stripe of batches in-process, on a thread of its own: from the
/// pack files directly (`PackObjectReader`, when `packStores` is given), and through libgit2 for
/// whatever the packs do not answer (or for everything).
///
/// The in-process counterpart of `CatFileBatch`: no git process, no pipe, no copy of every blob
/// through the kernel; two of these inflate on both cores at once. It runs on a dedicated
/// thread rather than a task because each read blocks for the time inflating takes: on Swift's
/// cooperative pool (one thread per core) that would starve the tasks that merge and report.
/// A full `BatchChannel` blocks the thread, which bounds memory as before.
struct PackBatchReader: Sendable {
    /// This worker's batches, in the order they are to be delivered.
    var batches: [ArraySlice<CommitRef>]
    /// Epoch number → git directory.
    var gitDirectories: [Int: String]
    var channel: BatchChannel
    /// The epochs' mapped packs, shared with the other reading thread; nil: libgit2 reads all.
    var packStores: PackStores?
    /// Run on each batch on this thread before it is handed over (see `MailBatches.prepare`).
    var prepare: BatchPreparation?

    /// Starts the thread; it finishes `channel` (with an error if any) when done.
    func start() {
        let thread = Thread { run() }
        thread.name = "lore-digest pack reader"
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// Reads everything, sends each batch to `channel`, and finishes it.
    func run() {
        var epoch = OpenEpoch(number: -1)
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
                    if commit.epoch != epoch.number { epoch = try open(commit.epoch) }
                    mails.append(RawMail(commit: commit, bytes: try epoch.file(path, of: commit)))
                }
                // The pages of the packs read for this batch leave resident memory (the page
                // cache keeps them): a gigabyte pack is not held by the process.
                epoch.packs?.store.releaseResidentPages()
                let batch = prepare.map { ReadBatch(mails: [], prepared: $0(mails)) } ?? ReadBatch(mails: mails)
                guard channel.sendWaiting(batch) else { return }
            }
            channel.finish()
        } catch {
            channel.finish(.failure(error))
        }
    }

    /// Commits come epoch after epoch: the previous epoch's readers (pack maps, libgit2's windows
    /// and index maps) are let go, so memory follows one epoch, not the whole archive.
    private func open(_ number: Int) throws(InboxError) -> OpenEpoch {
        guard let gitDirectory = gitDirectories[number] else {
            throw InboxError(.gitFailed, "no epoch \(number) in this archive; resolve the range with the same Inbox")
        }
        let packs = packStores?.store(epoch: number, gitDirectory: gitDirectory).flatMap {
            PackObjectReader(store: $0.store, trees: $0.trees)
        }
        return OpenEpoch(number: number, gitDirectory: gitDirectory, packs: packs)
    }
}

/// One epoch as a reading thread reads it: from its packs when they answer, else through libgit2
/// (opened at the first question the packs leave to it).
private struct OpenEpoch {
    var number: Int
    var gitDirectory = ""
    var packs: PackObjectReader?
    var repository: PackRepository?

    mutating func file(_ path: String, of commit: CommitRef) throws(InboxError) -> [UInt8]? {
        switch packs?.file(path, of: commit.objectID) ?? .elsewhere {
        case .file(let bytes): return bytes
        case .noSuchFile: return nil
        case .elsewhere: return try libgit2().file(path, of: commit)
        }
    }

    private mutating func libgit2() throws(InboxError) -> PackRepository {
        if let repository { return repository }
        guard let opened = PackRepository(gitDirectory: gitDirectory) else {
            throw InboxError(
                .gitFailed,
                "\(gitDirectory) could not be opened for reading (libgit2 says '\(LibGit2.lastErrorMessage)'); set LORE_DIGEST_BLOB_READER=cat-file to read it with git"
            )
        }
        repository = opened
        return opened
    }
}

/// The mapped packs of the epochs being read, opened once for both reading threads (two mappings
/// of one pack would count its pages twice in resident memory), with the commits' trees the
/// listing read (`CommitTrees`).
final class PackStores: Sendable {
    struct Opened: Sendable {
        var store: PackObjectStore
        var trees: CommitTrees?
    }

    /// By epoch; nil for an epoch whose packs cannot be read here. Only the latest epoch asked
    /// for is kept: a thread still reading the one before holds its own reference.
    private let stores = Mutex<[Int: Opened?]>([:])

    func store(epoch: Int, gitDirectory: String) -> Opened? {
        stores.withLock { stores in
            if let known = stores[epoch] { return known }
            let opened = PackObjectStore(gitDirectory: gitDirectory).map {
                Opened(store: $0, trees: CommitTrees.take(for: gitDirectory))
            }
            stores = [epoch: opened]
            return opened
        }
    }
}
