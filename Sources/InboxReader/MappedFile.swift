import Glibc

/// A file mapped read-only into memory, for the pack and pack-index files that `PackObjectReader`
/// reads without a copy or a system call per object.
///
/// Pages read stay resident (and count in the process's memory) until ``releaseResidentPages()``
/// drops them from this mapping; the kernel's page cache keeps them, so a later read costs a minor
/// fault, not a disk read. git never rewrites a pack in place (a repack writes new files and
/// removes the old ones, whose mapping stays valid), so the bytes never change under the mapping.
final class MappedFile: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer

    /// Maps `path`; nil when it cannot be opened or mapped, or is empty.
    init?(path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size > 0 else { return nil }
        let size = Int(status.st_size)
        guard let base = mmap(nil, size, PROT_READ, MAP_SHARED, descriptor, 0), base != MAP_FAILED else { return nil }
        bytes = UnsafeRawBufferPointer(start: base, count: size)
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
    }

    /// Drops this mapping's resident pages (they stay in the page cache): reading a gigabyte pack
    /// must not leave a gigabyte in the process's resident memory.
    func releaseResidentPages() {
        _ = madvise(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count, MADV_DONTNEED)
    }
}
