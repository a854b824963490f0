internal import Foundation

/// A temporary file removed from its folder as soon as it is made: it lives while it is open and
/// goes with the process, however the process ends. What a report spools (entries' text, the
/// thread view of a large range) waits in one.
struct UnlinkedFile: ~Copyable, Sendable {
    let descriptor: Int32

    /// A file in `folder`, named after `prefix`; nil when none can be made there.
    init?(folder: String, prefix: String) {
        var template = Array((folder.hasSuffix("/") ? folder : folder + "/").utf8CString.dropLast())
        template += Array("\(prefix)-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.descriptor = descriptor
    }

    deinit { _ = close(descriptor) }

    /// Writes all of `bytes` at `offset`; false on an I/O error.
    func write(_ bytes: UnsafeRawBufferPointer, at offset: Int64) -> Bool {
        var done = 0
        while done < bytes.count {
            let count = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset) + off_t(done))
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            done += count
        }
        return true
    }

    /// Writes `pending` after the file's first `written` bytes, then counts them written and
    /// empties `pending`; false (both left as they were) on an I/O error.
    func write(pending: inout [UInt8], after written: inout Int64) -> Bool {
        let offset = written
        guard pending.withUnsafeBytes({ write($0, at: offset) }) else { return false }
        written += Int64(pending.count)
        pending.removeAll(keepingCapacity: true)
        return true
    }

    /// Reads `length` bytes at `offset` into `buffer`; the error number on failure (`EIO` for a
    /// file shorter than asked).
    func read(into buffer: UnsafeMutableRawPointer, length: Int, at offset: Int64) -> Int32? {
        var done = 0
        while done < length {
            let count = pread(descriptor, buffer + done, length - done, off_t(offset) + off_t(done))
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return count < 0 ? errno : EIO }
            done += count
        }
        return nil
    }
}
