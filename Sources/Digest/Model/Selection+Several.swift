extension Selection {
    /// The selection of several archives' ranges, one per archive in the order given: the
    /// revisions of each joined by ` + ` (`1a2b3c4 + 5d6e7f8`), the window they share, the
    /// earliest first and latest last message, every commit counted; since the last run when
    /// every one is (with the bookmarks' commits joined the same way when each has one).
    package init(merging selections: [Selection]) {
        func joined(_ labels: [String?]) -> String? {
            let present = labels.compactMap { $0 }
            return present.isEmpty ? nil : present.joined(separator: " + ")
        }
        self.init(
            fromLabel: nil, toLabel: joined(selections.map(\.toLabel)) ?? "",
            firstCommitTime: selections.compactMap(\.firstCommitTime).min(),
            lastCommitTime: selections.compactMap(\.lastCommitTime).max())
        since = selections.first?.since
        until = selections.first?.until
        firstLabel = joined(selections.map(\.firstLabel))
        lastLabel = joined(selections.map(\.lastLabel))
        source = joined(selections.map(\.source))
        commitCount = selections.reduce(0) { $0 + ($1.commitCount ?? 0) }
        // Every archive's range since its own bookmark: the title names the days, not commits.
        isSinceLastRun = !selections.isEmpty && selections.allSatisfy(\.isSinceLastRun)
        if isSinceLastRun && selections.allSatisfy({ $0.fromLabel != nil }) {
            fromLabel = joined(selections.map(\.fromLabel))
        }
    }
}
