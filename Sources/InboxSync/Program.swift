import Glibc
internal import InboxReader
import Subprocess
import SystemPackage

/// Runs a program found on `PATH` with an argument array (never a shell) and collects its output.
enum Program {
    /// A non-zero exit is a normal result; only a program that cannot be started throws, or one
    /// that writes more than `outputLimit` bytes (`SubprocessError.outputLimitExceeded`).
    static func run(
        _ name: String,
        _ arguments: [String],
        input: [UInt8] = [],
        environment: Environment = .inherit,
        outputLimit: Int = 1 << 28
    ) async throws -> ProgramOutput {
        let result = try await Subprocess.run(
            ProgramLookup.executable(named: name),
            arguments: Arguments(arguments),
            environment: environment,
            input: .array(input),
            output: .bytes(limit: outputLimit),
            error: .string(limit: 1 << 16)
        )
        return ProgramOutput(
            succeeded: result.terminationStatus.isSuccess,
            standardOutput: result.standardOutput,
            standardError: result.standardError
        )
    }

    /// `sh` script for ``runTied(_:_:environment:)``: runs `"$@"` in the background and, when
    /// standard input reaches end of file (this process is gone: its end of the pipe closed),
    /// kills the whole process group: the program and every child it started.
    static let tiedScript = """
        exec 3<&0 </dev/null
        "$@" &
        child=$!
        ( read -r line <&3; kill -KILL 0 ) &
        watcher=$!
        wait "$child"
        status=$?
        kill -KILL "$watcher" 2>/dev/null
        exit "$status"
        """

    /// Runs `name ARGS…` so that it dies with this process, even by `kill -9`.
    ///
    /// swift-subprocess 1.0.2 offers no hook before `exec` on Linux (so no `PR_SET_PDEATHSIG`,
    /// which would anyway fire when the *thread* that spawned the child ends, and the pool's
    /// threads come and go). Instead the program runs under a small `sh` in a process group of
    /// its own, whose standard input is a pipe only this process holds open: the kernel closes
    /// it when this process ends, however it ends, and the `sh` then kills the group. The
    /// program itself reads no input (`/dev/null`).
    static func runTied(
        _ name: String, _ arguments: [String], environment: Environment, outputLimit: Int = 1 << 28
    ) async throws -> ProgramOutput {
        var ends: [Int32] = [-1, -1]
        // Close-on-exec: no other program inherits the write end. (swift-subprocess closes a
        // child's other descriptors anyway; this covers Foundation's Process.)
        guard pipe(&ends) == 0 else { throw PipeFailure(errno: errno) }
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        // The write end stays open here until the program is done; the read end becomes the
        // sh's standard input, closed here once spawned.
        defer { close(ends[1]) }
        var options = PlatformOptions()
        options.processGroupID = 0
        let result = try await Subprocess.run(
            ProgramLookup.executable(named: "sh"),
            arguments: Arguments(["-c", tiedScript, "lore-digest-" + name, name] + arguments),
            environment: environment,
            platformOptions: options,
            input: .fileDescriptor(FileDescriptor(rawValue: ends[0]), closeAfterSpawningProcess: true),
            output: .bytes(limit: outputLimit),
            error: .string(limit: 1 << 16)
        )
        return ProgramOutput(
            succeeded: result.terminationStatus.isSuccess,
            standardOutput: result.standardOutput,
            standardError: result.standardError
        )
    }
}

/// ``Program/runTied(_:_:environment:)`` could not make its pipe (out of file descriptors).
struct PipeFailure: Error, CustomStringConvertible {
    var errno: Int32
    var description: String { "cannot make a pipe: " + String(cString: strerror(errno)) }
}
