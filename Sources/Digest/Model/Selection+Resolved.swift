package import InboxReader

extension Selection {
    /// What `range` selected, as `resolved` says.
    package init(_ resolved: ResolvedRange, range: RevisionRange) {
        self.init(
            fromLabel: resolved.fromLabel, toLabel: resolved.toLabel,
            firstCommitTime: resolved.commits.first?.commitTime, lastCommitTime: resolved.commits.last?.commitTime)
        since = resolved.since
        until = resolved.until
        firstLabel = resolved.firstLabel
        lastLabel = resolved.lastLabel
        source = resolved.importedFrom?.name
        commitCount = resolved.commits.count
        if range.hasTimeWindow {
            if let fromLabel = resolved.fromLabel {
                revisions = "\(fromLabel)..\(resolved.toLabel)"
            } else if range.to != nil {
                revisions = "up to \(resolved.toLabel)"
            }
        }
    }
}
