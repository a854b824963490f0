import Foundation
import TestSupport
import Testing

/// A run interrupted by a signal removes its temporary archive and ends with the shell's status
/// for that signal, with no error line of its own.
@Suite struct InterruptTests {
    /// An mbox big enough that its import is still under way when the signal comes.
    private static func writeBigMbox(to path: String) throws {
        var text = ""
        text.reserveCapacity(20_000_000)
        let body = String(repeating: "a line of the body of this patch\n", count: 30)
        for index in 0..<40_000 {
            text += "From a@b Mon Jan  1 00:00:00 2024\nFrom: P\(index % 50) <p\(index % 50)@example.org>\n"
            text += "Subject: [PATCH] fix \(index)\nDate: Mon, 1 Jan 2024 00:\(10 + index % 50):00 +0000\n"
            text += "Message-ID: <\(index)@example.org>\n\n\(body)\n"
        }
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalRemovesTheTemporaryArchive(signal: Int32) throws {
        let work = try TemporaryDirectory("lore-digest-interrupt")
        defer { work.remove() }
        let temporary = work.url.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let mbox = work.url.appendingPathComponent("big.mbox").path
        try Self.writeBigMbox(to: mbox)

        let process = Process()
        process.executableURL = CommandRunner.loreDigest
        process.arguments = ["report", mbox]
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = temporary.path
        process.environment = environment
        let errors = work.url.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()

        // Wait until the import has started (reading and ordering 40,000 mails comes first, and a
        // debug build on a loaded machine is slow), then interrupt it.
        var started = false
        for _ in 0..<6000 where !started {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
            started = names.contains { $0.hasPrefix("lore-digest-import-") }
            if !started { usleep(10_000) }
        }
        try #require(started, "the import never started")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()

        #expect(process.terminationStatus == 128 + signal)
        // Removed at once, and swept once more just after the process is gone (see SignalCleanup).
        var left = try FileManager.default.contentsOfDirectory(atPath: temporary.path)
        for _ in 0..<100 where !left.isEmpty {
            usleep(50_000)
            left = try FileManager.default.contentsOfDirectory(atPath: temporary.path)
        }
        #expect(left.isEmpty, "left behind: \(left)")
        #expect(try String(contentsOf: errors, encoding: .utf8).isEmpty)
    }
}
