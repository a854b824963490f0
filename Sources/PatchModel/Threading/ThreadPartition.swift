/// Splits a set of messages into parts that no series rule links, so that the rules can run over
/// one part at a time and, merged, give what they give over the whole set
/// (``SeriesAnalyzer/analyze(ceiling:nextPart:)``). A report over a million messages then holds
/// one part's thread view at a time, not the range's (issue 14).
///
/// Without a look-up in the history, the rules link two messages only when
/// - one names the other, or both name a third (In-Reply-To, References: threads, replies, series
///   sent in one thread);
/// - both are patch mails from one address and the unthreaded-series rule may compare their drafts:
///   drafts join when their starts, each the receipt of one of their mails, lie within
///   ``SeriesAnalyzer/unthreadedWindow``; so a sender's patch mails, ordered by receipt, are
///   joined wherever two follow each other within the window;
/// - both are patch mails with the same title from the same address, or with the same change-id
///   (the version rule's matches in the set).
///
/// Parts are unions of these links (connected components), packed into parts of about
/// `maximumSize` messages. Keys are 64-bit hashes of the strings: two strings with one hash only
/// join two parts, which never changes the answer.
package struct ThreadPartition {
    /// Node of each key met: Message-IDs (named or own), sender and title, change-id.
    private var nodeByKey: [Int: Int32] = [:]
    /// Union-find over nodes: each node's parent, a root its own.
    private var parent: [Int32] = []
    /// The node of each message added, in order.
    private var messageNodes: [Int32] = []
    /// Every patch mail: its sender's key, receipt and node, for the unthreaded window.
    private var patchMails: [(sender: Int, receivedAt: Int64, node: Int32)] = []

    package init() {}

    /// How many messages were added.
    package var count: Int { messageNodes.count }

    /// Adds the next message; its number is the count before the call.
    package mutating func add(_ message: ThreadMessage) {
        let own = node(Self.key(0, message.messageID))
        messageNodes.append(own)
        if let inReplyTo = message.inReplyTo { union(own, node(Self.key(0, inReplyTo))) }
        for reference in message.references { union(own, node(Self.key(0, reference))) }
        guard message.isPatchMail else { return }
        let sender = Self.key(1, message.authorKey)
        patchMails.append((sender, message.receivedAt, own))
        union(own, node(Self.key(2, message.title, message.authorKey)))
        if let changeID = message.changeID { union(own, node(Self.key(3, changeID))) }
    }

    /// The part of each message added, in order, and how many parts there are: connected messages
    /// share a part, and parts are filled in order of their first message up to `maximumSize`
    /// messages (a larger group of connected messages is a part of its own).
    package mutating func parts(maximumSize: Int) -> (partOfMessage: [Int32], count: Int) {
        joinUnthreadedNeighbours()
        var sizeByRoot: [Int32: Int] = [:]
        var rootOfMessage = [Int32](repeating: 0, count: messageNodes.count)
        for (index, node) in messageNodes.enumerated() {
            let root = find(node)
            rootOfMessage[index] = root
            sizeByRoot[root, default: 0] += 1
        }
        var partByRoot: [Int32: Int32] = [:]
        var partCount: Int32 = 0
        var filled = 0
        var partOfMessage = rootOfMessage
        for (index, root) in rootOfMessage.enumerated() {
            if let part = partByRoot[root] {
                partOfMessage[index] = part
                continue
            }
            // Safe to force unwrap: every root was counted above.
            let size = sizeByRoot[root]!
            if partCount == 0 || filled > maximumSize - size {
                partCount += 1
                filled = 0
            }
            filled += size
            partByRoot[root] = partCount - 1
            partOfMessage[index] = partCount - 1
        }
        return (partOfMessage, Int(partCount))
    }

    /// Joins each sender's patch mails that follow each other within the unthreaded window.
    private mutating func joinUnthreadedNeighbours() {
        patchMails.sort { $0.sender != $1.sender ? $0.sender < $1.sender : $0.receivedAt < $1.receivedAt }
        for index in patchMails.indices.dropFirst() {
            let (before, mail) = (patchMails[index - 1], patchMails[index])
            if before.sender == mail.sender, mail.receivedAt - before.receivedAt <= SeriesAnalyzer.unthreadedWindow {
                union(before.node, mail.node)
            }
        }
        patchMails = []
    }

    private static func key(_ kind: UInt8, _ parts: String...) -> Int {
        var hasher = Hasher()
        hasher.combine(kind)
        for part in parts { hasher.combine(part) }
        return hasher.finalize()
    }

    private mutating func node(_ key: Int) -> Int32 {
        if let node = nodeByKey[key] { return node }
        let node = Int32(parent.count)
        parent.append(node)
        nodeByKey[key] = node
        return node
    }

    private mutating func find(_ node: Int32) -> Int32 {
        var current = node
        while parent[Int(current)] != current {
            // Path halving: each step also shortens the path for the next find.
            let grand = parent[Int(parent[Int(current)])]
            parent[Int(current)] = grand
            current = grand
        }
        return current
    }

    private mutating func union(_ a: Int32, _ b: Int32) {
        let (rootA, rootB) = (find(a), find(b))
        if rootA != rootB { parent[Int(max(rootA, rootB))] = min(rootA, rootB) }
    }
}
