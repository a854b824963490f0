/// The cross-message rules of the report (issue "What happened to each patch set"): threads,
/// series, completeness, versions, reviews, applied notices, robot reports, waiting series and
/// activity on earlier series, over a set of messages plus look-ups in the history.
///
/// Pure: no storage, no clock. The same messages and history give the same report, in the same
/// order (by `receivedAt`, then Message-ID).
///
/// - Complexity: O(*n* log *n* + *r* + *L*) for *n* messages (the sort), *r* References entries and
///   *L* look-ups: every walk is memoised, every match goes through a dictionary. Look-ups: at
///   most one per unknown Message-ID, one thread fetch per series whose root lies outside the set,
///   and for each series of version 2 or more one or two version queries and one thread fetch.
package struct SeriesAnalyzer {
    /// Patches sent without threading join one series when they come from the same address with
    /// the same version and total, within one hour of the series' first mail.
    ///
    /// b4 uses one hour, patchwork 20 minutes. One hour, because the window is measured on the
    /// archive's commit times, which lag behind sending and arrive in bursts, and a long series
    /// through a rate-limited relay can take more than 20 minutes; the wider window costs little,
    /// because a second mail at a taken position starts a new series instead of joining.
    package static let unthreadedWindow: Int64 = 3_600
    /// How far back the same title from the same address counts as an earlier version: 365 days.
    package static let titleLookBack: Int64 = 365 * 86_400

    let lookup: any SeriesLookup
    var graph: ThreadGraph
    /// The set: one message per Message-ID, in archive order.
    var ordered: [ThreadMessage]
    /// Messages from the history received after the set's last message are not used.
    let ceiling: Int64
    /// By graph node: the root node of its series (`ChainWalk.unknown` where not walked yet).
    var seriesRootMemo: [ThreadGraph.Node] = []
    /// Drafts by the root of their reply chain.
    var drafts: [String: SeriesDraft] = [:]
    /// Unthreaded drafts merged into another: merged root → kept root.
    var mergedInto: [String: String] = [:]
    /// Laid-out series by draft root.
    var series: [String: PatchSeries] = [:]
    /// Every patch mail of a series (members and re-rolls): draft root and position.
    var placement: [String: (root: String, position: Int)] = [:]
    /// Older series of the set → the newest version of it in the set.
    var newerVersion: [String: String] = [:]

    /// Analyses the set; `lookup` answers for messages outside it (none: this set only).
    package static func analyze(_ messages: [ThreadMessage], lookup: any SeriesLookup = NoSeriesLookup())
        -> SeriesReport
    {
        var analyzer = SeriesAnalyzer(messages: messages, lookup: lookup)
        var findings = analyzer.run()
        return findings.report()
    }

    /// Analyses a set given in parts that no rule links (see ``ThreadPartition``), one part at a
    /// time, without a look-up in the history: the same report as ``analyze(_:lookup:)`` over
    /// the parts' messages together, holding one part's working state at a time. Each series is
    /// handed to `handOver` as soon as its part is analysed, so that no series waits for the
    /// last part in the rules' model (at a million messages, the series of every part together
    /// are hundreds of MB).
    /// - Parameters:
    ///   - ceiling: the latest `receivedAt` of the whole set.
    ///   - nextPart: the next part's messages in archive order; nil after the last.
    /// - Returns: the report without its series, and where the series go: `order[k]` is the
    ///   place, among the series in the order they were handed over, of the report's `k`-th.
    package static func analyze<Failure: Error>(
        ceiling: Int64, nextPart: () throws(Failure) -> [ThreadMessage]?,
        handOver: (consuming PatchSeries) throws(Failure) -> Void
    ) throws(Failure) -> (report: SeriesReport, order: [Int]) {
        var responses = ResponseCollector()
        var places: [SeriesFindings.Place] = []
        while let part = try nextPart() {
            var found = findings(ofPart: part, ceiling: ceiling).findings
            responses.absorb(found.responses)
            var series: [PatchSeries] = []
            swap(&series, &found.series)
            while let next = series.popLast() {
                places.append(SeriesFindings.Place(next))
                try handOver(next)
            }
        }
        var findings = SeriesFindings(series: [], responses: responses)
        var report = findings.report()
        let order = places.indices.sorted { places[$0] < places[$1] }
        report.waiting = order.filter { places[$0].isWaiting }.map { places[$0].id }
        return (report, order)
    }

    /// The rules over one part of a set that no rule links to the set's other parts (see
    /// ``ThreadPartition``), without a look-up in the history; parts may be analysed on different
    /// threads, and their findings put together by ``report(ofParts:)``.
    /// - Parameter ceiling: the latest `receivedAt` of the whole set.
    package static func findings(ofPart messages: [ThreadMessage], ceiling: Int64) -> SeriesPartFindings {
        var analyzer = SeriesAnalyzer(messages: messages, lookup: NoSeriesLookup(), ceiling: ceiling)
        return SeriesPartFindings(findings: analyzer.run())
    }

    /// The report of a set from the findings of its parts, given in the parts' order: the same
    /// report as ``analyze(_:lookup:)`` over the parts' messages together, without a look-up.
    package static func report(ofParts parts: consuming [SeriesPartFindings]) -> SeriesReport {
        var all = SeriesFindings()
        for part in parts {
            all.series.append(contentsOf: part.findings.series)
            all.responses.absorb(part.findings.responses)
        }
        return all.report()
    }

    /// - Parameter ceiling: the latest `receivedAt` of the set; by default that of `messages`.
    init(messages: [ThreadMessage], lookup: any SeriesLookup, ceiling: Int64? = nil) {
        // The graph keeps the first message of each Message-ID; its set is `ordered`, node by node.
        graph = ThreadGraph(
            messages: messages.sorted(by: ThreadMessage.archiveOrder), lookup: { lookup.message(id: $0) })
        ordered = graph.setMessages
        self.ceiling = ceiling ?? ordered.last?.receivedAt ?? .min
        self.lookup = lookup
    }

    mutating func run() -> SeriesFindings {
        groupByThread()
        mergeUnthreaded()
        completeFromHistory()
        layOut()
        linkVersions()
        var responses = ResponseCollector()
        collectResponses(into: &responses)
        // The messages and their graph are read no more: what `finish` makes can reuse them.
        graph = ThreadGraph(messages: [], lookup: { _ in nil })
        ordered = []
        placement = [:]
        seriesRootMemo = []
        return finish(responses)
    }

    /// The kept root of a draft root (after unthreaded merges).
    func canonical(_ root: String) -> String { mergedInto[root] ?? root }

    /// The root of a patch mail's series: walks up while each patch mail continues the one above
    /// (or is a partial re-roll of it). Memoised; a cycle ends the walk where it closes. An
    /// unknown Message-ID is its own root.
    mutating func seriesRoot(of id: String) -> String {
        guard let node = graph.node(id) else { return id }
        // The walk first: `graph.message(at: seriesRoot(…))` would copy the graph before the walk
        // changes it, and every change would then copy its arrays.
        let root = seriesRoot(of: node)
        return graph.message(at: root).messageID
    }

    /// The root node of a patch mail's series (see ``seriesRoot(of:)-(String)``).
    mutating func seriesRoot(of node: ThreadGraph.Node) -> ThreadGraph.Node {
        // The memo is moved out for the walk, which calls back into the graph.
        var memo = seriesRootMemo
        seriesRootMemo = []
        defer { seriesRootMemo = memo }
        return ChainWalk.top(from: node, memo: &memo) { current in
            guard let above = graph.patchMailAbove(current) else { return nil }
            let message = graph.message(at: current)
            let aboveMessage = graph.message(at: above)
            guard
                SeriesMembership.continues(message, above: aboveMessage)
                    || SeriesMembership.rerolls(message, above: aboveMessage)
            else { return nil }
            return above
        }
    }

    /// The patch mail a partial re-roll answered; nil for any other mail.
    mutating func rerollTarget(of message: ThreadMessage) -> String? {
        guard message.minorVersion != nil, let node = graph.node(message.messageID),
            let above = graph.patchMailAbove(node), SeriesMembership.rerolls(message, above: graph.message(at: above))
        else { return nil }
        return graph.message(at: above).messageID
    }

    /// Rule 2, threads first: every patch mail of the set joins the series of its reply chain.
    mutating func groupByThread() {
        // The set's messages are the graph's first nodes, in this order.
        for (node, message) in ordered.enumerated() where message.isPatchMail {
            let rootNode = seriesRoot(of: node)
            let root = graph.message(at: rootNode)
            let reroll = rerollTarget(of: message)
            drafts[root.messageID, default: SeriesDraft(root: root)].add(message, rerollOf: reroll)
        }
    }

    /// Rule 2, series sent without threading: drafts whose root answers no patch mail join the
    /// earliest open draft with the same address, version, total and RESEND, started at most
    /// `unthreadedWindow` seconds earlier, whose positions they do not overlap.
    ///
    /// The same holds for siblings under a foreign patch mail: patches that answer one patch mail
    /// without continuing its series (`[kvmtool v2 3/5]`…`[kvmtool v2 5/5]`, each sent in reply to
    /// a kernel `[PATCH v2 0/2]`) are one series, not one per mail; only drafts that answer the
    /// same patch mail join.
    /// - Complexity: O(*d* log *d*) for *d* drafts, plus the open drafts of one key in the window.
    mutating func mergeUnthreaded() {
        struct Group {
            var root: String
            var start: Int64
            var positions: Set<Int>
        }
        var candidates: [(key: String, group: Group)] = []
        for (root, draft) in drafts {
            let head = draft.root
            guard graph.contains(root), head.minorVersion == nil, let total = head.total, head.number != nil
            else { continue }
            let answered = graph.patchMailAbove(root) ?? ""
            let key = "\(head.authorKey)\u{0}\(head.revision)\u{0}\(total)\u{0}\(head.isResend)\u{0}\(answered)"
            candidates.append((key, Group(root: root, start: draft.start, positions: draft.positions)))
        }
        candidates.sort {
            $0.group.start != $1.group.start ? $0.group.start < $1.group.start : $0.group.root < $1.group.root
        }
        var groups: [Group] = []
        var open: [String: [Int]] = [:]
        for candidate in candidates {
            var list = open[candidate.key] ?? []
            list.removeAll { groups[$0].start < candidate.group.start - Self.unthreadedWindow }
            if let target = list.first(where: { groups[$0].positions.isDisjoint(with: candidate.group.positions) }) {
                groups[target].positions.formUnion(candidate.group.positions)
                let keptRoot = groups[target].root
                if let merged = drafts.removeValue(forKey: candidate.group.root) {
                    drafts[keptRoot]?.absorb(merged)
                }
                mergedInto[candidate.group.root] = keptRoot
            } else {
                groups.append(candidate.group)
                list.append(groups.count - 1)
            }
            open[candidate.key] = list
        }
    }

    /// Rule 2, a series straddling the set's start: a draft whose root lies before the set takes
    /// the other patch mails of its thread from the history.
    mutating func completeFromHistory() {
        for root in drafts.keys.sorted() where !graph.contains(root) {
            var candidates: [ThreadMessage] = []
            if let rootMessage = graph.message(root) { candidates.append(rootMessage) }
            for message in lookup.messages(inThreadOf: root)
            where !graph.contains(message.messageID) && message.receivedAt <= ceiling {
                graph.learn(message)
                if message.isPatchMail { candidates.append(message) }
            }
            candidates.sort(by: ThreadMessage.archiveOrder)
            for message in candidates where seriesRoot(of: message.messageID) == root {
                let reroll = rerollTarget(of: message)
                drafts[root]?.add(message, rerollOf: reroll)
            }
        }
    }

    /// Rule 3: each draft laid out by position, with completeness. The drafts are let go: the
    /// rules after this one read the laid-out series.
    mutating func layOut() {
        let graph = self.graph
        let drafts = self.drafts
        self.drafts = [:]
        placement.reserveCapacity(drafts.values.reduce(0) { $0 + $1.members.count + $1.rerolls.count })
        for (root, draft) in drafts {
            let (laidOut, positions) = draft.layOut(isInSet: { graph.contains($0) })
            series[root] = laidOut
            for (id, position) in positions { placement[id] = (root, position) }
        }
    }
}
