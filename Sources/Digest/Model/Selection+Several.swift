extension Selection {
    /// The selection of several archives' ranges, one per archive in the order given: the
    /// revisions of each joined by ` + ` (`1a2b3c4 + 5d6e7f8`), the window they share, the
    /// earliest first and latest last message, every commit counted.
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
    }
}
