/// Rules 5 to 9: replies attached to the patch or cover they answer, trailers, robot reports,
/// applied notices, waiting series and the activity on series posted before the set.
extension SeriesAnalyzer {
    /// Reads every reply of the set once, in archive order.
    /// - Complexity: O(*n* + *t*) for *n* messages and *t* trailers, plus look-ups for ancestors
    ///   outside the set.
    mutating func collectResponses(into collector: inout ResponseCollector) {
        // The set's messages are the graph's first nodes, in this order.
        for (node, message) in ordered.enumerated() where message.isAnswerKind {
            collector.reading(message)
            guard let parent = graph.parent(of: node), let anchorNode = graph.patchMailAnchor(of: parent) else {
                continue
            }
            let anchorMessage = graph.message(at: anchorNode)
            let root: String
            let position: Int
            if let placed = placement[anchorMessage.messageID] {
                root = placed.root
                position = placed.position
            } else {
                position = anchorMessage.position
                let rootNode = seriesRoot(of: anchorNode)
                root = canonical(graph.message(at: rootNode).messageID)
            }
            // Mutated in place through its index: a copy of the series held across the call would
            // make every reply copy the series' response lists.
            if let index = series.index(forKey: root) {
                let author = series.values[index].author.email.lowercased()
                let total = series.values[index].total
                series.values[index].responses.record(
                    message, position: position, seriesAuthor: author, total: total,
                    target: ResponseTarget(root: root, isEarlier: false),
                    collector: &collector)
                continue
            }
            // Rule 9: the series lies before the set.
            guard let rootMessage = graph.message(root) else { continue }
            if collector.earlier[root] == nil {
                collector.earlier[root] = EarlierSeriesActivity(
                    seriesID: root, title: rootMessage.title, version: rootMessage.version,
                    author: SeriesPerson(name: rootMessage.authorName, email: rootMessage.authorEmail),
                    receivedAt: rootMessage.receivedAt, responses: SeriesResponses())
            }
            var earlier = collector.earlier.removeValue(forKey: root)
            earlier?.responses.record(
                message, position: position, seriesAuthor: rootMessage.authorKey, total: rootMessage.total ?? 1,
                target: ResponseTarget(root: root, isEarlier: true), collector: &collector)
            collector.earlier[root] = earlier
        }
    }

    /// Per-patch trailers and replies and superseded series: the set's findings, unordered.
    mutating func finish(_ collector: ResponseCollector) -> SeriesFindings {
        for (oldRoot, _) in newerVersion {
            var seen: Set<String> = [oldRoot]
            var newest = oldRoot
            while let next = newerVersion[newest], seen.insert(next).inserted { newest = next }
            if newest != oldRoot, let newer = series[newest] {
                series[oldRoot]?.supersededBy = SupersededBy(version: newer.revision, seriesID: newer.id)
            }
        }
        var all: [PatchSeries] = []
        all.reserveCapacity(series.count)
        // Each series moved out of the table, not copied: a copy would share its patches with the
        // table's, and giving them their trailers would then copy every series' patches once more.
        while var found = series.popFirst()?.value {
            found.distributeResponses()
            all.append(found)
        }
        return SeriesFindings(series: all, responses: collector)
    }
}

/// What the rules found in one part of a set (``SeriesAnalyzer/findings(ofPart:ceiling:)``).
package struct SeriesPartFindings: Sendable {
    let findings: SeriesFindings
}

/// What the rules found in a set, or in one part of it (``SeriesAnalyzer/findings(ofPart:ceiling:)``),
/// before the report's order is given.
struct SeriesFindings: Sendable {
    var series: [PatchSeries] = []
    var responses = ResponseCollector()

    /// Where a series goes in the report: by the receipt of its first mail, then its id.
    struct Place: Comparable {
        var receivedAt: Int64
        var id: String
        var isWaiting: Bool

        init(_ series: PatchSeries) {
            receivedAt = series.receivedAt
            id = series.id
            isWaiting = series.isWaiting
        }

        static func < (lhs: Place, rhs: Place) -> Bool {
            lhs.receivedAt != rhs.receivedAt ? lhs.receivedAt < rhs.receivedAt : lhs.id < rhs.id
        }
    }

