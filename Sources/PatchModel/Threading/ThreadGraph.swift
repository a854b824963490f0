/// The reply tree over a set of messages, whose parents outside the set are found through a
/// look-up (the history index), so that a reply in the range still finds a patch posted before it.
///
/// Rule (report.md, Threads): the parent of a mail is its In-Reply-To when that names a known
/// message, else the last entry of References that names a known message. Self-references are
/// ignored. Every walk up the tree is an explicit loop with a visited set: a cycle (A→B→A) ends the
/// walk where it closes, and nothing recurses, whatever the input.
///
/// Every Message-ID is interned once to a ``Node`` (the set's messages are nodes `0..<n` in the
/// order given; messages found or missed through the look-up follow), and every answer is memoised
/// in arrays indexed by node: the walks of a whole set hash each ID about once, not once per step.
/// They cost O(*n* + *r* + *L*): *n* messages, *r* References entries, *L* look-ups (one per
/// unknown Message-ID at most, answers and misses both cached).
package struct ThreadGraph {
    /// A message's number in this graph.
    package typealias Node = Int

    /// At most this many References entries per message are looked up outside the set (entries in
    /// the set are always checked): a hostile list of 10,000 unknown IDs costs 64 index queries, not
    /// 10,000. Real References lists name their parent in the last entry.
    package static let externalLookupsPerMessage = 64

    /// In the memo arrays: not asked yet, and "no such node".
    private static let unknown = -1
    private static let none = -2

    private let lookup: (String) -> ThreadMessage?
    /// Every Message-ID met: the set's, then those looked up (found or not).
    private var nodeByID: [String: Node] = [:]
    /// By node; nil for a Message-ID the look-up did not find.
    private var messages: [ThreadMessage?] = []
    /// Nodes below this are the set's.
    private let setCount: Int
    private var parentMemo: [Node] = []
    private var anchorMemo: [Node] = []
    private var rootMemo: [Node] = []

    /// - Parameters:
    ///   - messages: the set; of two messages with one Message-ID, the first is kept.
    ///   - lookup: finds a message outside the set by Message-ID; `{ _ in nil }` for "this set only".
    package init(messages: [ThreadMessage], lookup: @escaping (String) -> ThreadMessage?) {
        self.lookup = lookup
        nodeByID.reserveCapacity(messages.count)
        self.messages.reserveCapacity(messages.count)
        for message in messages where nodeByID[message.messageID] == nil {
            nodeByID[message.messageID] = self.messages.count
            self.messages.append(message)
        }
        setCount = self.messages.count
        parentMemo = Array(repeating: Self.unknown, count: setCount)
        anchorMemo = Array(repeating: Self.unknown, count: setCount)
    }

    /// The set's messages, one per Message-ID (the first given), in the order given: node 0, 1, ….
    package var setMessages: [ThreadMessage] { (0..<setCount).map { message(at: $0) } }

    /// How many nodes the graph has so far (the set's and those looked up).
    package var nodeCount: Int { messages.count }

    /// True when the message is one of the set (not found through the look-up).
    package func contains(_ id: String) -> Bool { nodeByID[id].map(isInSet) ?? false }

    /// True when the node is one of the set's messages.
    package func isInSet(_ node: Node) -> Bool { node < setCount }

    /// The message of a node returned by this graph.
    package func message(at node: Node) -> ThreadMessage {
        guard let message = messages[node] else { preconditionFailure("node \(node) names no message") }
        return message
    }

    /// The node of the message with this ID, from the set or else through the look-up (cached);
    /// nil when no such message is known.
    package mutating func node(_ id: String) -> Node? {
        let node = intern(id)
        return messages[node] == nil ? nil : node
    }

    /// The message with this ID, from the set or else through the look-up (cached).
    package mutating func message(_ id: String) -> ThreadMessage? {
        messages[intern(id)]
    }

    /// The node of `id`, looking it up outside the set the first time (a miss gets a node too).
    private mutating func intern(_ id: String) -> Node {
        if let node = nodeByID[id] { return node }
        return append(id, lookup(id))
    }

    private mutating func append(_ id: String, _ message: ThreadMessage?) -> Node {
        let node = messages.count
        nodeByID[id] = node
        messages.append(message)
        parentMemo.append(Self.unknown)
        anchorMemo.append(Self.unknown)
        return node
    }

    /// Makes a message found outside the set known without a look-up (a fetched thread).
    package mutating func learn(_ message: ThreadMessage) {
        guard let node = nodeByID[message.messageID] else {
            _ = append(message.messageID, message)
            return
        }
        // A miss is replaced; a message of the set or one found earlier is kept.
        if messages[node] == nil { messages[node] = message }
    }

    /// The parent's Message-ID; nil for a thread root or when no named parent is known.
    package mutating func parent(of id: String) -> String? {
        guard let node = node(id) else { return nil }
        return parent(of: node).map { message(at: $0).messageID }
    }

    /// The parent's node; nil for a thread root or when no named parent is known.
    package mutating func parent(of node: Node) -> Node? {
        var memo = parentMemo[node]
        if memo == Self.unknown {
            memo = messages[node].flatMap { resolveParent(of: $0) } ?? Self.none
            parentMemo[node] = memo
        }
        return memo == Self.none ? nil : memo
    }

    private mutating func resolveParent(of message: ThreadMessage) -> Node? {
        let id = message.messageID
        if let inReplyTo = message.inReplyTo, inReplyTo != id, let node = self.node(inReplyTo) {
            return node
        }
        var lookups = 0
        for reference in message.references.reversed() where reference != id {
            if let node = nodeByID[reference] {
                if messages[node] != nil { return node }
                continue
            }
            guard lookups < Self.externalLookupsPerMessage else { continue }
            lookups += 1
            if let node = self.node(reference) { return node }
        }
        return nil
    }

    /// The root of the message's thread: the ancestor without a known parent (or, in a cycle, the
    /// message where the walk closed the loop). An unknown Message-ID is its own root.
    package mutating func root(of id: String) -> String {
        guard let node = node(id) else { return id }
        // The walk first: `message(at: root(of:))` would copy the graph before the walk changes it.
        let top = root(of: node)
        return message(at: top).messageID
    }

    /// The root of the node's thread (see ``root(of:)-(String)``).
    package mutating func root(of node: Node) -> Node {
        // The memo is moved out for the walk, which calls back into this graph.
        var memo = rootMemo
        rootMemo = []
        defer { rootMemo = memo }
        return ChainWalk.top(from: node, memo: &memo) { parent(of: $0) }
    }

    /// The nearest patch or cover mail at or above the message; nil when none is known.
    package mutating func patchMailAnchor(of id: String) -> String? {
        guard let node = node(id) else { return nil }
        return patchMailAnchor(of: node).map { message(at: $0).messageID }
    }

    /// The nearest patch or cover mail at or above the node; nil when none is known.
    package mutating func patchMailAnchor(of node: Node) -> Node? {
        var path: [Node] = []
        var seen: Set<Node> = []
        var current: Node? = node
        var result = Self.none
        while let step = current {
            let memo = anchorMemo[step]
            if memo != Self.unknown {
                result = memo
                break
            }
            guard seen.insert(step).inserted else { break }
            if message(at: step).isPatchMail {
                result = step
                break
            }
            path.append(step)
            current = parent(of: step)
        }
        if result != Self.none { anchorMemo[result] = result }
        for step in path { anchorMemo[step] = result }
        return result == Self.none ? nil : result
    }

    /// The nearest patch or cover mail strictly above the message.
    package mutating func patchMailAbove(_ id: String) -> String? {
        guard let node = node(id) else { return nil }
        return patchMailAbove(node).map { message(at: $0).messageID }
    }

    /// The nearest patch or cover mail strictly above the node.
    package mutating func patchMailAbove(_ node: Node) -> Node? {
        guard let up = parent(of: node) else { return nil }
        return patchMailAnchor(of: up)
    }
}
