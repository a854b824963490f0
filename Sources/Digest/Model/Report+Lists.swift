extension Report {
    /// Marks the report as one of several lists (`listNames`, in the order given): each "New:"
    /// entry and each series says which of them it reached, from `lists` (patch mails'
    /// Message-IDs to their lists), in the order of `listNames`.
    mutating func showLists(_ listNames: [String], lists: [String: [String]]) {
        self.lists = listNames
        func reached(_ ids: [String?]) -> [String] {
            let found = Set(ids.compactMap { $0 }.flatMap { lists[$0] ?? [] })
            return listNames.filter(found.contains)
        }
        for index in entries.indices {
            entries[index].lists = reached([entries[index].messageID])
        }
        for index in series.indices {
            let entry = series[index]
            series[index].lists = reached([entry.coverMessageID] + entry.patches.map(\.messageID))
        }
    }
}
