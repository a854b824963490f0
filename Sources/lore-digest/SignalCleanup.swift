import Dispatch
import Foundation
import InboxReader

/// On SIGINT, SIGTERM or SIGHUP: remove this run's temporary folders, then end with the shell's
/// status for that signal (128 + its number), so the caller (a shell, cron) sees how the run ended.
///
/// Removing the folders makes the work under way fail (git cannot write any more); the run's own
/// error path checks ``isInterrupted`` and stays quiet, so the user sees no misleading error.
enum SignalCleanup {
    /// Kept alive for the whole run.
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []
    private static let interrupted = NSLock()
    nonisolated(unsafe) private static var signalNumber: Int32 = 0

    static func install() {
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                interrupted.withLock { signalNumber = number }
                // Ending the children below breaks the pipes we write to; that must fail our
                // writes quietly (the run is ending), not kill us by SIGPIPE before the cleanup.
                signal(SIGPIPE, SIG_IGN)
                // Our git children (fast-import above all) would go on writing into the folders,
                // and recreate them, after we removed them: end them first. A Ctrl-C reaches them
                // anyway (the terminal signals the whole process group); `kill PID` does not.
                endChildren()
                sweepAfterExit(TemporaryPaths.removeAll())
                _exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Sends SIGKILL to every direct child of this process (found in /proc) and reaps it.
    private static func endChildren() {
        let me = getpid()
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return }
        for entry in entries {
            guard let pid = Int32(entry), pid != me,
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            // After "pid (comm)": state, then the parent's pid.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, Int32(fields[1]) == me else { continue }
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
    }

    /// Removes `paths` once more after this process is gone: one of our own threads may create a
    /// folder again (the import makes its directories in-process) between the removal above and
    /// `_exit`. A detached `sh` waits for our pid to disappear, then removes them; the paths are
    /// its arguments, never part of the script.
    private static func sweepAfterExit(_ paths: [String]) {
        guard !paths.isEmpty else { return }
        let sweeper = Process()
        sweeper.executableURL = URL(fileURLWithPath: "/bin/sh")
        let script = "while kill -0 \"$1\" 2>/dev/null; do sleep 0.05; done; shift; rm -rf -- \"$@\""
        sweeper.arguments = ["-c", script, "lore-digest-sweep", String(getpid())] + paths
        // Not the caller's pipes: a shell pipeline must not wait for the sweeper.
        sweeper.standardInput = FileHandle.nullDevice
        sweeper.standardOutput = FileHandle.nullDevice
        sweeper.standardError = FileHandle.nullDevice
        try? sweeper.run()
    }

    /// Whether a signal is ending the run: then errors are its consequence, not news.
    static var isInterrupted: Bool { interrupted.withLock { signalNumber != 0 } }

    /// Waits for the signal handler to end the process.
    static func waitForExit() -> Never {
        while true { pause() }
    }
}
