import Foundation
import Glibc
import InboxReader
import TestSupport
import Testing

/// Where the output goes: `--output` onto what is already at the path, and standard output
/// that cannot be written, run on the built binary.
@Suite struct OutputDestinationTests {
    /// A two-mail archive to report on.
    private static func makeArchive(in directory: TemporaryDirectory) async throws -> String {
        let inbox = directory.url.appendingPathComponent("list")
        let mail = { (n: Int) in
            Array("From: A <a@example.com>\nSubject: [PATCH] fix \(n)\nMessage-ID: <\(n)@x>\n\nbody\n".utf8)
        }
        try await ArchiveWriter.writeEpoch(
            mails: [mail(1), mail(2)], to: inbox.appendingPathComponent("git/0.git").path)
        return inbox.path
    }

    private static func mode(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
    }

    @Test func anExistingFileKeepsItsMode() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try await Self.makeArchive(in: directory)
        let report = directory.path + "/report.txt"
        try "old\n".write(toFile: report, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: report)
        let result = try CommandRunner.loreDigest(["report", archive, "--output", report])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(try Self.mode(report) == 0o600)
        #expect(try String(contentsOfFile: report, encoding: .utf8).contains("[PATCH] fix 2"))
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["list", "report.txt"])
    }

    @Test func aSymbolicLinkStaysALinkAndItsTargetIsReplaced() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try await Self.makeArchive(in: directory)
        try FileManager.default.createDirectory(atPath: directory.path + "/reports", withIntermediateDirectories: true)
        let target = directory.path + "/reports/week.txt"
        try "old\n".write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target)
        let link = directory.path + "/latest.txt"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "reports/week.txt")
        let result = try CommandRunner.loreDigest(["report", archive, "--output", link])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "reports/week.txt")
        #expect(try String(contentsOfFile: target, encoding: .utf8).contains("[PATCH] fix 2"))
        #expect(try Self.mode(target) == 0o640)
    }

    /// Character devices to write to: as root, private nodes of /dev/null and /dev/full in
    /// `directory` (device numbers 1:3 and 1:7, as Linux encodes small ones), so that a regression that renames over the path (as root, it can) destroys
    /// only those; as anyone else, /dev/null and /dev/full themselves, which they cannot replace.
    private static func devices(in directory: TemporaryDirectory) -> (null: String, full: String) {
        guard geteuid() == 0 else { return ("/dev/null", "/dev/full") }
        let null = directory.path + "/null"
        let full = directory.path + "/full"
        guard mknod(null, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0, mknod(full, S_IFCHR | 0o666, dev_t(1 << 8 | 7)) == 0
        else {
            // Root without CAP_MKNOD: refuse to risk the real devices.
            return (directory.path + "/no-null-device", directory.path + "/no-full-device")
        }
        return (null, full)
    }

    @Test func aCharacterDeviceIsWrittenThroughNotReplaced() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try await Self.makeArchive(in: directory)
        let (null, full) = Self.devices(in: directory)
        // Written to, not renamed over (which, as root, would put a file where the device was).
        let written = try CommandRunner.loreDigest(["report", archive, "--output", null])
        #expect(written.exitCode == 0, "\(written.standardError)")
        var status = stat()
        #expect(stat(null, &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
        // A full disk there is an error, not a success.
        let failed = try CommandRunner.loreDigest(["report", archive, "--output", full])
        #expect(failed.exitCode == 1)
        #expect(failed.standardOutput.isEmpty)
        #expect(
            failed.standardError
                == "Error: cannot write '\(full)': no space left on device; check the path and free space\n")
        #expect(stat(full, &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func aFIFOIsWrittenThrough() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try await Self.makeArchive(in: directory)
        let fifo = directory.path + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        // The reader: opening blocks until the command opens the FIFO to write.
        let received = ReceivedBytes()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            if let handle = FileHandle(forReadingAtPath: fifo) { received.set(handle.readDataToEndOfFile()) }
            done.signal()
        }
        let result = try CommandRunner.loreDigest(["report", archive, "--output", fifo])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(done.wait(timeout: .now() + 30) == .success)
        var status = stat()
        #expect(lstat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
        #expect(String(decoding: received.get(), as: UTF8.self).contains("[PATCH] fix 2"))
    }

    @Test func aDirectoryIsOneLine() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try await Self.makeArchive(in: directory)
        let result = try CommandRunner.loreDigest(["report", archive, "--output", directory.path])
        #expect(result.exitCode == 1)
        #expect(
            result.standardError
                == "Error: cannot write '\(directory.path)': it is a directory; give a file path for --output, e.g. '\(directory.path)/report.txt'\n"
        )
    }

    @Test(arguments: [["report"], ["messages"], ["index"]])
    func aFullStandardOutputIsOneLineAndExitOne(command: [String]) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try await Self.makeArchive(in: directory)
        let arguments = command + [archive] + (command == ["index"] ? ["--index", directory.path + "/i.sqlite"] : [])
        // `exec`: the shell becomes the command, so nothing waits on a child.
        let result = try CommandRunner.run(
            URL(fileURLWithPath: "/bin/sh"),
            ["-c", "exec \"$0\" \"$@\" > /dev/full", CommandRunner.loreDigest.path] + arguments)
        #expect(result.exitCode == 1)
        #expect(
            result.standardError
                == "Error: cannot write to standard output: no space left on device; free space or write to another file with --output\n"
        )
    }

    @Test func aClosedPipeEndsTheRunQuietlyWith141() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try await Self.makeArchive(in: directory)
        // A pipe whose reader is gone before the command starts; SIGPIPE ignored (as `trap '' PIPE`
        // in the parent does), so the write fails with EPIPE instead of killing the process.
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        close(ends[0])
        let errors = directory.path + "/errors"
        _ = FileManager.default.createFile(atPath: errors, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "trap '' PIPE; exec \"$0\" report \"$1\"", CommandRunner.loreDigest.path, archive]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle(fileDescriptor: ends[1], closeOnDealloc: false)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errors))
        try process.run()
        close(ends[1])
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 141)
        #expect(try String(contentsOfFile: errors, encoding: .utf8) == "")
    }
}

/// Bytes handed from a reader thread to the test.
private final class ReceivedBytes: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.withLock { data = value } }
    func get() -> Data { lock.withLock { data } }
}
