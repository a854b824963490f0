import ArgumentParser
import Foundation
import Glibc

extension LoreDigest {
    /// Runs the command, and reports any failure as one line on standard error: what is wrong
    /// and what to do, never a usage dump or a stack trace. `--help` still prints help.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        tuneMalloc()
        SignalCleanup.install()
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if SignalCleanup.isInterrupted { SignalCleanup.waitForExit() }
            if error is StandardOutput.ClosedPipe { Foundation.exit(StandardOutput.ClosedPipe.exitCode) }
            let code = exitCode(for: error)
            // Help and --version are "errors" that succeed: print them as the parser would.
            guard code != .success else { Self.exit(withError: error) }
            FileHandle.standardError.write(Data((oneLineMessage(for: error, arguments: arguments) + "\n").utf8))
            Foundation.exit(code.rawValue)
        }
    }

    /// glibc's malloc, tuned before any thread starts (`MALLOC_ARENA_MAX` or
    /// `MALLOC_MMAP_THRESHOLD_` in the environment still win):
    /// - at most two arenas: glibc gives threads arenas of their own (up to eight per core); the
    ///   reading, parsing and writing threads hand buffers to one another, so each arena keeps its
    ///   own high-water mark and resident memory grows by their sum (100,000-message index build:
    ///   193 → 164 MB, same time);
    /// - blocks of 256 KiB or more mapped on their own: a large mail's bytes go back to the system
    ///   when freed instead of leaving a hole in an arena (glibc raises its threshold as large
    ///   blocks are freed, up to 32 MiB; a fixed one stops that) (100,000-message report:
    ///   272 → 234 MB).
    static func tuneMalloc() {
        // `mallopt` and its options are in malloc.h, which Glibc's module does not export.
        guard let symbol = dlsym(nil, "mallopt") else { return }
        typealias MallocOption = @convention(c) (Int32, Int32) -> Int32
        let mallopt = unsafeBitCast(symbol, to: MallocOption.self)
        let arenaMaximum: Int32 = -8  // M_ARENA_MAX
        let mapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
        if getenv("MALLOC_ARENA_MAX") == nil { _ = mallopt(arenaMaximum, 2) }
        if getenv("MALLOC_MMAP_THRESHOLD_") == nil { _ = mallopt(mapThreshold, 256 * 1024) }
    }

    /// `Error: <the parser's or the layer's message, on one line>`, plus where to read more for
    /// a usage error.
    static func oneLineMessage(for error: any Error, arguments: [String]) -> String {
        let isParserError = exitCode(for: error) == .validationFailure && !(error is ValidationError)
        var text: String
        if isParserError {
            // The parser's own message may be followed by usage lines: keep its first line.
            let firstLine = message(for: error).split(separator: "\n").first.map { String($0) }
            text = firstLine?.trimmingCharacters(in: .whitespaces) ?? String(describing: error)
        } else {
            // Ours are one line, but may quote what the user gave (a URL, a path, a --state
            // name) with a line end in it: escape it rather than break the line or cut it short.
            text = OneLineValue.escaped(message(for: error).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        if exitCode(for: error) == .validationFailure {
            let subcommand = arguments.first { ["report", "messages", "index", "sync", "publish"].contains($0) }
            let help = subcommand.map { "lore-digest \($0) --help" } ?? "lore-digest --help"
            if text.hasSuffix(".") { text.removeLast() }
            text += "; see '\(help)' for the options"
        }
        return "Error: " + text
    }
}
