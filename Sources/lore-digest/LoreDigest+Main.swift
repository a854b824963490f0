import ArgumentParser
import Foundation
import Glibc

extension LoreDigest {
    /// Runs the command, and reports any failure as one line on standard error: what is wrong
    /// and what to do, never a usage dump or a stack trace. `--help` still prints help.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        limitMallocArenas()
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

    /// At most two malloc arenas, before any thread starts. glibc gives threads arenas of their
    /// own (up to eight per core); the reading, parsing and writing threads hand buffers to one
    /// another, so each arena keeps its own high-water mark and the process's resident memory
    /// grows by their sum: on a 100,000-message index build two arenas keep 164 MB, not 193 MB,
    /// in the same time. `MALLOC_ARENA_MAX` in the environment still wins.
    static func limitMallocArenas() {
        // `mallopt` and `M_ARENA_MAX` (-8) are in malloc.h, which Glibc's module does not export.
        guard getenv("MALLOC_ARENA_MAX") == nil, let symbol = dlsym(nil, "mallopt") else { return }
        typealias MallocOption = @convention(c) (Int32, Int32) -> Int32
        _ = unsafeBitCast(symbol, to: MallocOption.self)(-8, 2)
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
