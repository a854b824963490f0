package import Subprocess

/// Runs git with argument arrays (never a shell), against an explicit `--git-dir`.
///
/// The environment is inherited but stripped of the variables that would redirect git to
/// another repository (`GIT_DIR`, `GIT_WORK_TREE`, …), so the archive given is the one read.
package enum GitCommand {
    /// Variables removed from the inherited environment.
    package static let environment: Environment = .inherit.updating([
        "GIT_DIR": nil, "GIT_WORK_TREE": nil, "GIT_INDEX_FILE": nil,
        "GIT_OBJECT_DIRECTORY": nil, "GIT_ALTERNATE_OBJECT_DIRECTORIES": nil,
        "GIT_NAMESPACE": nil, "GIT_CEILING_DIRECTORIES": nil,
    ])

    /// The environment for writing: no system or global configuration (signing, hooks, …).
    static let isolatedEnvironment: Environment = environment.updating([
        "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null", "LC_ALL": "C",
    ])

    /// The environment for reading dates: no configuration, and UTC, so that a date without a
    /// zone (`2025-10-01 12:00`) means the same on every machine, as on lore.kernel.org.
    static let dateEnvironment: Environment = isolatedEnvironment.updating(["TZ": "UTC"])

    static func arguments(gitDirectory: String, _ arguments: [String]) -> Arguments {
        Arguments(["--git-dir=\(gitDirectory)"] + arguments)
    }

    /// Runs `git --git-dir=DIR ARGS…` and collects its output. A non-zero exit is a normal result.
    /// - Throws: `InboxError` `.gitNotRunnable` when git cannot be started.
    static func run(
        gitDirectory: String, _ arguments: [String], environment: Environment = environment
    ) async throws(InboxError) -> ProgramOutput {
        do {
            let result = try await Subprocess.run(
                ProgramLookup.git,
                arguments: Self.arguments(gitDirectory: gitDirectory, arguments),
                environment: environment,
                // No limit: Subprocess reserves the limit up front (2 GiB of address space per call).
                output: .bytes(limit: .max),
                error: .string(limit: 1 << 16)
            )
            return ProgramOutput(
                succeeded: result.terminationStatus.isSuccess,
                standardOutput: result.standardOutput,
                standardError: result.standardError
            )
        } catch {
            throw notRunnable(error)
        }
    }

    /// Runs `git --git-dir=DIR ARGS…` and hands each line of its output (without the line end)
    /// to `line` as it arrives: a listing of a million commits is never held whole. Returns the
    /// exit status and error output; the returned `standardOutput` is empty.
    /// - Throws: what `line` throws; `InboxError` `.gitNotRunnable` when git cannot be started.
    static func forEachLine(
        gitDirectory: String, _ arguments: [String], environment: Environment = environment,
        _ line: (UnsafeRawBufferPointer) throws(InboxError) -> Void
    ) async throws(InboxError) -> ProgramOutput {
        do {
            let result = try await Subprocess.run(
                ProgramLookup.git,
                arguments: Self.arguments(gitDirectory: gitDirectory, arguments),
                environment: environment,
                input: .none,
                output: .sequence,
                error: .string(limit: 1 << 16)
            ) { execution in
                var splitter = LineSplitter()
                for try await buffer in execution.standardOutput {
                    try buffer.withUnsafeBytes { bytes throws(InboxError) in try splitter.append(bytes, line) }
                }
                try splitter.finish(line)
            }
            return ProgramOutput(
                succeeded: result.terminationStatus.isSuccess, standardOutput: [],
                standardError: result.standardError)
        } catch let error as InboxError {
            throw error
        } catch {
            throw notRunnable(error)
        }
    }

    static func notRunnable(_ error: any Error) -> InboxError {
        InboxError(.gitNotRunnable, "could not run git (\(error)); install git and make sure 'git' is on PATH")
    }

    /// The first line of git's error output, for messages.
    package static func firstLine(_ text: String) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        return line.isEmpty ? "no error output" : line
    }
}

/// Cuts a stream of chunks into lines: a line inside one chunk is handed over in place, one
/// split across chunks is gathered first.
struct LineSplitter {
    private var pending: [UInt8] = []

    mutating func append(
        _ bytes: UnsafeRawBufferPointer, _ line: (UnsafeRawBufferPointer) throws(InboxError) -> Void
    ) throws(InboxError) {
        var start = 0
        while let end = bytes[start...].firstIndex(of: 0x0A) {
            if pending.isEmpty {
                try line(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
            } else {
                pending.append(contentsOf: bytes[start..<end])
                try finish(line)
            }
            start = end + 1
        }
        pending.append(contentsOf: bytes[start...])
    }

    /// Hands over the last line when the output did not end with a line end.
    mutating func finish(_ line: (UnsafeRawBufferPointer) throws(InboxError) -> Void) throws(InboxError) {
        guard !pending.isEmpty else { return }
        defer { pending.removeAll(keepingCapacity: true) }
        try pending.withUnsafeBytes { bytes in Result { () throws(InboxError) in try line(bytes) } }.get()
    }
}
