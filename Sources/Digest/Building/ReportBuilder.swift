package import InboxReader
internal import PatchModel

/// What a report is asked for, beyond its range.
package struct ReportOptions: Sendable {
    /// `--list`: the list's name for the title; derived from the messages when nil.
    package var listName: String?
    /// `--top`: rows per table.
    package var top: Int

    package init(listName: String? = nil, top: Int = 15) {
        self.listName = listName
        self.top = top
    }
}

/// Builds the ``Report`` of one range of an archive.
package struct ReportBuilder: Sendable {
    /// The report reads only part of each mail's facts (see `MessageFacts.Detail.report`).
    package var pipeline = MessagePipeline(detail: .report)

    package init() {}

    /// - Throws: ``InboxError`` when the range cannot be resolved or the archive cannot be read.
    package func build(inbox: Inbox, range: RevisionRange, options: ReportOptions) async throws -> Report {
        let resolved = try await inbox.resolve(range)
        var aggregator = ReportAggregator()
        try await pipeline.run(inbox: inbox, commits: resolved.commits) { parsed in
            switch parsed {
            case .deleted: aggregator.addDeletion()
            case .message(_, let facts): aggregator.add(facts)
            }
        }
        let listName =
            options.listName
            ?? aggregator.mostCommonListID.map(Self.listName(fromListID:))
            ?? inbox.displayName.uppercased()
        let selection = Selection(
            fromLabel: resolved.fromLabel, toLabel: resolved.toLabel,
            firstCommitTime: resolved.commits.first?.commitTime, lastCommitTime: resolved.commits.last?.commitTime)
        return aggregator.report(listName: listName, selection: selection, top: options.top)
    }

    /// `kvm.vger.kernel.org` → `KVM`: the List-Id's first label, upper-cased.
    package static func listName(fromListID listID: String) -> String {
        let label = listID.split(separator: ".", maxSplits: 1).first.map(String.init) ?? listID
        return label.uppercased()
    }
}
