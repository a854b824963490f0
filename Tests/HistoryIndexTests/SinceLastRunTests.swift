import Foundation
import HistoryIndex
import InboxReader
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `report --since-last-run`: the range after the bookmark, and a bookmark that advances only
/// after the report was written, through the library and through the built binary.
struct SinceLastRunTests {
    static let now = Int64(Date().timeIntervalSince1970)

    /// `count` mails: the first `old` 30 days old, the rest within the last day.
    static func recentArchive(count: Int, old: Int, in directory: TemporaryDirectory) async throws -> String {
        let times = (0..<count).map { index in
            index < old ? now - 30 * 86_400 + Int64(index) : now - 86_400 + Int64(index)
        }
        return try await SyntheticArchive.write(count: count, in: directory, commitTimes: times)
    }

    @Test func theFirstRunTakesTheLastSevenDaysAndTheNextOnlyWhatCameAfter() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try await Self.recentArchive(count: 40, old: 25, in: directory)
        let gitDirectory = path + "/git/0.git"
        let head = try SyntheticArchive.revParse(gitDirectory, "HEAD")
        try SyntheticArchive.git(gitDirectory, ["update-ref", "refs/heads/master", "HEAD~6"])
        let inbox = try Inbox.open(path)
        let index = try MessageIndex.open(at: directory.path + "/index.sqlite", create: true)

        let first = try await SinceLastRun.resolve(
            inbox: inbox, name: "weekly", previous: try index.runState(named: "weekly"),
            firstRunSince: Self.now - SinceLastRun.firstRunWindow, now: Self.now)
        #expect(first.previous == nil)
        #expect(first.commits.count == 9)
        #expect(first.next.epochs[0]?.commit == (try SyntheticArchive.revParse(gitDirectory, "HEAD")))
        try index.save(first.next)

