extension Inbox {
    /// The commit each epoch's HEAD names, in epoch order; nil for an epoch without commits.
    ///
    /// For `resolve`, and for readers that keep their own place per epoch (an index, a
    /// since-last-run bookmark) and list only what was added since. An epoch whose HEAD does not
    /// resolve but that has refs is damaged, not empty (see `checkNotDamaged`).
    /// - Throws: `InboxError` `.damagedArchive`, `.gitNotRunnable`, `.gitFailed`.
    package func heads() async throws(InboxError) -> [(epoch: Epoch, head: String?)] {
        // One `rev-parse` per epoch, all at once: a window answered from the index waits on
        // little else, and LKML has dozens of epochs.
        let epochs = self.epochs
        let found = await withTaskGroup(of: (Int, Result<String?, InboxError>).self) { group in
            for (position, epoch) in epochs.enumerated() {
                group.addTask {
                    do throws(InboxError) {
                        let head = try await Self.commit("HEAD", in: epoch)
                        if head == nil { try await Self.checkNotDamaged(epoch) }
                        return (position, .success(head))
                    } catch {
                        return (position, .failure(error))
                    }
                }
            }
            var results: [(Int, Result<String?, InboxError>)] = []
            for await item in group { results.append(item) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
        var heads: [(epoch: Epoch, head: String?)] = []
        for (epoch, result) in zip(epochs, found) { heads.append((epoch, try result.get())) }
        return heads
    }

    /// Whether `ancestor` is `head` or one of its ancestors in `epoch`; false when the epoch no
    /// longer has `ancestor` (its history was rewritten).
    /// - Throws: `InboxError` `.invalidRevision`, `.gitNotRunnable`.
    package func isAncestor(_ ancestor: String, of head: String, in epoch: Epoch) async throws(InboxError) -> Bool {
        try Self.validate(ancestor)
        let output = try await GitCommand.run(
            gitDirectory: epoch.gitDirectory, ["merge-base", "--is-ancestor", "--end-of-options", ancestor, head])
        return output.succeeded
    }

    /// The commits of one epoch after `after` (exclusive; nil: from its first commit) up to
    /// `head` (inclusive), oldest first, with one git process.
    /// - Throws: `InboxError` `.invalidRevision`, `.gitNotRunnable`, `.gitFailed`.
    package func commits(of epoch: Epoch, after: String?, through head: String) async throws(InboxError) -> [CommitRef]
    {
        try Self.validate(head)
        var revisions = [head]
        if let after {
            try Self.validate(after)
            revisions.append("^" + after)
        }
        return try await Self.list(epoch, revisions, isV1: try await isVersion1(epoch))
    }

    /// Whether a merge commit is among the commits of `epoch` after `after` (exclusive; nil:
    /// from its first commit) up to `head`, with one `git rev-list --min-parents=2 --max-count=1`
    /// (it walks only those commits). A history without merges is one chain, whose
    /// `rev-list --reverse` order is the order its commits were added in, whatever their times.
    /// - Throws: `InboxError` `.invalidRevision`, `.gitNotRunnable`, `.gitFailed`.
    /// A whole history this process already listed by walking its one chain (``CommitChain``)
    /// has none, without asking git.
    package func hasMerge(in epoch: Epoch, after: String?, through head: String) async throws(InboxError) -> Bool {
        try Self.validate(head)
        if after == nil, CommitChain.isKnownLinear(epoch.gitDirectory, tip: head) { return false }
        var arguments = ["rev-list", "--min-parents=2", "--max-count=1", "--end-of-options", head]
        if let after {
            try Self.validate(after)
            arguments.append("^" + after)
        }
        let output = try await GitCommand.run(gitDirectory: epoch.gitDirectory, arguments)
        guard output.succeeded else {
            throw InboxError(
                .gitFailed,
                "git rev-list failed in \(epoch.gitDirectory): \(GitCommand.firstLine(output.standardError)); check that the repository is intact ('git -C \(epoch.gitDirectory) fsck')"
            )
        }
        return !output.lines.isEmpty
    }
}

extension Inbox {
    /// `oid` abbreviated as `git rev-parse --short` does in `epoch`.
    package func abbreviated(_ oid: String, in epoch: Epoch) async throws(InboxError) -> String {
        try await Self.abbreviate(oid, in: epoch)
    }
}
