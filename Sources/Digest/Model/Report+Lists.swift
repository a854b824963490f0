extension Report {
    /// Marks the report as one of several lists (`listNames`, in the order given): each "New:"
    /// entry and each series says which of them it reached, from `lists` (patch mails'
    /// Message-IDs to their lists), in the order of `listNames`.
    mutating func showLists(_ listNames: [String], lists: [String: [String]]) {
        self.lists = listNames
        let shown = ListsShown(names: listNames, byMessageID: lists)
        for index in entries.indices {
            entries[index].lists = shown.reached([entries[index].messageID])
        }
        for index in series.indices { series[index].lists = shown.reached(series[index]) }
        seriesEntries?.lists = shown
    }
}

/// The lists of a report of several archives, and the lists each patch mail reached.
struct ListsShown: Sendable, Equatable {
    var names: [String]
    var byMessageID: [String: [String]]

    /// The lists that the mails of `ids` reached, in the order of `names`.
    func reached(_ ids: [String?]) -> [String] {
        let found = Set(ids.compactMap { $0 }.flatMap { byMessageID[$0] ?? [] })
        return names.filter(found.contains)
    }

    /// The lists that a series' cover letter and patches reached.
    func reached(_ series: SeriesEntry) -> [String] {
        reached([series.coverMessageID] + series.patches.map(\.messageID))
    }
}
