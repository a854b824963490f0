/// The walk up a chain of messages that the thread and series rules share: an explicit loop
/// (never recursion, whatever the depth), a visited set (a cycle ends the walk where it closes),
/// and a memo that gets the answer for every node passed, so that the walks of a whole set cost
/// O(*n*) together.
enum ChainWalk {
    /// The top of the chain above `start`: `step` names the next node up, or nil where the chain
    /// ends. `memo` holds earlier answers and receives this one for every node passed.
    static func top(from start: String, memo: inout [String: String], step: (String) -> String?) -> String {
        var path: [String] = []
        var seen: Set<String> = []
        var current = start
        var result: String
        while true {
            if let known = memo[current] {
                result = known
                break
            }
            if !seen.insert(current).inserted {
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
        for node in path { memo[node] = result }
        return result
    }
}
