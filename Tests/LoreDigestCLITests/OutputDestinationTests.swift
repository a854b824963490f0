import Foundation
import InboxReader
import Testing
import TestSupport

/// Where the output goes: `--output` onto what is already at the path, and standard output
/// that cannot be written, run on the built binary.
@Suite struct OutputDestinationTests {
    /// A two-mail archive to report on.
    private static func makeArchive(in directory: TemporaryDirectory) async throws -> String {
        let inbox = directory.url.appendingPathComponent("list")
        let mail = { (n: Int) in
            Array("From: A <a@example.com>\nSubject: [PATCH] fix \(n)\nMessage-ID: <\(n)@x>\n\nbody\n".utf8)
        }
        try await ArchiveWriter.writeEpoch(mails: [mail(1), mail(2)], to: inbox.appendingPathComponent("git/0.git").path)
        return inbox.path
    }

    private static func mode(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
    }

    private static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

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

    @Test func aCharacterDeviceIsWrittenThroughNotReplaced() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try await Self.makeArchive(in: directory)
        // /dev/null as the path: written to, not renamed over (which would need root, and break it).
        let null = try CommandRunner.loreDigest(["report", archive, "--output", "/dev/null"])
        #expect(null.exitCode == 0, "\(null.standardError)")
        var status = stat()
        #expect(stat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
        // A full disk there is an error, not a success.
        let full = try CommandRunner.loreDigest(["report", archive, "--output", "/dev/full"])
        #expect(full.exitCode == 1)
        #expect(full.standardOutput.isEmpty)
        #expect(full.standardError == "Error: cannot write '/dev/full': no space left on device; check the path and free space\n")
    }

    @Test func aFIFOIsWrittenThrough() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try await Self.makeArchive(in: directory)
        let fifo = directory.path + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        let binary = Self.quoted(CommandRunner.loreDigest.path)
        let script =
            "cat \(Self.quoted(fifo)) > \(Self.quoted(directory.path + "/read.txt")) & \(binary) report \(Self.quoted(archive)) --output \(Self.quoted(fifo)); status=$?; wait; exit $status"
        let result = try CommandRunner.shell(script)
        #expect(result.exitCode == 0, "\(result.standardError)")
        var status = stat()
        #expect(lstat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
        #expect(try String(contentsOfFile: directory.path + "/read.txt", encoding: .utf8).contains("[PATCH] fix 2"))
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
        let arguments = (command + [archive] + (command == ["index"] ? ["--index", directory.path + "/i.sqlite"] : []))
            .map(Self.quoted).joined(separator: " ")
        let result = try CommandRunner.shell("\(Self.quoted(CommandRunner.loreDigest.path)) \(arguments) > /dev/full")
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
        let status = directory.path + "/status"
        let errors = directory.path + "/errors"
        // The reader (`true`) is gone before the report is written; SIGPIPE is ignored, so the
        // write fails with EPIPE instead of killing the process.
        let script =
            "(trap '' PIPE; sleep 0.5; \(Self.quoted(CommandRunner.loreDigest.path)) report \(Self.quoted(archive)) 2>\(Self.quoted(errors)); echo $? > \(Self.quoted(status))) | true; wait"
        _ = try CommandRunner.shell(script)
        // The subshell may outlive `true`: wait for its status file.
        for _ in 0..<100 where !FileManager.default.fileExists(atPath: status) { usleep(100_000) }
        usleep(100_000)
        #expect(try String(contentsOfFile: status, encoding: .utf8) == "141\n")
        #expect(try String(contentsOfFile: errors, encoding: .utf8) == "")
    }
}