        try SyntheticArchive.git(gitDirectory, ["update-ref", "refs/heads/master", head])
        try await SyntheticArchive.write(count: 3, in: directory, epoch: 1, offset: 40)
        let grown = try Inbox.open(path)
        let second = try await SinceLastRun.resolve(
            inbox: grown, name: "weekly", previous: try index.runState(named: "weekly"),
            firstRunSince: 0, now: Self.now)
        #expect(second.commits.count == 6 + 3)  // 6 in epoch 0, all of the new epoch 1
        #expect(second.commits.first?.oid == (try SyntheticArchive.revParse(gitDirectory, "HEAD~5")))
        #expect(second.fromLabel.map { head.hasPrefix($0) } == false)
        try index.save(second.next)
        let third = try await SinceLastRun.resolve(
            inbox: grown, name: "weekly", previous: try index.runState(named: "weekly"), firstRunSince: 0, now: Self.now
        )
        #expect(third.commits.isEmpty)
        // Another name has its own bookmark.
        let other = try await SinceLastRun.resolve(
            inbox: grown, name: "daily", previous: try index.runState(named: "daily"),
            firstRunSince: Self.now - SinceLastRun.firstRunWindow, now: Self.now)
        #expect(other.commits.count == 15)
    }

    // MARK: - Through the binary

    private static func messages(_ output: String) -> Int? {
        guard let line = output.split(separator: "\n").last(where: { $0.hasPrefix("Accounting: ") }) else { return nil }
        return Int(line.dropFirst("Accounting: ".count).prefix { $0.isNumber })
    }

    @Test func dryRunAndAFailedWriteNeverAdvanceTheBookmark() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try await Self.recentArchive(count: 30, old: 10, in: directory)
        let indexPath = directory.path + "/index.sqlite"
        let run = { (extra: [String]) throws -> CommandResult in
            try CommandRunner.loreDigest(
                ["report", path, "--since-last-run", "--state", "t", "--index", indexPath] + extra,
                cacheHome: directory.path + "/cache")
        }
        let dry = try run(["--dry-run"])
        #expect(dry.exitCode == 0, "\(dry.standardError)")
        #expect(Self.messages(dry.standardOutput) == 18)  // 20 recent commits, 2 of them deletions
        #expect(dry.standardError.contains("dry run: the state 't' was not advanced"))
        #expect(try MessageIndex.open(at: indexPath, create: false).runState(named: "t") == nil)

        // The report is built, then cannot be written: nothing advances.
        let failed = try run(["--output", directory.path + "/no/such/folder/report.txt"])
        #expect(failed.exitCode != 0)
        #expect(failed.standardError.contains("cannot write"))
        #expect(try MessageIndex.open(at: indexPath, create: false).runState(named: "t") == nil)

        let real = try run([])
        #expect(real.exitCode == 0, "\(real.standardError)")
        #expect(Self.messages(real.standardOutput) == 18)
        #expect(try MessageIndex.open(at: indexPath, create: false).runState(named: "t") != nil)
        let again = try run([])
        #expect(Self.messages(again.standardOutput) == 0)
        #expect(again.standardError.contains("nothing new"))
    }

    @Test func theOptionsAreChecked() throws {
        for (arguments, message) in [
            (["--state", "x"], "--state requires --since-last-run"),
            (["--since-last-run"], "--since-last-run needs --state NAME"),
            (["--dry-run"], "--dry-run requires --since-last-run"),
            (["--since-last-run", "--state", "x", "--from", "HEAD~1"], "cannot be combined with --from or --to"),
            (["--since-last-run", "--state", "x", "--no-index"], "cannot be combined with --no-index"),
            (["--no-index", "--index", "/tmp/x.sqlite"], "--no-index and --index exclude each other"),
        ] {
            let result = try CommandRunner.loreDigest(["report"] + arguments)
            #expect(result.exitCode == 64)
            #expect(result.standardError.contains(message), "\(arguments): \(result.standardError)")
        }
    }

    /// kill -9 at several moments of a run (indexing, building, writing): the bookmark never
    /// advances and the database stays sound; a run left alone then completes.
    @Test func aKilledRunNeverAdvancesOrCorruptsTheBookmark() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let count = 4000
        let path = try await Self.recentArchive(count: count, old: 0, in: directory)
        let indexPath = directory.path + "/index.sqlite"
        let arguments = ["report", path, "--since-last-run", "--state", "k", "--index", indexPath]
        var killedWhileRunning = 0
        for delay in [0.05, 0.2, 0.5, 1.0, 2.0] {
            let process = Process()
            process.executableURL = CommandRunner.loreDigest
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            try await Task.sleep(for: .seconds(delay))
            let finished = !process.isRunning
            kill(process.processIdentifier, SIGKILL)
            if !finished { killedWhileRunning += 1 }
            process.waitUntilExit()
            guard FileManager.default.fileExists(atPath: indexPath) else { continue }
            let index = try MessageIndex.open(at: indexPath, create: false)
            #expect(try index.integrityCheck() == "ok")
            // A run killed while running leaves no bookmark, unless the kill came after its last
            // step (the bookmark is saved once the report was written) while the process was
            // still ending: then the bookmark holds the whole range, never a part of it.
            if !finished, let state = try index.runState(named: "k") {
                #expect(
                    state.epochs[0]?.commit == (try SyntheticArchive.revParse(path + "/git/0.git", "HEAD")),
                    "killed after \(delay) s")
            }
        }
        #expect(killedWhileRunning >= 2)
        let complete = try CommandRunner.loreDigest(arguments)
        #expect(complete.exitCode == 0, "\(complete.standardError)")
        let index = try MessageIndex.open(at: indexPath, create: false)
        #expect(
            try index.runState(named: "k")?.epochs[0]?.commit
                == (try SyntheticArchive.revParse(path + "/git/0.git", "HEAD")))
        #expect(try index.messageCount() == count)
    }
}
