import Subprocess

/// One commit of an archive to write.
package enum ArchiveEntry: Sendable, Hashable {
    /// A commit whose tree holds only `m`: the message's exact bytes.
    case mail([UInt8])
    /// A deletion commit, as public-inbox writes it: the tree holds no `m`, only `d` with the
    /// removed message's bytes (may be empty).
    case deletion([UInt8])
}

/// Writes bare repositories shaped like one public-inbox v2 epoch, for tests and the embedded
/// sample archive.
///
/// One `git fast-import` process writes every commit (never a process per mail). The result is
/// deterministic: a fixed committer and author (`lore-digest <lore-digest@example.invalid>`),
/// commit times `firstCommitTime + index × 60` (UTC), commit message `message N`, branch
/// `refs/heads/master` (HEAD points at it), and no system or global git configuration.
package enum ArchiveWriter {
    package static let defaultFirstCommitTime: Int64 = 1_700_000_000

    /// Writes one commit per mail (each tree holds only `m`) into a new bare repository.
    /// - Throws: `InboxError` `.writeFailed` when git cannot create the repository.
    package static func writeEpoch(mails: [[UInt8]], to gitDirectory: String) async throws(InboxError) {
        try await writeEpoch(entries: mails.map { .mail($0) }, to: gitDirectory)
    }

    /// Writes one commit per entry into a new bare repository at `gitDirectory` (created with
    /// its parents; it must not hold a repository already).
    /// - Parameter commitTimes: one time per entry (seconds since 1970); nil: `firstCommitTime + 60 × index`.
    /// - Parameter forSpeed: for a throwaway archive: no deltas and zlib level 1 (`--depth=0`,
    ///   `core.compression=1`), about half the time of git's defaults for a larger repository.
    /// - Throws: `InboxError` `.writeFailed` when git cannot create or fill the repository.
    package static func writeEpoch(
        entries: [ArchiveEntry], to gitDirectory: String,
        firstCommitTime: Int64 = defaultFirstCommitTime, commitTimes: [Int64]? = nil, forSpeed: Bool = false
    ) async throws(InboxError) {
        if let commitTimes, commitTimes.count != entries.count {
            throw InboxError(
                .writeFailed,
                "\(commitTimes.count) commit times for \(entries.count) entries; give one time per entry")
        }
        try await git(["init", "--quiet", "--bare", "--initial-branch=master", "--", gitDirectory], gitDirectory: nil)
        let time = { (index: Int) in commitTimes?[index] ?? firstCommitTime + Int64(index) * 60 }
        do {
            // The stream is written in chunks of about 1 MiB while git reads it, so a large import
            // never holds a second copy of every mail in memory.
            let result = try await Subprocess.run(
                ProgramLookup.git,
                arguments: GitCommand.arguments(
                    gitDirectory: gitDirectory,
                    (forSpeed ? ["-c", "core.compression=1", "-c", "pack.compression=1"] : [])
                        + ["fast-import", "--quiet", "--done"] + (forSpeed ? ["--depth=0"] : [])),
                environment: GitCommand.isolatedEnvironment,
                input: .inputWriter,
                output: .discarded,
                error: .string(limit: 1 << 16)
            ) { execution in
                let writer = execution.standardInputWriter
                var chunk: [UInt8] = []
                for (index, entry) in entries.enumerated() {
                    appendCommit(entry, index: index, time: time(index), to: &chunk)
                    if chunk.count >= 1 << 20 {
                        _ = try await writer.write(chunk)
                        chunk.removeAll(keepingCapacity: true)
                    }
                }
                chunk.append(contentsOf: "done\n".utf8)
                _ = try await writer.write(chunk)
                try await writer.finish()
            }
            guard result.terminationStatus.isSuccess else {
                throw InboxError(
                    .writeFailed,
                    "git fast-import failed in \(gitDirectory): \(GitCommand.firstLine(result.standardError)); check that the directory is writable and empty"
                )
            }
        } catch let error as InboxError {
            throw error
        } catch {
            throw GitCommand.notRunnable(error)
        }
    }

    /// The fast-import stream: every commit on `refs/heads/master`, each replacing the whole tree.
    static func fastImportStream(entries: [ArchiveEntry], time: (Int) -> Int64) -> [UInt8] {
        var stream: [UInt8] = []
        for (index, entry) in entries.enumerated() { appendCommit(entry, index: index, time: time(index), to: &stream) }
        stream.append(contentsOf: "done\n".utf8)
        return stream
    }

    /// One commit of the fast-import stream.
    static func appendCommit(_ entry: ArchiveEntry, index: Int, time: Int64, to stream: inout [UInt8]) {
        func append(_ text: String) { stream.append(contentsOf: text.utf8) }
        func appendData(_ bytes: [UInt8]) {
            append("data \(bytes.count)\n")
            stream.append(contentsOf: bytes)
            append("\n")
        }
        let ident = "lore-digest <lore-digest@example.invalid> \(time) +0000"
        append("commit refs/heads/master\n")
        append("author \(ident)\ncommitter \(ident)\n")
        switch entry {
        case .mail(let bytes):
            appendData(Array("message \(index + 1)\n".utf8))
            append("deleteall\nM 100644 inline m\n")
            appendData(bytes)
        case .deletion(let bytes):
            appendData(Array("delete message \(index + 1)\n".utf8))
            append("deleteall\nM 100644 inline d\n")
            appendData(bytes)
        }
        append("\n")
    }

    private static func git(_ arguments: [String], gitDirectory: String?) async throws(InboxError) {
        do {
            let result = try await Subprocess.run(
                ProgramLookup.git, arguments: Arguments(arguments), environment: GitCommand.isolatedEnvironment,
                output: .discarded, error: .string(limit: 1 << 16))
            guard result.terminationStatus.isSuccess else {
                throw InboxError(
                    .writeFailed,
                    "git \(arguments.first ?? "") failed: \(GitCommand.firstLine(result.standardError)); check that the path is writable"
                )
            }
        } catch let error as InboxError {
            throw error
        } catch {
            throw GitCommand.notRunnable(error)
        }
    }
}
