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
                TemporaryPaths.removeAll()
                _exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Whether a signal is ending the run: then errors are its consequence, not news.
    static var isInterrupted: Bool { interrupted.withLock { signalNumber != 0 } }

    /// Waits for the signal handler to end the process.
    static func waitForExit() -> Never {
        while true { pause() }
    }
}
