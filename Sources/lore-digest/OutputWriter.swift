import Foundation
import Glibc

/// Writes the output to standard output or, with `--output`, to a file, whole or not at all.
///
/// What `--output PATH` does depends on what is at PATH:
/// - nothing, or a regular file: a temporary file beside it is written, then renamed over it, so a
///   reader never sees half a report and a failed run leaves the old file; an existing file keeps
///   its permission bits (a 0600 report stays 0600);
/// - a symbolic link: the same, at the file the link points to (the link stays a link);
/// - a character device or a FIFO (`/dev/stdout`, `/dev/null`, a named pipe): written through,
///   never replaced, and a failed write (`/dev/full`) is an error;
/// - a directory, a block device or a socket: refused with one line.
struct OutputWriter {
    var path: String?

    /// What ``write(_:)-(Producer)`` hands its pieces to, in order.
    typealias Producer = (_ write: (String) throws -> Void) throws -> Void

    /// Pieces are gathered into blocks of this size before they are written.
    static let blockSize = 256 * 1024

    func write(_ text: String) throws {
        try write { write in try write(text) }
    }

    /// Writes the pieces `produce` hands over, in order, as one output (a file still appears
    /// whole or not at all): a report of a million messages is written as it is rendered,
    /// never held whole.
    func write(_ produce: Producer) throws {
        guard let path else {
            try Self.stream(produce) { bytes in try StandardOutput.write(bytes) }
            return
        }
        let target = try Self.resolveSymbolicLinks(path)
        var status = stat()
        guard stat(target, &status) == 0 else {
            let code = errno
            guard code == ENOENT else { throw Self.failure(path, reason: Self.describe(code)) }
            try Self.replace(target, shownAs: path, with: produce, mode: nil)
            return
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: try Self.replace(target, shownAs: path, with: produce, mode: status.st_mode & 0o7777)
        case S_IFCHR, S_IFIFO: try Self.writeThrough(target, shownAs: path, produce: produce)
        case S_IFDIR:
            throw CommandFailure(
                "cannot write '\(path)': it is a directory; give a file path for --output, e.g. '\(path)/report.txt'")
        default:
            throw CommandFailure(
                "cannot write '\(path)': it is neither a regular file, a character device nor a FIFO; give a file path for --output"
            )
        }
    }

    /// Writes a new file beside `target` and renames it over `target`.
    private static func replace(_ target: String, shownAs path: String, with produce: Producer, mode: mode_t?) throws {
        let directory = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        var template = Array(((directory.isEmpty ? "." : directory) + "/." + name + ".lore-digest-XXXXXX").utf8CString)
        // Safe to force unwrap: the template is never empty.
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw failure(path, reason: describe(errno), remedy: "check that its folder exists and is writable")
        }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var renamed = false
        defer {
            if !renamed { unlink(temporary) }
        }
        do {
            defer { close(descriptor) }
            // mkstemp makes 0600: an existing file keeps its own mode, a new one gets what the
            // umask allows (as the shell's `>` would).
            let umaskValue = umask(0)
            umask(umaskValue)
            let wanted = mode ?? (0o666 & ~umaskValue)
            if fchmod(descriptor, wanted) != 0 { throw failure(path, reason: describe(errno)) }
            try stream(produce) { bytes in try writeAll(descriptor, bytes, path: path) }
            if fsync(descriptor) != 0 { throw failure(path, reason: describe(errno)) }
        }
        guard rename(temporary, target) == 0 else {
            throw failure(path, reason: describe(errno), remedy: "check that its folder is writable")
        }
        renamed = true
    }

    /// Writes into a device or FIFO that is already there.
    private static func writeThrough(_ target: String, shownAs path: String, produce: Producer) throws {
        let descriptor = open(target, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path, reason: describe(errno)) }
        defer { close(descriptor) }
        try stream(produce) { bytes in try writeAll(descriptor, bytes, path: path) }
    }

    /// Hands `sink` the UTF-8 bytes of the pieces `produce` gives, gathered into blocks of
    /// ``blockSize`` (a piece at least that large goes on its own, without a copy).
    static func stream(_ produce: Producer, to sink: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        // The sink is called only while `produce` runs, and never from within itself.
        try withoutActuallyEscaping(sink) { sink in
            var block: [UInt8] = []
            block.reserveCapacity(blockSize)
            func flush() throws {
                guard !block.isEmpty else { return }
                try block.withUnsafeBufferPointer(sink)
                block.removeAll(keepingCapacity: true)
            }
            try produce { piece in
                try withUTF8(of: piece) { bytes in
                    if block.count + bytes.count > blockSize { try flush() }
                    if bytes.count >= blockSize {
                        try sink(bytes)
                    } else {
                        block.append(contentsOf: bytes)
                    }
                }
            }
            try flush()
        }
    }

    /// Follows a chain of symbolic links to the path it ends at (which may not exist yet).
    private static func resolveSymbolicLinks(_ path: String) throws -> String {
        var current = path
        for _ in 0..<40 {
            var status = stat()
            guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length >= 0 else { throw failure(path, reason: describe(errno)) }
            let destination = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current =
                destination.hasPrefix("/")
                ? destination
                : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
        }
        throw failure(path, reason: describe(ELOOP))
    }

    /// Writes all of `bytes`, through short writes and interruptions.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeBufferPointer<UInt8>, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw failure(path, reason: describe(errno))
            }
            offset += written
        }
    }

    /// The text's UTF-8 bytes in place: a report of a million messages is hundreds of MB, and
    /// `Array(text.utf8)` would hold it twice.
    static func withUTF8<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows
        -> Result
    {
        var text = text  // shares the storage; `withUTF8` copies only a string that is not native UTF-8
        return try text.withUTF8(body)
    }

    static func failure(_ path: String, reason: String, remedy: String = "check the path and free space")
        -> CommandFailure
    {
        CommandFailure("cannot write '\(path)': \(reason); \(remedy)")
    }

    /// `strerror`, in lower case as the rest of the line: "no space left on device".
    static func describe(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }
}

/// Standard output, written with `write(2)` so that a failure is an error, not a crash.
///
/// `FileHandle.write(_:)` traps when the write fails and `print` drops the error; a full disk
/// (`> /dev/full`) or a closed pipe must end the run with one line instead, before any bookmark
/// moves.
enum StandardOutput {
    /// The reader of standard output went away (`| head` with SIGPIPE ignored). The run ends
    /// quietly with 141, the shell's status for a process ended by SIGPIPE, as `git log | head`
    /// would: the reader chose to stop, and the status still says the output was cut.
    struct ClosedPipe: Error {
        static let exitCode: Int32 = 128 + SIGPIPE
    }

    static func write(_ text: String) throws {
        try OutputWriter.withUTF8(of: text) { bytes in try write(bytes) }
    }

    static func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(STDOUT_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                let code = errno
                if code == EINTR { continue }
                if code == EPIPE { throw ClosedPipe() }
                throw CommandFailure(
                    "cannot write to standard output: \(OutputWriter.describe(code)); free space or write to another file with --output"
                )
            }
            offset += written
        }
    }
}

/// A run-time failure of the command: one line, what is wrong and what to do.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
