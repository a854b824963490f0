internal import Foundation
import Glibc
internal import InboxReader

/// The lock of one `--since-last-run` state, held for the whole run.
///
/// Two runs of the same state at once would both read the same bookmark and both report the
/// same range. So a run takes an exclusive `flock` on `INDEX.state-NAME.lock`, beside the index,
/// before it reads the bookmark, and keeps it until it has saved the next one (the lock goes when
/// this value is released or the process ends, however it ends: the kernel drops it at exit,
/// even after kill -9). A second run of the same state is refused at once rather than left to
/// wait: a cron job that overlaps the previous one should not pile up behind it. Runs of other
/// states, and plain reports, are not held up.
///
/// The lock file is never removed: removing it would let a third run lock a new file while the
/// second still holds the old one. It holds the pid of the last run that took it, for the message.
package final class RunStateLock: Sendable {
    private let descriptor: Int32
    /// The lock file's path.
    package let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }

    /// `INDEX.state-NAME.lock`, with the bytes of NAME other than letters, digits, `-` and `_`
    /// written as `%XX` so that any name is one file name.
    package static func lockPath(indexPath: String, state: String) -> String {
        var encoded = ""
        for byte in state.utf8 {
            let scalar = Unicode.Scalar(byte)
            if (byte < 0x80 && (Character(scalar).isLetter || Character(scalar).isNumber)) || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "_")
            {
                encoded.append(Character(scalar))
            } else {
                encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return indexPath + ".state-" + encoded + ".lock"
    }

    /// Takes the lock of `state` of the index at `indexPath`, creating the lock file (and the
    /// index's folder) when missing.
    ///
    /// - Throws: `IndexError` `.stateInUse` when another run holds it; `.cannotOpen` when the lock
    ///   file cannot be created.
    package static func acquire(indexPath: String, state: String) throws(IndexError) -> RunStateLock {
        let path = lockPath(indexPath: indexPath, state: state)
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(
            atPath: folder.isEmpty ? "." : folder, withIntermediateDirectories: true)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw IndexError(
                .cannotOpen,
                "cannot create the lock file '\(path)' of the state '\(state)': \(reason.lowercased()); check that the index's folder is writable"
            )
        }
        if !ExclusiveLock.take(descriptor) {
            let holder = readPid(descriptor)
            close(descriptor)
            let who = holder.map { " (pid \($0))" } ?? ""
            throw IndexError(
                .stateInUse,
                "the state '\(state)' of the index '\(indexPath)' is in use by another --since-last-run\(who); wait for it to finish, then run again"
            )
        }
        // Our pid, for the message another run prints; failing to write it changes nothing.
        let pid = Array("\(getpid())\n".utf8)
        if ftruncate(descriptor, 0) == 0 {
            _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        }
        return RunStateLock(descriptor: descriptor, path: path)
    }

    private static func readPid(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
