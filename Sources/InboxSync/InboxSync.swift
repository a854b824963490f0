internal import InboxReader

/// Makes a directory a local mirror of a public-inbox v2 inbox served over HTTP(S).
///
/// 1. Checks the directory: absent or empty (it is created), or an existing v2 mirror.
/// 2. Learns the epochs from `URL/manifest.js.gz`; without a usable manifest, tries
///    `git ls-remote URL/0`, `URL/1`, … until one is missing.
/// 3. `git clone --mirror` each missing epoch into a hidden name, then renames it to `git/N.git`,
///    so an interrupted sync never leaves half an epoch; `git fetch --prune` each existing one,
///    after removing the `*.lock` files a killed sync's git left. git runs tied to this process:
///    killed, even by `kill -9`, it takes its git children with it.
/// 4. Counts the new commits per epoch (`rev-list --count NEW --not OLD`) and, where there are
///    some, writes the epoch's commit-graph (``writeCommitGraph(in:)``).
///
/// Updating the index is left to the caller: ``SyncSummary/changedEpochs`` says what changed.
/// Epochs the mirror has and the server no longer lists are kept untouched.
package enum InboxSync {
    /// The most epochs probing will try when there is no manifest (far above any real inbox).
    static let probeLimit = 1000

    /// - Parameters:
    ///   - url: the inbox URL, `http://` or `https://`.
    ///   - directory: the mirror directory.
    ///   - progress: called with one short line before each step (for a terminal status line).
    /// - Throws: `SyncError`; the mirror keeps every epoch finished before the failure.
    package static func run(
        url: String,
        directory: String,
        progress: @Sendable (String) -> Void = { _ in }
    ) async throws(SyncError) -> SyncSummary {
        let inbox = try RemoteInbox(url)
        let mirror = try MirrorDirectory.inspect(directory)
        progress("reading \(inbox.manifestURL)")
        let (remoteEpochs, source) = try await learnEpochs(inbox, progress: progress)
        try mirror.create()
        let lock = try MirrorLock(mirror.gitFolder, directory: directory)
        defer { lock.release() }
        var results: [SyncSummary.Epoch] = []
        for (index, number) in remoteEpochs.enumerated() {
            let step = "epoch \(number) (\(index + 1)/\(remoteEpochs.count))"
            if mirror.localEpochs.contains(number) {
                progress("\(step): fetching \(inbox.epochURL(number))")
                results.append(try await fetch(number, of: inbox, into: mirror))
            } else {
                progress("\(step): cloning \(inbox.epochURL(number))")
                results.append(try await clone(number, of: inbox, into: mirror))
            }
        }
        return SyncSummary(inbox: inbox.url, directory: directory, epochSource: source, epochs: results)
    }

    /// The server's epochs, from the manifest or by probing (always, with `forceProbing`).
    static func learnEpochs(
        _ inbox: RemoteInbox,
        forceProbing: Bool = false,
        progress: @Sendable (String) -> Void
    ) async throws(SyncError) -> ([Int], SyncSummary.EpochSource) {
        if !forceProbing, case .found(let bytes) = try await ManifestFetcher.fetch(inbox) {
            // A manifest that cannot be read, or lists no epoch, is treated as absent; one that
            // inflates beyond any real manifest (a gzip bomb) is a hostile server: stop.
            do throws(SyncError) {
                let manifest = try await Manifest(bytes: bytes, source: inbox.manifestURL)
                if !manifest.epochs.isEmpty { return (manifest.epochs, .manifest) }
            } catch  where error.code == .tooLarge {
                throw error
            } catch {}
        }
        var epochs: [Int] = []
        for number in 0..<probeLimit {
            progress("probing \(inbox.epochURL(number))")
            let epochURL = inbox.epochURL(number)
            let output = try await SyncGit.run(
                ["ls-remote", "--quiet", "--", epochURL], authorization: inbox.authorization)
            if output.succeeded {
                epochs.append(number)
                continue
            }
            if number == 0 {
                let error = SyncGit.remoteFailure(output, action: "reading the inbox", url: epochURL)
                if error.code == .notFound {
                    throw SyncError(
                        .notFound,
                        "no public-inbox inbox at \(inbox.url): the server has neither manifest.js.gz nor epoch 0 (HTTP 404); check the inbox name"
                    )
                }
                throw error
            }
            break
        }
        return (epochs, .probing)
    }

    /// `git clone --mirror` into `git/.N.git.partial`, then rename to `git/N.git`.
    static func clone(_ number: Int, of inbox: RemoteInbox, into mirror: MirrorDirectory) async throws(SyncError)
        -> SyncSummary.Epoch
    {
        try mirror.removePartial(number)
        let partial = mirror.partialDirectory(number)
        let epochURL = inbox.epochURL(number)
        let output = try await SyncGit.run(
            ["clone", "--mirror", "--quiet", "--", epochURL, partial], authorization: inbox.authorization)
        guard output.succeeded else {
            try? mirror.removePartial(number)
            throw SyncGit.remoteFailure(output, action: "cloning epoch \(number)", url: epochURL)
        }
        let count = try await newCommits(in: partial, since: [])
        let head = try await head(of: partial)
        try mirror.commitPartial(number)
        try await writeCommitGraph(in: mirror.epochDirectory(number))
        return SyncSummary.Epoch(number: number, action: .cloned, newCommits: count, head: head)
    }

    /// `git fetch --prune URL/N '+refs/*:refs/*'` into the existing `git/N.git`.
    static func fetch(_ number: Int, of inbox: RemoteInbox, into mirror: MirrorDirectory) async throws(SyncError)
        -> SyncSummary.Epoch
    {
        let gitDirectory = mirror.epochDirectory(number)
        let epochURL = inbox.epochURL(number)
        try mirror.removeStaleLocks(number)
        let before = try await tips(of: gitDirectory)
        let output = try await SyncGit.run(
            [
                "--git-dir=\(gitDirectory)", "fetch", "--quiet", "--prune", "--no-write-fetch-head",
                "--", epochURL, "+refs/*:refs/*",
            ], authorization: inbox.authorization)
        guard output.succeeded else {
            throw SyncGit.remoteFailure(output, action: "fetching epoch \(number)", url: epochURL)
        }
        let count = try await newCommits(in: gitDirectory, since: before)
        if count > 0 { try await writeCommitGraph(in: gitDirectory) }
        return SyncSummary.Epoch(
            number: number, action: .fetched, newCommits: count, head: try await head(of: gitDirectory))
    }

    /// Writes the epoch's commit-graph (a new layer for what a fetch added), as `git maintenance`
    /// would: git then lists the epoch's commits with their times from the graph instead of
    /// inflating each commit (`rev-list --timestamp` of kvmarm's 21,367 commits: 0.16 → 0.06 s),
    /// which every report over a range, and every first index, begins with.
    static func writeCommitGraph(in gitDirectory: String) async throws(SyncError) {
        let output = try await SyncGit.run([
            "--git-dir=\(gitDirectory)", "commit-graph", "write", "--reachable", "--split", "--no-progress",
        ])
        guard output.succeeded else {
            throw SyncError(
                .gitFailed,
                "cannot write the commit-graph of '\(gitDirectory)' (\(GitCommand.firstLine(output.standardError))); check the mirror's free space and permissions, then sync again"
            )
        }
    }

    /// Every ref's object id.
    static func tips(of gitDirectory: String) async throws(SyncError) -> [String] {
        let output = try await SyncGit.run(["--git-dir=\(gitDirectory)", "for-each-ref", "--format=%(objectname)"])
        guard output.succeeded else {
            throw SyncError(
                .gitFailed,
                "cannot list the refs of '\(gitDirectory)' (\(GitCommand.firstLine(output.standardError))); check the mirror"
            )
        }
        return output.lines.map(String.init).filter(isObjectID)
    }

    /// Commits reachable from any ref now and from none of `old`.
    static func newCommits(in gitDirectory: String, since old: [String]) async throws(SyncError) -> Int {
        let arguments =
            ["--git-dir=\(gitDirectory)", "rev-list", "--count", "--all", "--end-of-options"]
            + old.filter(isObjectID).map { "^" + $0 }
        let output = try await SyncGit.run(arguments)
        guard output.succeeded, let count = Int(output.text.trimmingWhitespace) else {
            throw SyncError(
                .gitFailed,
                "cannot count the new commits of '\(gitDirectory)' (\(GitCommand.firstLine(output.standardError))); check the mirror"
            )
        }
        return count
    }

    /// `HEAD`'s commit, nil for an empty repository.
    static func head(of gitDirectory: String) async throws(SyncError) -> String? {
        let output = try await SyncGit.run([
            "--git-dir=\(gitDirectory)", "rev-parse", "--verify", "--quiet", "HEAD^{commit}",
        ])
        let text = output.text.trimmingWhitespace
        return output.succeeded && isObjectID(text) ? text : nil
    }

    static func isObjectID(_ text: String) -> Bool {
        (text.utf8.count == 40 || text.utf8.count == 64)
            && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        String(self.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
