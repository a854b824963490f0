import Foundation
import Glibc
import HistoryIndex
import InboxReader
import TestSupport
import Testing

/// One `--since-last-run` per state at a time, and a bookmark that no failed or misread run
/// moves, through the built binary.
@Suite struct RunStateLockTests {
    private static func messages(_ output: String) -> Int? {
        guard let line = output.split(separator: "\n").last(where: { $0.hasPrefix("Accounting: ") }) else { return nil }
        return Int(line.dropFirst("Accounting: ".count).prefix { $0.isNumber })
    }

    @Test func lockFileNamesEncodeTheState() {
        #expect(
            RunStateLock.lockPath(indexPath: "/x/i.sqlite", state: "weekly-1_a") == "/x/i.sqlite.state-weekly-1_a.lock")
        #expect(RunStateLock.lockPath(indexPath: "/x/i.sqlite", state: "a/b c") == "/x/i.sqlite.state-a%2Fb%20c.lock")
        #expect(RunStateLock.lockPath(indexPath: "i", state: "é") == "i.state-%C3%A9.lock")
    }

    @Test func aSecondHolderIsRefusedUntilTheFirstLetsGo() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let index = directory.path + "/sub/index.sqlite"
        var first: RunStateLock? = try RunStateLock.acquire(indexPath: index, state: "w")
        let error = #expect(throws: IndexError.self) { try RunStateLock.acquire(indexPath: index, state: "w") }
        #expect(error?.code == .stateInUse)
        #expect(
            error?.description
                == "the state 'w' of the index '\(index)' is in use by another --since-last-run (pid \(getpid())); wait for it to finish, then run again"
        )
        // Another state is not held up.
        _ = try RunStateLock.acquire(indexPath: index, state: "other")
        withExtendedLifetime(first) {}
        first = nil
        // A child that another test forks in this process holds a copy of the descriptor until it
        // execs (flock belongs to the open file, and O_CLOEXEC acts only at exec): under load that
        // can take a moment, so the lock is free again within a few seconds, not at once.
        var reacquired: RunStateLock?
        for _ in 0..<100 where reacquired == nil {
            reacquired = try? RunStateLock.acquire(indexPath: index, state: "w")
            if reacquired == nil { usleep(50_000) }
        }
        #expect(reacquired != nil)
    }

    @Test func aRunWhileTheStateIsLockedIsRefusedAndTheBookmarkStays() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try await SinceLastRunTests.recentArchive(count: 30, old: 10, in: directory)
        let indexPath = directory.path + "/index.sqlite"
        let arguments = ["report", path, "--since-last-run", "--state", "t", "--index", indexPath]
        let held = try RunStateLock.acquire(indexPath: indexPath, state: "t")
        let refused = try CommandRunner.loreDigest(arguments)
        #expect(refused.exitCode == 1)
        #expect(refused.standardOutput.isEmpty)
        #expect(
            refused.standardError
                == "Error: the state 't' of the index '\(indexPath)' is in use by another --since-last-run (pid \(getpid())); wait for it to finish, then run again\n"
        )
        withExtendedLifetime(held) {}
        if FileManager.default.fileExists(atPath: indexPath) {
            #expect(try MessageIndex.open(at: indexPath, create: false).runState(named: "t") == nil)
        }
    }

    /// Two runs of one state started together: the messages are reported once in all, never twice.
    @Test func twoRunsAtOnceNeverReportTheSameRange() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try await SinceLastRunTests.recentArchive(count: 30, old: 10, in: directory)
        for trial in 0..<3 {
            let indexPath = directory.path + "/index-\(trial).sqlite"
            // Built first, so that both runs spend their time on the same short step.
            _ = try CommandRunner.loreDigest(["index", path, "--index", indexPath])
            let arguments = ["report", path, "--since-last-run", "--state", "t", "--index", indexPath]
            let results = ConcurrentResults()
            DispatchQueue.concurrentPerform(iterations: 2) { run in
                let result = try? CommandRunner.loreDigest(arguments)
                results.set(run, (result?.standardOutput ?? "") + (result?.standardError ?? ""))
            }
            let outputs = results.all
            let reported = outputs.compactMap(Self.messages).reduce(0, +)
            #expect(reported == 18, "\(outputs)")
            for output in outputs where Self.messages(output) == nil {
                #expect(output.contains("is in use by another --since-last-run"), "\(output)")
            }
        }
    }

    @Test func aFullStandardOutputLeavesTheBookmark() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try await SinceLastRunTests.recentArchive(count: 30, old: 10, in: directory)
        let indexPath = directory.path + "/index.sqlite"
        // `exec`: the shell becomes the command, so nothing waits on a child.
        let result = try CommandRunner.run(
            URL(fileURLWithPath: "/bin/sh"),
            [
                "-c", "exec \"$0\" \"$@\" > /dev/full", CommandRunner.loreDigest.path, "report", path,
                "--since-last-run", "--state", "t",
                "--index", indexPath,
            ])
        #expect(result.exitCode == 1)
        // The first run's note (which window it took), then the one error line.
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("lore-digest: first run of the state 't' (no bookmark yet): ") == true)
        #expect(
            lines.last
                == "Error: cannot write to standard output: no space left on device; free space or write to another file with --output"
        )
        #expect(try MessageIndex.open(at: indexPath, create: false).runState(named: "t") == nil)
        // As root, a private node of /dev/full: a regression that renames over the path must not
        // destroy the real one.
        var device = "/dev/full"
        if geteuid() == 0 {
            device = directory.path + "/full"
            #expect(mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 7)) == 0)
        }
        let full = try CommandRunner.loreDigest(
            ["report", path, "--since-last-run", "--state", "t", "--index", indexPath, "--output", device])
        #expect(full.exitCode == 1)
        #expect(try MessageIndex.open(at: indexPath, create: false).runState(named: "t") == nil)
    }

    /// git reads `@0` as "now": a first run with `--since @0` then reported nothing and moved the
    /// bookmark to the head. It means 1970: every message.
    @Test func aFirstRunSinceEpochZeroReportsEverything() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try await SinceLastRunTests.recentArchive(count: 30, old: 10, in: directory)
        let indexPath = directory.path + "/index.sqlite"
        let result = try CommandRunner.loreDigest(
            ["report", path, "--since-last-run", "--state", "t", "--index", indexPath, "--since", "@0"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(Self.messages(result.standardOutput) == 27)  // 30 commits, 3 of them deletions

        let misread = try CommandRunner.loreDigest(
            ["report", path, "--since-last-run", "--state", "u", "--index", indexPath, "--since", "01/11/2022"])
        #expect(misread.exitCode == 1)
        #expect(
            misread.standardError
                == "Error: --since '01/11/2022' is not a date lore-digest reads; give YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] with an optional zone (Z, +02:00), @SECONDS, or a relative date such as '2 weeks ago' or yesterday\n"
        )
        #expect(try MessageIndex.open(at: indexPath, create: false).runState(named: "u") == nil)
    }
}

/// The outputs of runs started together.
private final class ConcurrentResults: @unchecked Sendable {
    private let lock = NSLock()
    private var outputs = ["", ""]
    func set(_ run: Int, _ output: String) { lock.withLock { outputs[run] = output } }
    var all: [String] { lock.withLock { outputs } }
}
