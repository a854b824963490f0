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
                .name("git"),
                arguments: Self.arguments(gitDirectory: gitDirectory, arguments),
                environment: environment,
                output: .bytes(limit: 1 << 31),
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

    static func notRunnable(_ error: any Error) -> InboxError {
        InboxError(.gitNotRunnable, "could not run git (\(error)); install git and make sure 'git' is on PATH")
    }

    /// The first line of git's error output, for messages.
    package static func firstLine(_ text: String) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        return line.isEmpty ? "no error output" : line
    }
}
