/// The reply tree over a set of messages, whose parents outside the set are found through a
/// look-up (the history index), so that a reply in the range still finds a patch posted before it.
///
/// Rule (report.md, Threads): the parent of a mail is its In-Reply-To when that names a known
/// message, else the last entry of References that names a known message. Self-references are
/// ignored. Every walk up the tree is an explicit loop with a visited set: a cycle (A→B→A) ends the
/// walk where it closes, and nothing recurses, whatever the input.
///
/// Every answer is memoised, and a walk stores its answer for every node it passed, so the walks of
/// a whole set cost O(*n* + *r* + *L*): *n* messages, *r* References entries, *L* look-ups (one per
/// unknown Message-ID at most, answers and misses both cached).
package struct ThreadGraph {
    /// At most this many References entries per message are looked up outside the set (entries in
    /// the set are always checked): a hostile list of 10,000 unknown IDs costs 64 index queries, not
    /// 10,000. Real References lists name their parent in the last entry.
    package static let externalLookupsPerMessage = 64

    private let inSet: [String: ThreadMessage]
    private let lookup: (String) -> ThreadMessage?
    /// Messages found outside the set, and misses (`.some(nil)`).
    private var outside: [String: ThreadMessage?] = [:]
    private var parentMemo: [String: String?] = [:]
    private var anchorMemo: [String: String?] = [:]
    private var rootMemo: [String: String] = [:]

    /// - Parameters:
    ///   - messages: the set; of two messages with one Message-ID, the first is kept.
    ///   - lookup: finds a message outside the set by Message-ID; `{ _ in nil }` for "this set only".
    package init(messages: [ThreadMessage], lookup: @escaping (String) -> ThreadMessage?) {
        var inSet: [String: ThreadMessage] = [:]
        inSet.reserveCapacity(messages.count)
        for message in messages where inSet[message.messageID] == nil {
            inSet[message.messageID] = message
        }
        self.inSet = inSet
        self.lookup = lookup
        // Nearly every message of the set gets a parent and an anchor: sized once, not regrown.
        parentMemo.reserveCapacity(messages.count)
        anchorMemo.reserveCapacity(messages.count)
    }

    /// True when the message is one of the set (not found through the look-up).
    package func contains(_ id: String) -> Bool { inSet[id] != nil }

    /// The message with this ID, from the set or else through the look-up (cached).
    package mutating func message(_ id: String) -> ThreadMessage? {
        if let message = inSet[id] { return message }
        if let cached = outside[id] { return cached }
        let found = lookup(id)
        outside[id] = .some(found)
        return found
    }

    /// Makes a message found outside the set known without a look-up (a fetched thread).
    package mutating func learn(_ message: ThreadMessage) {
        guard inSet[message.messageID] == nil else { return }
        if case .some(.some) = outside[message.messageID] { return }
        outside[message.messageID] = .some(message)
    }

    /// The parent's Message-ID; nil for a thread root or when no named parent is known.
    package mutating func parent(of id: String) -> String? {
        if let memo = parentMemo[id] { return memo }
        var result: String?
        if let message = message(id) { result = resolveParent(of: message) }
        parentMemo[id] = .some(result)
        return result
    }

    private mutating func resolveParent(of message: ThreadMessage) -> String? {
        let id = message.messageID
        if let inReplyTo = message.inReplyTo, inReplyTo != id, self.message(inReplyTo) != nil {
            return inReplyTo
        }
        var lookups = 0
        for reference in message.references.reversed() where reference != id {
            if inSet[reference] != nil { return reference }
            if let cached = outside[reference] {
                if cached != nil { return reference }
                continue
            }
            guard lookups < Self.externalLookupsPerMessage else { continue }
            lookups += 1
            if self.message(reference) != nil { return reference }
        }
        return nil
    }

    /// The root of the message's thread: the ancestor without a known parent (or, in a cycle, the
    /// message where the walk closed the loop).
    package mutating func root(of id: String) -> String {
        // The memo is moved out for the walk, which calls back into this graph.
        var memo = rootMemo
        rootMemo = [:]
        defer { rootMemo = memo }
        return ChainWalk.top(from: id, memo: &memo) { parent(of: $0) }
    }

    /// The nearest patch or cover mail at or above the message; nil when none is known.
    package mutating func patchMailAnchor(of id: String) -> String? {
        var path: [String] = []
        var seen: Set<String> = []
        var current: String? = id
        var result: String?
        while let node = current {
            if let memo = anchorMemo[node] {
                result = memo
                break
            }
            guard seen.insert(node).inserted, let message = message(node) else { break }
            if message.isPatchMail {
                result = node
                break
            }
            path.append(node)
            current = parent(of: node)
        }
        if let result { anchorMemo[result] = .some(result) }
        for node in path { anchorMemo[node] = .some(result) }
        return result
    }

    /// The nearest patch or cover mail strictly above the message.
    package mutating func patchMailAbove(_ id: String) -> String? {
        guard let up = parent(of: id) else { return nil }
        return patchMailAnchor(of: up)
    }
}
