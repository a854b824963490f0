/// The walk up a chain of messages that the thread and series rules share: an explicit loop
/// (never recursion, whatever the depth), a visited set (a cycle ends the walk where it closes),
/// and a memo that gets the answer for every node passed, so that the walks of a whole set cost
/// O(*n*) together.
///
/// Nodes are the graph's interned message numbers (``ThreadGraph/Node``): the memo is an array
/// indexed by node, so a walk hashes no Message-ID.
enum ChainWalk {
    /// In `memo`: no answer yet.
    static let unknown = -1

    /// The top of the chain above `start`: `step` names the next node up, or nil where the chain
    /// ends. `memo` (indexed by node, ``unknown`` where not walked yet, grown as needed) holds
    /// earlier answers and receives this one for every node passed.
    static func top(from start: Int, memo: inout [Int], step: (Int) -> Int?) -> Int {
        var path: [Int] = []
        // Most chains are a few mails long: the path itself is searched for a cycle until it
        // grows, then a set takes over, so a 10,000-deep chain stays linear.
        var seen: Set<Int> = []
        var current = start
        var result: Int
        while true {
            if current < memo.count, memo[current] != unknown {
                result = memo[current]
                break
            }
            let isRepeat: Bool
            if path.count < 32 {
                isRepeat = path.contains(current)
            } else {
                if seen.isEmpty { seen = Set(path) }
                isRepeat = !seen.insert(current).inserted
            }
            if isRepeat {
                result = current
                break
            }
            path.append(current)
            guard let up = step(current) else {
                result = current
                break
            }
            current = up
        }
        for node in path {
            if node >= memo.count { memo.append(contentsOf: repeatElement(unknown, count: node + 1 - memo.count)) }
            memo[node] = result
        }
        return result
    }
}