    /// Reviewers, waiting series, and the final order; the findings are let go.
    mutating func report() -> SeriesReport {
        var all: [PatchSeries] = []
        swap(&all, &series)
        all.sort { Place($0) < Place($1) }
        let collector = responses
        let earlier = collector.earlier.values.sorted {
            $0.receivedAt != $1.receivedAt ? $0.receivedAt < $1.receivedAt : $0.seriesID < $1.seriesID
        }
        let reviewers = collector.reviewers.values.sorted {
            if $0.trailers != $1.trailers { return $0.trailers > $1.trailers }
            if $0.replies != $1.replies { return $0.replies > $1.replies }
            return $0.email.lowercased() < $1.email.lowercased()
        }
        return SeriesReport(
            series: all, reviewers: reviewers, waiting: all.filter(\.isWaiting).map(\.id),
            earlierActivity: earlier, reviewCredits: collector.credits)
    }
}

/// A series of the set or an earlier one, by its root's Message-ID: what a reply counts for.
struct ResponseTarget: Hashable {
    var root: String
    var isEarlier: Bool
}

/// A trailer counted once per target: its type, address (lower case) and position.
struct TrailerKey: Hashable {
    var type: ReviewTrailerType
    var email: String
    var position: Int
}

/// What the reading of replies keeps besides the series themselves.
struct ResponseCollector {
    var earlier: [String: EarlierSeriesActivity] = [:]
    /// Per target: the (type, address, position) of trailers already counted.
    var trailerKeys: [ResponseTarget: Set<TrailerKey>] = [:]
    /// Per target: the addresses of repliers already listed.
    var replierKeys: [ResponseTarget: Set<String>] = [:]
    /// By lower-case address.
    var reviewers: [String: Reviewer] = [:]
    /// Each count added to `reviewers`, with its mail's date, in archive order.
    var credits: [ReviewCredit] = []

    /// Per reviewer key: how often each spelling of the name was used, and when first.
    var nameUses: [String: [String: (count: Int, first: UseOrder)]] = [:]
    /// Per reviewer key: when the reviewer was first met (their address is spelled as then).
    var firstMet: [String: UseOrder] = [:]
    /// The mail being read, and how many times a reviewer was met in it so far.
    private var current = UseOrder(receivedAt: .min, messageID: "", step: 0)

    /// When a reviewer was met: the mail, in archive order, and the step within it. Comparing
    /// these orders the meetings of a whole set even when its parts were read apart.
    struct UseOrder: Comparable {
        var receivedAt: Int64
        var messageID: String
        var step: Int

        static func < (lhs: UseOrder, rhs: UseOrder) -> Bool {
            if lhs.receivedAt != rhs.receivedAt { return lhs.receivedAt < rhs.receivedAt }
            if lhs.messageID != rhs.messageID { return lhs.messageID < rhs.messageID }
            return lhs.step < rhs.step
        }
    }

    /// Notes the mail read next (the set's mails are read in archive order).
    mutating func reading(_ message: ThreadMessage) {
        current = UseOrder(receivedAt: message.receivedAt, messageID: message.messageID, step: 0)
    }

    /// The reviewer's key (the address in lower case); the shown name is the spelling used most
    /// (ties: the first seen), as the contributor table chooses it: "Auger Eric" in old mails and
    /// "Eric Auger" in most is Eric Auger everywhere.
    mutating func reviewer(_ email: String, name: String) -> String {
        let key = email.lowercased()
        current.step += 1
        if reviewers[key] == nil {
            reviewers[key] = Reviewer(name: name, email: email, trailers: 0, replies: 0)
            firstMet[key] = current
        }
        guard !name.isEmpty else { return key }
        // Counted in place: a copy taken out and written back made every reply copy the table.
        if nameUses[key]?[name] == nil { nameUses[key, default: [:]][name] = (0, current) }
        nameUses[key]?[name]?.count += 1
        if let best = Self.mostUsed(nameUses[key]), reviewers[key]?.name != best { reviewers[key]?.name = best }
        return key
    }

    /// The spelling used most; ties: the first used.
    private static func mostUsed(_ uses: [String: (count: Int, first: UseOrder)]?) -> String? {
        uses?.min { a, b in
            a.value.count != b.value.count ? a.value.count > b.value.count : a.value.first < b.value.first
        }?.key
    }

