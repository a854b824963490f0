internal import PatchModel

/// Orders patch mails for the patch list: archive order, except that the mails of one series
/// are listed together, its cover letter first, then its patches by number.
///
/// A patch belongs to the series of the nearest message it replies to (In-Reply-To, then
/// References from the nearest back to the root) that is a cover letter of the range, or to the
/// series of the nearest patch it replies to (shallow threading: 2/3 replying to 1/3), provided
/// version and total agree. A cover letter always starts its own series, even when it replies to
/// the previous version's cover letter. A series is placed where its first-arriving mail is.
///
/// - Complexity: O(*n* · *r*) for *n* mails with at most *r* references each.
enum SeriesGrouping {
    /// The indices of `mails` in patch-list order, each with whether it follows its series' head.
    static func order<Mails: RandomAccessCollection<PatchMailSummary>>(
        _ mails: Mails
    ) -> [(index: Int, isInSeries: Bool)] where Mails.Index == Int {
        var indexByID: [String: Int] = [:]
        for (index, mail) in mails.enumerated() {
            if let id = mail.messageID, indexByID[id] == nil { indexByID[id] = index }
        }
        var anchors = [Int](repeating: -1, count: mails.count)
        for index in mails.indices {
            anchors[index] = anchor(of: index, in: mails, indexByID: indexByID, known: anchors)
        }
        var groups: [Int: [Int]] = [:]
        var groupOrder: [Int] = []
        for (index, anchor) in anchors.enumerated() {
            if groups[anchor] == nil { groupOrder.append(anchor) }
            groups[anchor, default: []].append(index)
        }
        var result: [(index: Int, isInSeries: Bool)] = []
        result.reserveCapacity(mails.count)
        for anchor in groupOrder {
            // Safe to force unwrap: every anchor in groupOrder was given a group just above.
            let members = groups[anchor]!.sorted { a, b in
                let (ka, kb) = (rank(mails[a]), rank(mails[b]))
                return ka != kb ? ka < kb : a < b
            }
            for (position, index) in members.enumerated() {
                result.append((index, position > 0))
            }
        }
        return result
    }

    /// Cover letters first, then patches by number; unnumbered ones last.
    private static func rank(_ mail: PatchMailSummary) -> Int {
        mail.kind == .cover ? -1 : (mail.number ?? Int.max)
    }

    /// The index of the series head that `index` belongs to (itself when none).
    private static func anchor<Mails: RandomAccessCollection<PatchMailSummary>>(
        of index: Int, in mails: Mails, indexByID: [String: Int], known: [Int]
    ) -> Int where Mails.Index == Int {
        var current = index
        var steps = 0
        // Iterative walk up the reply chain; `steps` bounds it against reference cycles.
        while steps < mails.count {
            steps += 1
            let mail = mails[current]
            if mail.kind == .cover { return current }
            guard let parent = nearestSeriesParent(of: mail, in: mails, indexByID: indexByID),
                parent != current
            else { return current }
            if mails[parent].kind == .cover { return parent }
            if known[parent] >= 0 { return known[parent] }
            current = parent
        }
        return current
    }

    private static func nearestSeriesParent<Mails: RandomAccessCollection<PatchMailSummary>>(
        of mail: PatchMailSummary, in mails: Mails, indexByID: [String: Int]
    ) -> Int? where Mails.Index == Int {
        var candidates: [String] = []
        if let inReplyTo = mail.inReplyTo { candidates.append(inReplyTo) }
        candidates.append(contentsOf: mail.references.reversed())
        for id in candidates {
            guard let parent = indexByID[id] else { continue }
            let other = mails[parent]
            if other.total == mail.total && other.version == mail.version && mail.number != nil {
                return parent
            }
        }
        return nil
    }
}
