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
