/// Finds the next position of a byte (or two-byte sequence) at or after a position, remembering
/// the last answer so that searches from increasing positions cost O(*n*) in total.
struct ForwardSearch {
    private let byte: UInt8
    private let alternate: UInt8?
    private let followedBy: UInt8?
    private var searchedFrom = Int.max
    private var found = Int.min

    init(byte: UInt8, alternate: UInt8? = nil, followedBy: UInt8? = nil) {
        self.byte = byte
        self.alternate = alternate
        self.followedBy = followedBy
    }

    /// The first match at or after `start`, or `bytes.count`.
    mutating func find(in bytes: [UInt8], from start: Int) -> Int {
        // Invariant: no match lies in searchedFrom..<found.
        if searchedFrom <= start, start <= found { return found }
        // Searching again below a known match-free stretch stops where that stretch begins.
        let stop = start < searchedFrom && found != Int.min ? searchedFrom : bytes.count
        var index = start
        while index < stop {
            let current = bytes[index]
            if current == byte || current == alternate {
                if let followedBy {
                    if index + 1 < bytes.count, bytes[index + 1] == followedBy { break }
                } else {
                    break
                }
            }
            index += 1
        }
        if index == stop, stop != bytes.count {
            searchedFrom = start
            return found
        }
        searchedFrom = start
        found = index
        return index
    }
}
