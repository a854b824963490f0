/// One bare git repository of an archive: `git/N.git` of a v2 inbox, or the whole repository
/// of a bare epoch or a v1 inbox (number 0).
package struct Epoch: Sendable, Hashable {
    package var number: Int
    package var gitDirectory: String

    package init(number: Int, gitDirectory: String) {
        self.number = number
        self.gitDirectory = gitDirectory
    }
}

/// `--from` / `--to` / `--since` / `--until` as the user gave them.
///
/// `from` and `to` are any revision git understands in some epoch: `from` is exclusive, `to`
/// inclusive, as in `git log FROM..TO`. A missing `from` starts at the very first message of the
/// archive (inclusive); a missing `to` ends at the newest one.
///
/// `since` and `until` are dates in any form `git log --since` accepts (`2025-10-01`,
/// `2025-10-01T12:00Z`, `2 weeks ago`, `yesterday`); they keep the commits whose commit time (when
/// the archive received the message) lies in `since...until`, both ends inclusive. Given with
/// `from`/`to`, the result is the intersection. See `Inbox.resolveDate(_:)` for how dates are read.
package struct RevisionRange: Sendable, Hashable {
    package var from: String?
    package var to: String?
    package var since: String?
    package var until: String?

    package init(from: String? = nil, to: String? = nil, since: String? = nil, until: String? = nil) {
        self.from = from
        self.to = to
        self.since = since
        self.until = until
    }

    /// Whether a time window was asked for.
    package var hasTimeWindow: Bool { since != nil || until != nil }
}

/// One commit of the archive, i.e. one message added (or deleted).
package struct CommitRef: Sendable, Hashable {
    /// The epoch number (index into `Inbox.epochs` by `number`).
    package var epoch: Int
    /// The full commit id.
    package var oid: String
    /// Committer time, seconds since 1970.
    package var commitTime: Int64
    /// Path of the message blob in the commit's tree: `m` for v2 and bare epochs, the fan-out
    /// path (`aa/bbbb…`) for v1; nil when the commit adds no message (a v1 deletion).
    package var messagePath: String?

    package init(epoch: Int, oid: String, commitTime: Int64, messagePath: String? = "m") {
        self.epoch = epoch
        self.oid = oid
        self.commitTime = commitTime
        self.messagePath = messagePath
    }
}

/// The commits of a `RevisionRange`, oldest first, in archive order.
package struct ResolvedRange: Sendable, Hashable {
    package var commits: [CommitRef]
    /// `from` abbreviated as `git rev-parse --short` does; nil when `from` was omitted.
    package var fromLabel: String?
    /// `to` (or the newest commit when omitted) abbreviated as `git rev-parse --short` does.
    package var toLabel: String
    /// `--since` as git read it, seconds since 1970 (UTC); nil when not given.
    package var since: Int64?
    /// `--until` as git read it, seconds since 1970 (UTC); nil when not given.
    package var until: Int64?
    /// With a time window: the first and last selected commit, abbreviated; nil when none was
    /// selected or without a time window.
    package var firstLabel: String?
    package var lastLabel: String?
    /// The mbox file or Maildir the archive was imported from; nil for a public-inbox archive.
    package var importedFrom: ImportedMailbox?

    package init(
        commits: [CommitRef], fromLabel: String?, toLabel: String, since: Int64? = nil, until: Int64? = nil,
        firstLabel: String? = nil, lastLabel: String? = nil, importedFrom: ImportedMailbox? = nil
    ) {
        self.commits = commits
        self.fromLabel = fromLabel
        self.toLabel = toLabel
        self.since = since
        self.until = until
        self.firstLabel = firstLabel
        self.lastLabel = lastLabel
        self.importedFrom = importedFrom
    }
}

/// The raw bytes of one message; `bytes` is nil when the commit has no message (a deletion).
package struct RawMail: Sendable, Hashable {
    package var commit: CommitRef
    package var bytes: [UInt8]?

    package init(commit: CommitRef, bytes: [UInt8]?) {
        self.commit = commit
        self.bytes = bytes
    }
}
