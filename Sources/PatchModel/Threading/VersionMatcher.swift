/// Matches the patches of version N to those of version N-1 (rule 4): by patch-id, else by title,
/// else by position; each match is used once.
///
/// Three passes over the new patches, each through a dictionary of the unmatched old ones, so a
/// moved patch keeps its match by patch-id or title before positions are tried.
/// - Complexity: O(*a* + *b*) for *a* new and *b* old patches.
enum VersionMatcher {
    /// A patch of the previous version, after its partial re-rolls.
    struct OldPatch {
        var position: Int
        var messageID: String
        var subject: String
        var title: String
        var patchID: String?
    }

    struct Result {
        /// Per new patch, in the order given: the change and the old patch matched.
        var matches: [(change: PatchChange, previous: OldPatch?)]
        /// Old patches without a match, by position.
        var dropped: [OldPatch]
    }

    static func match(_ new: [SeriesPatch], to old: [OldPatch]) -> Result {
        var matched: [Int: Int] = [:]  // new index → old index
        var used = Set<Int>()
        func pass(_ key: (SeriesPatch) -> String?, _ oldKey: (OldPatch) -> String?) {
            var unused: [String: [Int]] = [:]
            for (index, patch) in old.enumerated().reversed() where !used.contains(index) {
                if let value = oldKey(patch) { unused[value, default: []].append(index) }
            }
            for (index, patch) in new.enumerated() where matched[index] == nil {
                guard let value = key(patch), let candidate = unused[value]?.popLast() else { continue }
                matched[index] = candidate
                used.insert(candidate)
            }
        }
        pass(\.patchID, \.patchID)
        pass({ $0.title.isEmpty ? nil : $0.title }, { $0.title.isEmpty ? nil : $0.title })
        pass({ "\($0.position)" }, { "\($0.position)" })

        let matches = new.indices.map { index -> (change: PatchChange, previous: OldPatch?) in
            guard let oldIndex = matched[index] else { return (.new, nil) }
            let previous = old[oldIndex]
            let same = new[index].patchID != nil && new[index].patchID == previous.patchID
            return (same ? .unchanged : .changed, previous)
        }
        let dropped = old.indices.filter { !used.contains($0) }.map { old[$0] }
        return Result(matches: matches, dropped: dropped)
    }
}