    /// Takes in the reading of another part of the set, whose mails and series are not this one's:
    /// counts add up, and names and addresses are chosen as one reading of the whole set would.
    mutating func absorb(_ other: ResponseCollector) {
        earlier.merge(other.earlier) { mine, theirs in mine.receivedAt <= theirs.receivedAt ? mine : theirs }
        credits.append(contentsOf: other.credits)
        for (key, theirs) in other.reviewers {
            guard var mine = reviewers[key], let metMine = firstMet[key], let metTheirs = other.firstMet[key] else {
                reviewers[key] = theirs
                firstMet[key] = other.firstMet[key]
                nameUses[key] = other.nameUses[key]
                continue
            }
            mine.trailers += theirs.trailers
            mine.replies += theirs.replies
            if metTheirs < metMine {
                mine.email = theirs.email
                mine.name = theirs.name
                firstMet[key] = metTheirs
            }
            for (name, use) in other.nameUses[key] ?? [:] {
                let known = nameUses[key]?[name]
                nameUses[key, default: [:]][name] = (
                    (known?.count ?? 0) + use.count, known.map { min($0.first, use.first) } ?? use.first
                )
            }
            if let best = Self.mostUsed(nameUses[key]) { mine.name = best }
            reviewers[key] = mine
        }
    }
}

extension SeriesResponses {
    /// Counts one reply at `position` (0: the cover) of a series by `seriesAuthor` (lower case).
    ///
    /// A robot's mail is a robot report, never a review; it may still carry an applied notice
    /// (pr-tracker-bot). A person's reply counts as a reply; its trailers are kept once per type,
    /// address and position, mismatch flags and all; its applied notice counts when the sender is
    /// not the series' author. A notice that lists no patches, sent in reply to one patch of a
    /// larger series, applies that patch.
    mutating func record(
        _ message: ThreadMessage, position: Int, seriesAuthor: String, total: Int, target: ResponseTarget,
        collector: inout ResponseCollector
    ) {
        let isBot = message.botName != nil
        let replierKey = message.authorKey
        let isAuthor = replierKey == seriesAuthor
        if let bot = message.botName {
            botReports.append(
                BotReport(bot: bot, messageID: message.messageID, position: position, receivedAt: message.receivedAt))
        } else {
            replies += 1
            repliesByPosition[position, default: 0] += 1
            if !isAuthor {
                if collector.replierKeys[target, default: []].insert(replierKey).inserted {
                    repliers.append(SeriesPerson(name: message.authorName, email: message.authorEmail))
                }
                let key = collector.reviewer(message.authorEmail, name: message.authorName)
                collector.reviewers[key]?.replies += 1
                collector.credits.append(
                    ReviewCredit(email: message.authorEmail, receivedAt: message.receivedAt, isTrailer: false))
            }
            for trailer in message.trailers {
                let key = TrailerKey(type: trailer.type, email: trailer.email.lowercased(), position: position)
                guard collector.trailerKeys[target, default: []].insert(key).inserted else { continue }
                trailers.append(
                    SeriesTrailer(
                        type: trailer.type, name: trailer.name, email: trailer.email, position: position,
                        messageID: message.messageID, mismatch: trailer.mismatch))
                if trailer.type.isReview {
                    let person = collector.reviewer(trailer.email, name: trailer.name)
                    collector.reviewers[person]?.trailers += 1
                    collector.credits.append(
                        ReviewCredit(email: trailer.email, receivedAt: message.receivedAt, isTrailer: true))
                }
            }
        }
        if let notice = message.appliedNotice, isBot || !isAuthor {
            let listed = notice.patches.map(\.position)
            let positions = !listed.isEmpty ? listed : (position > 0 && total > 1 ? [position] : [])
            let sender = message.authorName.isEmpty ? message.authorEmail : message.authorName
            applications.append(
                SeriesApplication(
                    branch: notice.branch, commits: notice.patches.compactMap(\.commit) + notice.commits,
                    by: notice.by ?? message.botName ?? sender, messageID: message.messageID, positions: positions))
        }
    }
}

extension PatchSeries {
    /// Gives each patch its replies and its trailers: those given on it, then those given on the
    /// cover (position 0) by people who gave no trailer of that type on the patch itself.
    /// - Complexity: O(*p* + *t*) for *p* patches and *t* trailers.
    mutating func distributeResponses() {
        var byPosition: [Int: [SeriesTrailer]] = [:]
        for trailer in responses.trailers { byPosition[trailer.position, default: []].append(trailer) }
        let onCover = byPosition[0] ?? []
        for index in patches.indices {
            let position = patches[index].position
            var given = byPosition[position] ?? []
            var keys = Set(given.map { "\($0.type.rawValue)\u{0}\($0.email.lowercased())" })
            for trailer in onCover
            where keys.insert("\(trailer.type.rawValue)\u{0}\(trailer.email.lowercased())").inserted {
                given.append(trailer)
            }
            patches[index].trailers = given
            patches[index].replies = responses.repliesByPosition[position] ?? 0
        }
    }
}
