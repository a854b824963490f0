extension Inbox {
    /// Turns `--from/--to` into the commits of the range, oldest first, across epochs.
    ///
    /// A revision is looked up in every epoch with
    /// `git rev-parse --verify --quiet --end-of-options REV^{commit}`; when several epochs know it
    /// (a branch name such as `master`), the newest epoch wins. The range is `FROM..TO` as in
    /// `git log`: with FROM in epoch i and TO in epoch j ≥ i it is (FROM..HEAD of i) + every epoch
    /// between + (root..TO of j). Each epoch is listed by one `git rev-list --reverse --timestamp`
    /// (v1: one `git log --raw`), the epochs concurrently.
    ///
    /// `since`/`until` then keep the commits received in that window (see `resolveDate`); a window
    /// that selects nothing is not an error: the result has no commits.
    ///
    /// With a time window and neither `from` nor `to`, an epoch that `timeline` holds whole (an
    /// up-to-date history index) is answered from it instead of being listed: the same commits in
    /// the same order (see ``CommitTimeline``); the other epochs are listed as above.
    ///
    /// - Throws: `InboxError` `.invalidRevision` (empty, or starts with `-`: refused before git
    ///   sees it), `.unknownRevision`, `.emptyRange` (TO is FROM, an ancestor of it, unrelated to
    ///   it, or in an earlier epoch), `.invalidDate` (a date git cannot read, or since after
    ///   until), `.optionNotApplicable` (`from`/`to` on an imported mbox or Maildir),
    ///   `.emptyArchive`, `.gitNotRunnable`, `.gitFailed`.
    package func resolve(
        _ range: RevisionRange, timeline: (any CommitTimeline)? = nil
    ) async throws(InboxError) -> ResolvedRange {
        if let importedFrom, range.from != nil || range.to != nil {
            throw InboxError(
                .optionNotApplicable,
                "--from and --to name commits of a public-inbox archive, and '\(importedFrom.name)' is \(importedFrom.kind.article); select by date with --since and --until instead"
            )
        }
        for revision in [range.from, range.to].compactMap({ $0 }) {
            try Self.validate(revision)
        }
        let window = try await resolveWindow(range)
        let heads = try await self.heads()
        guard let newest = heads.last(where: { $0.head != nil }), let newestHead = newest.head else {
            throw InboxError(
                .emptyArchive,
                "the archive '\(path)' has no commits (an empty repository); fetch or clone the archive first")
        }
        let isV1 = try await isVersion1(newest.epoch)

        var from: (epoch: Epoch, oid: String)?
        if let revision = range.from {
            from = try await locate(revision, in: heads)
        }
        let to: (epoch: Epoch, oid: String)
        if let revision = range.to {
            to = try await locate(revision, in: heads)
        } else {
            to = (newest.epoch, newestHead)
        }
        if let from {
            try await checkOrder(from: from, to: to, range: range)
        }

        var listings: [(epoch: Epoch, revisions: [String])] = []
        for (epoch, head) in heads {
            guard let head else { continue }
            if let from, epoch.number < from.epoch.number { continue }
            if epoch.number > to.epoch.number { break }
            let tip = epoch.number == to.epoch.number ? to.oid : head
            var revisions = [tip]
            if let from, epoch.number == from.epoch.number { revisions.append("^" + from.oid) }
            listings.append((epoch, revisions))
        }
        // A window of the whole archive: what the timeline holds needs no listing. Its answer is
        // already within the window, which the filter below keeps as it is.
        var answered: [Int: [CommitRef]] = [:]
        if let timeline, range.hasTimeWindow, range.from == nil, range.to == nil, !isV1 {
            for (index, job) in listings.enumerated() {
                answered[index] = timeline.commits(
                    of: job.epoch, head: job.revisions[0], since: window.since, until: window.until)
            }
        }
        // The title's abbreviations are git's (`rev-parse --short`), asked while the epochs are
        // listed rather than after: one git process fewer on the way to the first blob.
        let (first, last) = (from, to)
        async let toAbbreviation = Result { () async throws(InboxError) in
            try await Self.abbreviate(last.oid, in: last.epoch)
        }
        async let fromAbbreviation = Result { () async throws(InboxError) -> String? in
            guard let first else { return nil }
            return try await Self.abbreviate(first.oid, in: first.epoch)
        }
        let jobs = listings
        let known = answered
        let perEpoch = await withTaskGroup(of: (Int, Result<[CommitRef], InboxError>).self) { group in
            for index in jobs.indices {
                let job = jobs[index]
                if let commits = known[index] {
                    group.addTask { (index, .success(commits)) }
                    continue
                }
                group.addTask {
                    (
                        index,
                        await Result { () async throws(InboxError) in
                            try await Self.list(job.epoch, job.revisions, isV1: isV1)
                        }
                    )
                }
            }
            var results: [(Int, Result<[CommitRef], InboxError>)] = []
            for await item in group { results.append(item) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
        var lists: [[CommitRef]] = []
        for result in perEpoch { lists.append(try result.get()) }
        // One exact allocation: appending epoch after epoch left up to half of a large range's
        // list unused (56 MB of slack at 1M commits).
        var commits: [CommitRef] = []
        commits.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        for list in lists { commits += list }
        if let from, commits.isEmpty {
            throw Self.notAfter(range: range, path: path, from: from.oid, to: to.oid)
        }
        let fromLabel = try await fromAbbreviation.get()
        let toLabel = try await toAbbreviation.get()
        var resolved = ResolvedRange(
            commits: commits, fromLabel: fromLabel, toLabel: toLabel, importedFrom: importedFrom)
        if range.hasTimeWindow {
            resolved.since = window.since
            resolved.until = window.until
            resolved.commits = Self.commits(commits, since: window.since, until: window.until)
            if let first = resolved.commits.first, let last = resolved.commits.last {
                resolved.firstLabel = try await Self.abbreviate(first.oid, in: epoch(first.epoch) ?? to.epoch)
                resolved.lastLabel = try await Self.abbreviate(last.oid, in: epoch(last.epoch) ?? to.epoch)
            }
        }
        return resolved
    }

    /// Refuses what must never reach git as a revision. `--end-of-options` is used all the same.
    static func validate(_ revision: String) throws(InboxError) {
        if revision.isEmpty {
            throw InboxError(.invalidRevision, "empty revision; give a commit id, tag or branch name")
        }
        if revision.hasPrefix("-") {
            throw InboxError(
                .invalidRevision,
                "invalid revision '\(revision)': a revision cannot start with '-'; give a commit id, tag or branch name"
            )
        }
        if revision.contains(where: { $0 == "\n" || $0 == "\0" }) {
            throw InboxError(
                .invalidRevision,
                "invalid revision '\(revision.debugDescription)': it contains a line break or NUL; give a commit id, tag or branch name"
            )
        }
    }

    /// An epoch whose HEAD does not resolve is empty only if it has no refs at all; refs that point
    /// at objects git cannot read mean a damaged repository (a truncated pack, a lost object), which
    /// must not pass for an empty one.
    /// - Throws: `InboxError` `.damagedArchive`.
    static func checkNotDamaged(_ epoch: Epoch) async throws(InboxError) {
        let refs = try await GitCommand.run(
            gitDirectory: epoch.gitDirectory, ["for-each-ref", "--count=1", "--format=%(objectname)"])
        guard refs.succeeded, refs.lines.isEmpty else {
            let probe = try await GitCommand.run(
                gitDirectory: epoch.gitDirectory, ["rev-parse", "--verify", "HEAD^{commit}"])
            throw InboxError(
                .damagedArchive,
                "cannot read the history of \(epoch.gitDirectory): git says '\(GitCommand.firstLine(probe.standardError))'; the repository is damaged: check it with 'git -C \(epoch.gitDirectory) fsck' and fetch or clone it again"
            )
        }
    }

    /// `rev-parse --verify --quiet --end-of-options REV^{commit}` in one epoch; nil when unknown.
    static func commit(_ revision: String, in epoch: Epoch) async throws(InboxError) -> String? {
        let output = try await GitCommand.run(
            gitDirectory: epoch.gitDirectory,
            ["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"])
        guard output.succeeded, let line = output.lines.first else { return nil }
        return String(line)
    }

    private func locate(
        _ revision: String, in heads: [(epoch: Epoch, head: String?)]
    ) async throws(InboxError) -> (epoch: Epoch, oid: String) {
        var found: (epoch: Epoch, oid: String)?
        for (epoch, head) in heads where head != nil {
            if let oid = try await Self.commit(revision, in: epoch) { found = (epoch, oid) }
        }
        guard let found else {
            let listed = epochs.last?.gitDirectory ?? path
            throw InboxError(
                .unknownRevision,
                "unknown revision '\(revision)' in \(path): no epoch has it; list revisions with 'git -C \(listed) log --oneline'"
            )
        }
        return found
    }

    private func checkOrder(
        from: (epoch: Epoch, oid: String), to: (epoch: Epoch, oid: String), range: RevisionRange
    ) async throws(InboxError) {
        if to.epoch.number < from.epoch.number || to.oid == from.oid {
            throw Self.notAfter(range: range, path: path, from: from.oid, to: to.oid)
        }
        guard to.epoch.number == from.epoch.number else { return }
        let output = try await GitCommand.run(
            gitDirectory: from.epoch.gitDirectory, ["merge-base", "--is-ancestor", from.oid, to.oid])
        if !output.succeeded {
            throw Self.notAfter(range: range, path: path, from: from.oid, to: to.oid)
        }
    }

    private static func notAfter(range: RevisionRange, path: String, from: String, to: String) -> InboxError {
        let fromName = range.from ?? from
        let toName = range.to ?? to
        return InboxError(
            .emptyRange,
            "'\(toName)' is not after '\(fromName)' in \(path): the range is empty; give a later --to or an earlier --from"
        )
    }

    /// `git rev-parse --short OID`: the commit abbreviated as git abbreviates it.
    static func abbreviate(_ oid: String, in epoch: Epoch) async throws(InboxError) -> String {
        let output = try await GitCommand.run(
            gitDirectory: epoch.gitDirectory, ["rev-parse", "--short", "--end-of-options", oid])
        guard output.succeeded, let line = output.lines.first else { return String(oid.prefix(12)) }
        return String(line)
    }

    /// A bare repository is a v2 epoch when the newest commit's tree is just `m` or `d`, a v1
    /// inbox when it is just fan-out folders (`0a/`, `4c/`, …); anything else is some other
    /// git repository, refused rather than read as 100 unparseable messages.
    func isVersion1(_ epoch: Epoch) async throws(InboxError) -> Bool {
        guard layout == .bareRepository else { return false }
        let output = try await GitCommand.run(gitDirectory: epoch.gitDirectory, ["ls-tree", "--name-only", "HEAD"])
        guard output.succeeded else {
            throw InboxError(
                .gitFailed,
                "git ls-tree failed in \(epoch.gitDirectory): \(GitCommand.firstLine(output.standardError)); check that the repository is readable"
            )
        }
        if output.lines.allSatisfy({ $0 == "m" || $0 == "d" }) { return false }
        let isFanOut = { (name: Substring) in
            name.utf8.count == 2 && name.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
        }
        guard let other = output.lines.first(where: { !isFanOut($0) }) else { return true }
        throw InboxError(
            .notAnArchive,
            "'\(path)' is a git repository but not a public-inbox archive (its newest commit holds '\(other)', not mails: "
                + "public-inbox commits hold one file, m, or v1's fan-out folders); give the path of an inbox")
    }

    /// The commits of one epoch for `revisions`, oldest first, with one git process.
    /// A whole epoch's history is walked through its packs when that gives the same list
    /// (``CommitChain``), unless `walksPacks` is false.
    static func list(
        _ epoch: Epoch, _ revisions: [String], isV1: Bool, walksPacks: Bool = true
    ) async throws(InboxError) -> [CommitRef] {
        if isV1 { return try await listVersion1(epoch, revisions) }
        if walksPacks, revisions.count == 1, let walked = CommitChain.list(epoch, tip: revisions[0]) { return walked }
        var commits: [CommitRef] = []
        let output = try await GitCommand.forEachLine(
            gitDirectory: epoch.gitDirectory,
            ["rev-list", "--reverse", "--timestamp", "--end-of-options"] + revisions
        ) { line throws(InboxError) in
            guard let space = line.firstIndex(of: 0x20),
                let time = Int64(String(decoding: line[..<space], as: UTF8.self))
            else { throw malformedListing(epoch, line) }
            commits.append(
                CommitRef(epoch: epoch.number, objectID: ObjectID(digits: line[(space + 1)...]), commitTime: time))
        }
        guard output.succeeded else { throw failed("rev-list", epoch, output) }
        return commits.trimmed()
    }

    /// v1: one `git log --raw` lists every commit with the path of the file it added.
    private static func listVersion1(_ epoch: Epoch, _ revisions: [String]) async throws(InboxError) -> [CommitRef] {
        let output = try await GitCommand.run(
            gitDirectory: epoch.gitDirectory,
            ["log", "--reverse", "--raw", "--no-abbrev", "--no-renames", "--format=commit %H %ct", "--end-of-options"]
                + revisions)
        guard output.succeeded else { throw failed("log", epoch, output) }
        var commits: [CommitRef] = []
        for line in output.lines {
            if line.hasPrefix("commit ") {
                let fields = line.split(separator: " ")
                guard fields.count == 3, let time = Int64(fields[2]) else { throw malformedListing(epoch, line.utf8) }
                commits.append(
                    CommitRef(epoch: epoch.number, oid: String(fields[1]), commitTime: time, messagePath: nil))
            } else if line.hasPrefix(":"), let tab = line.firstIndex(of: "\t"), !commits.isEmpty,
                commits[commits.count - 1].messagePath == nil
            {
                // `:000000 100644 0…0 OID A\tPATH`: the file this commit added is its message.
                let status = line[..<tab].split(separator: " ").last
                if status == "A" || status == "M" {
                    commits[commits.count - 1].messagePath = String(line[line.index(after: tab)...])
                }
            }
        }
        return commits
    }

    private static func failed(_ command: String, _ epoch: Epoch, _ output: ProgramOutput) -> InboxError {
        InboxError(
            .gitFailed,
            "git \(command) failed in \(epoch.gitDirectory): \(GitCommand.firstLine(output.standardError)); check that the repository is intact ('git -C \(epoch.gitDirectory) fsck')"
        )
    }

    private static func malformedListing(_ epoch: Epoch, _ line: some Collection<UInt8>) -> InboxError {
        InboxError(
            .malformedGitOutput,
            "git printed '\(String(decoding: line.prefix(100), as: UTF8.self))' while listing \(epoch.gitDirectory), which is not a commit line; check the git version (2.x expected)"
        )
    }
}

extension Array {
    /// The same elements in storage of their exact size: an array grown by appending may hold
    /// twice the room it needs, and a listing of an epoch is kept while its mails are read.
    func trimmed() -> [Element] {
        guard capacity - count > 4096 else { return self }
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: self)
        }
    }
}
