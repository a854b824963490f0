/// The patch mails found for one series, before they are laid out by position.
struct SeriesDraft {
    /// The root of the reply chain (the cover, or patch 1 when there is no cover).
    var root: ThreadMessage
    var members: [ThreadMessage] = []
    /// Partial re-rolls, with the patch mail each answered.
    var rerolls: [(message: ThreadMessage, above: String)] = []
    private var known: Set<String> = []

    init(root: ThreadMessage) {
        self.root = root
    }

    /// Adds a patch mail once; `rerollOf` is the mail a partial re-roll answered.
    mutating func add(_ message: ThreadMessage, rerollOf above: String?) {
        guard known.insert(message.messageID).inserted else { return }
        if let above {
            rerolls.append((message, above))
        } else {
            members.append(message)
        }
    }

    /// Takes over the mails of another draft (an unthreaded series found to be part of this one).
    mutating func absorb(_ other: SeriesDraft) {
        for member in other.members { add(member, rerollOf: nil) }
        for reroll in other.rerolls { add(reroll.message, rerollOf: reroll.above) }
    }

    /// Positions taken by the draft's mails (0 for a cover).
    var positions: Set<Int> { Set(members.map(\.position)) }
    /// When the draft's first mail was received.
    var start: Int64 { members.map(\.receivedAt).min() ?? root.receivedAt }

    /// Lays the draft out: cover, one patch per position (the first received wins), total and
    /// completeness, notes. Versions and responses are filled in later.
    /// - Complexity: O(*m* log *m*) for *m* mails, plus the total's positions for `missing`.
    func layOut(isInSet: (String) -> Bool) -> (series: PatchSeries, placement: [String: Int]) {
        let ordered = members.sorted(by: ThreadMessage.archiveOrder)
        var cover: ThreadMessage?
        var byPosition: [Int: ThreadMessage] = [:]
        var notes: [SeriesNote] = []
        var placement: [String: Int] = [:]
        for message in ordered {
            let position = message.position
            placement[message.messageID] = position
            if position == 0 {
                if let kept = cover {
                    notes.append(.duplicatePosition(position: 0, kept: kept.messageID, ignored: message.messageID))
                } else {
                    cover = message
                }
            } else if let kept = byPosition[position] {
                notes.append(.duplicatePosition(position: position, kept: kept.messageID, ignored: message.messageID))
            } else {
                byPosition[position] = message
            }
        }
        let positions = byPosition.keys.sorted()
        let head = cover ?? positions.first.flatMap { byPosition[$0] } ?? root
        let highest = positions.last ?? 0
        let announced = cover?.total ?? root.total ?? ordered.lazy.compactMap(\.total).first
        var total = announced ?? highest
        if let announced, highest > announced {
            notes.append(.totalRaised(announced: announced, to: highest))
            total = highest
        }
        let missing =
            total <= PatchSeries.largestListedTotal
            ? (total > 0 ? (1...total).filter { byPosition[$0] == nil } : []) : []

        let patches = positions.compactMap { position -> SeriesPatch? in
            guard let message = byPosition[position] else { return nil }
            return SeriesPatch(
                position: position, messageID: message.messageID, subject: message.subject, title: message.title,
                patchID: message.patchID, receivedAt: message.receivedAt, isInSet: isInSet(message.messageID),
                change: nil, previousMessageID: nil, trailers: [], replies: 0)
        }
        let rerollList = rerolls.sorted { ThreadMessage.archiveOrder($0.message, $1.message) }.map { reroll in
            let message = reroll.message
            placement[message.messageID] = message.position
            return PartialReroll(
                position: message.position, messageID: message.messageID, subject: message.subject,
                title: message.title, version: "\(message.revision).\(message.minorVersion ?? 0)",
                patchID: message.patchID,
                receivedAt: message.receivedAt,
                replacesMessageID: byPosition[message.position]?.messageID ?? reroll.above)
        }
        let changeID = cover?.changeID ?? byPosition[1]?.changeID ?? ordered.lazy.compactMap(\.changeID).first
        let series = PatchSeries(
            id: cover?.messageID ?? positions.first.flatMap { byPosition[$0]?.messageID } ?? root.messageID,
            title: (cover ?? byPosition[1] ?? head).title,
            version: head.version, minorVersion: head.minorVersion, isRFC: head.isRFC, isResend: head.isResend,
            total: total, coverMessageID: cover?.messageID,
            author: SeriesPerson(name: head.authorName, email: head.authorEmail),
            receivedAt: ordered.first?.receivedAt ?? root.receivedAt,
            received: positions, missing: missing, changeID: changeID, previous: nil,
            patches: patches, dropped: [], rerolls: rerollList, responses: SeriesResponses(), notes: notes,
            supersededBy: nil, startedBefore: ordered.contains { !isInSet($0.messageID) })
        return (series, placement)
    }
}
