package import Foundation

/// What a finished process printed and how it exited.
package struct CommandResult: Sendable {
    package var standardOutput: String
    package var standardError: String
    package var exitCode: Int32
}

/// Runs programs for end-to-end tests: the built `lore-digest` binary, git, shell scripts.
package enum CommandRunner {
    /// The `lore-digest` binary built beside the test bundle (`swift test` builds it too).
    package static var loreDigest: URL {
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return testBinary.deletingLastPathComponent().appendingPathComponent("lore-digest")
    }

    /// Runs `executable` with `arguments`; stdout and stderr are drained concurrently so neither
    /// pipe can fill and stall the child.
    package static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String] = [:],
        currentDirectory: URL? = nil
    ) throws -> CommandResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let errData = OneShot<Data>()
        Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(
            standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData.value, as: UTF8.self),
            exitCode: process.terminationStatus)
    }

    /// Runs the built `lore-digest` with `arguments`, with its cache in `cacheHome` when given.
    package static func loreDigest(_ arguments: [String], cacheHome: String? = nil) throws -> CommandResult {
        var environment: [String: String] = [:]
        if let cacheHome { environment["XDG_CACHE_HOME"] = cacheHome }
        return try run(loreDigest, arguments, environment: environment)
    }

    /// Runs `/bin/sh -c script` and returns its result.
    package static func shell(_ script: String, currentDirectory: URL? = nil) throws -> CommandResult {
        try run(URL(fileURLWithPath: "/bin/sh"), ["-c", script], currentDirectory: currentDirectory)
    }
}

/// A value handed over once from another thread; reading it waits until it is set.
private final class OneShot<Value>: @unchecked Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private var stored: Value?
    func set(_ value: Value) {
        stored = value
        ready.signal()
    }
    var value: Value {
        ready.wait()
        ready.signal()
        // Safe to force unwrap: the semaphore is signalled only after `stored` was set.
        return stored!
    }
}
