internal import Foundation
internal import Glibc
internal import InboxReader

/// The site's folder: every file is written whole or not at all (a temporary file in the folder,
/// then `rename(2)` over the old one), so a web server never serves half a page and a failed run
/// leaves the previous site.
struct SiteDirectory {
    let path: String
    /// The open lock file; held (`flock`) for the whole run so that two runs cannot interleave.
    private let lockDescriptor: Int32

    /// Creates the folder when missing and takes its lock.
    /// - Throws: ``PublishError`` `.cannotCreateDirectory`, `.siteInUse`.
    init(path: String) throws(PublishError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw PublishError(
                    .cannotCreateDirectory, "'\(path)' is a file, not a folder; give a folder for the site")
            }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw PublishError(
                    .cannotCreateDirectory,
                    "cannot create the site folder '\(path)': \(Self.reason(error)); check that its parent is writable")
            }
        }
        self.path = path
        let lockPath = (path as NSString).appendingPathComponent(".lore-digest-site.lock")
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw PublishError(
                .cannotWrite,
                "cannot write into the site folder '\(path)': \(Self.describe(errno)); check its permissions")
        }
        guard ExclusiveLock.take(descriptor) else {
            Glibc.close(descriptor)
            throw PublishError(
                .siteInUse, "another 'lore-digest publish' is writing into '\(path)'; wait for it to finish")
        }
        lockDescriptor = descriptor
    }

    /// Releases the lock.
    func close() {
        Glibc.close(lockDescriptor)
    }

    func exists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(name))
    }

    /// Writes `bytes` as `name` in the folder: a temporary file beside it, synced, then renamed
    /// over it. New files get the mode the umask allows (as the shell's `>` would).
    /// - Throws: ``PublishError`` `.cannotWrite`.
    func write(_ name: String, _ bytes: [UInt8]) throws(PublishError) {
        let target = (path as NSString).appendingPathComponent(name)
        var template = Array((path + "/." + name + ".tmp-XXXXXX").utf8CString)
        // Safe to force unwrap: the template is never empty.
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw failure(name, errno) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var renamed = false
        defer { if !renamed { unlink(temporary) } }
        let mask = umask(0)
        umask(mask)
        var code: Int32 = 0
        if fchmod(descriptor, 0o666 & ~mask) != 0 { code = errno }
        var offset = 0
        while code == 0 && offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno != EINTR { code = errno }
                continue
            }
            offset += written
        }
        if code == 0 && fsync(descriptor) != 0 { code = errno }
        Glibc.close(descriptor)
        if code != 0 { throw failure(name, code) }
        guard rename(temporary, target) == 0 else { throw failure(name, errno) }
        renamed = true
    }

    /// Removes `name` when it is there (a week no longer published).
    func remove(_ name: String) {
        unlink((path as NSString).appendingPathComponent(name))
    }

    private func failure(_ name: String, _ code: Int32) -> PublishError {
        PublishError(
            .cannotWrite,
            "cannot write '\((path as NSString).appendingPathComponent(name))': \(Self.describe(code)); check free space and the folder's permissions"
        )
    }

    private static func describe(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedDescription
    }
}
