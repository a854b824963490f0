/// Rule 4: each series of version 2 or more is linked to its nearest earlier version, and its
/// patches are matched to that version's.
extension SeriesAnalyzer {
    /// An earlier version found: in the set (a draft root) or in the history (its message).
    private struct Candidate {
        var revision: Int
        var receivedAt: Int64
        var messageID: String
        var rootInSet: String?

        /// Nearest first: the highest version, then the latest, then the greatest Message-ID.
        func isNearer(than other: Candidate) -> Bool {
            if revision != other.revision { return revision > other.revision }
            if receivedAt != other.receivedAt { return receivedAt > other.receivedAt }
            return messageID > other.messageID
        }
    }

    private static func titleKey(_ title: String, _ email: String) -> String { "\(title)\u{0}\(email.lowercased())" }

    /// Links every series of the set, in a fixed order.
    /// - Complexity: O(*s* log *s*) for *s* series, plus per linked series its look-ups and the
    ///   patches of both versions.
    mutating func linkVersions() {
        var byChangeID: [String: [String]] = [:]
        var byTitle: [String: [String]] = [:]
        for (root, found) in series {
            if let changeID = found.changeID { byChangeID[changeID, default: []].append(root) }
            byTitle[Self.titleKey(found.title, found.author.email), default: []].append(root)
        }
        for root in series.keys.sorted() {
            guard let current = series[root], current.revision >= 2 else { continue }
            var linkedBy = VersionLink.changeID
            var best: Candidate?
            if let changeID = current.changeID {
                let inSet = byChangeID[changeID] ?? []
                best = nearest(
                    to: current, root: root, inSet: inSet, history: lookup.earlierVersions(changeID: changeID))
            }
            if best == nil {
                linkedBy = .titleAndAuthor
                let notBefore = current.receivedAt - Self.titleLookBack
                let history = lookup.earlierVersions(
                    title: current.title, authorEmail: current.author.email, before: current.receivedAt,
                    notBefore: notBefore)
                let inSet = (byTitle[Self.titleKey(current.title, current.author.email)] ?? []).filter {
                    (series[$0]?.receivedAt ?? .min) >= notBefore
                }
                best = nearest(
                    to: current, root: root, inSet: inSet,
                    history: history.filter {
                        $0.authorKey == current.author.email.lowercased() && $0.receivedAt >= notBefore
                    })
            }
            guard let best, let old = earlierSeries(best, before: current.receivedAt) else { continue }
            apply(old, linkedBy: linkedBy, to: root)
            if let oldRoot = old.rootInSet,
                newerVersion[oldRoot].flatMap({ series[$0]?.revision }) ?? .min < current.revision
            {
                newerVersion[oldRoot] = root
            }
        }
    }

    /// The nearest earlier version among the candidates: a patch mail of a lower version, received
    /// before the series, not one of its own mails.
    private mutating func nearest(
        to current: PatchSeries, root: String, inSet: [String], history: [ThreadMessage]
    ) -> Candidate? {
        var best: Candidate?
        func consider(_ candidate: Candidate) {
            guard candidate.revision < current.revision, candidate.receivedAt < current.receivedAt else { return }
            if best.map({ candidate.isNearer(than: $0) }) ?? true { best = candidate }
        }
        for otherRoot in inSet where otherRoot != root {
            guard let other = series[otherRoot] else { continue }
            consider(
                Candidate(
                    revision: other.revision, receivedAt: other.receivedAt, messageID: other.id, rootInSet: otherRoot))
        }
        for message in history where message.isPatchMail && message.receivedAt <= ceiling {
            if let placed = placement[message.messageID] {
                guard placed.root != root, let other = series[placed.root] else { continue }
                consider(
                    Candidate(
                        revision: other.revision, receivedAt: other.receivedAt, messageID: other.id,
                        rootInSet: placed.root))
            } else {
                consider(
                    Candidate(
                        revision: message.revision, receivedAt: message.receivedAt, messageID: message.messageID,
                        rootInSet: nil))
                graph.learn(message)
            }
        }
        return best
    }

    /// The earlier series, laid out: from the set, or rebuilt from its thread in the history.
    private mutating func earlierSeries(_ candidate: Candidate, before: Int64) -> (
        series: PatchSeries, rootInSet: String?
    )? {
        if let root = candidate.rootInSet, let found = series[root] { return (found, root) }
        let root = canonical(seriesRoot(of: candidate.messageID))
        if let found = series[root] { return (found, root) }
        guard let rootMessage = graph.message(root) else { return nil }
        var draft = SeriesDraft(root: rootMessage)
        var members = [rootMessage]
        for message in lookup.messages(inThreadOf: root) where message.isPatchMail && message.receivedAt < before {
            graph.learn(message)
            members.append(message)
        }
        members.sort(by: ThreadMessage.archiveOrder)
        for message in members where seriesRoot(of: message.messageID) == root {
            draft.add(message, rerollOf: rerollTarget(of: message))
        }
        return (draft.layOut(isInSet: { _ in false }).series, nil)
    }

    /// Labels the patches of the series at `root` against the old series.
    private mutating func apply(
        _ old: (series: PatchSeries, rootInSet: String?), linkedBy: VersionLink, to root: String
    ) {
        guard var current = series[root] else { return }
        let earlier = old.series
        var byPosition: [Int: VersionMatcher.OldPatch] = [:]
        for patch in earlier.patches {
            byPosition[patch.position] = .init(
                position: patch.position, messageID: patch.messageID, subject: patch.subject, title: patch.title,
                patchID: patch.patchID)
        }
        // A partial re-roll sent before this version replaces its patch in the old one.
        for reroll in earlier.rerolls where reroll.receivedAt < current.receivedAt {
            byPosition[reroll.position] = .init(
                position: reroll.position, messageID: reroll.messageID, subject: reroll.subject,
                title: reroll.title, patchID: reroll.patchID)
        }
        let oldPatches = byPosition.keys.sorted().compactMap { byPosition[$0] }
        let result = VersionMatcher.match(current.patches, to: oldPatches)
        for (index, match) in result.matches.enumerated() {
            current.patches[index].change = match.change
            current.patches[index].previousMessageID = match.previous?.messageID
        }
        current.dropped = result.dropped.map {
            DroppedPatch(position: $0.position, messageID: $0.messageID, subject: $0.subject)
        }
        current.previous = PreviousVersion(
            version: earlier.revision, messageID: earlier.id, receivedAt: earlier.receivedAt, linkedBy: linkedBy)
        series[root] = current
    }
}
