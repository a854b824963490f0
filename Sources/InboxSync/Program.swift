internal import InboxReader
import Subprocess

/// Runs a program found on `PATH` with an argument array (never a shell) and collects its output.
enum Program {
    /// A non-zero exit is a normal result; only a program that cannot be started throws.
    static func run(
        _ name: String,
        _ arguments: [String],
        input: [UInt8] = [],
        environment: Environment = .inherit
    ) async throws -> ProgramOutput {
        let result = try await Subprocess.run(
            .name(name),
            arguments: Arguments(arguments),
            environment: environment,
            input: .array(input),
            output: .bytes(limit: 1 << 28),
            error: .string(limit: 1 << 16)
        )
        return ProgramOutput(
            succeeded: result.terminationStatus.isSuccess,
            standardOutput: result.standardOutput,
            standardError: result.standardError
        )
    }
}
