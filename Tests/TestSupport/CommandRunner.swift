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

    /// Runs `executable` with `arguments` and waits for it to exit.
    ///
    /// Output goes to temporary files, not pipes: a daemon the child starts (the public-inbox
    /// server of the sync tests) may inherit a pipe's write end, and reading a pipe to its end
    /// would then never return.
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
        let files = FileManager.default.temporaryDirectory.appendingPathComponent("command-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: files) }
        let outURL = files.appendingPathComponent("out")
        let errURL = files.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return CommandResult(
            standardOutput: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            standardError: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
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
