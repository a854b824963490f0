/// An array that grows by whole chunks and never moves what it holds: a large range's patch mails
/// (half a million at a million messages) are appended one by one, and an `Array` copies them all
/// each time it doubles, holding the old and the new storage at once at that moment (60 MB more
/// at a million messages).
struct ChunkedArray<Element>: RandomAccessCollection {
    /// Elements per chunk: a power of two, so that an index splits with a shift and a mask.
    private static var chunkShift: Int { 12 }
    private var chunks: [ContiguousArray<Element>] = []
    private(set) var count = 0

    init() {}

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    /// An index out of range traps in the chunks' own bounds checks.
    subscript(index: Int) -> Element {
        chunks[index >> Self.chunkShift][index & ((1 << Self.chunkShift) - 1)]
    }

    mutating func append(_ element: Element) {
        if count & ((1 << Self.chunkShift) - 1) == 0 {
            var chunk = ContiguousArray<Element>()
            chunk.reserveCapacity(1 << Self.chunkShift)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(element)
        count += 1
    }

    /// Lets go of every element and chunk.
    mutating func removeAll() {
        chunks = []
        count = 0
    }
}

extension ChunkedArray: Sendable where Element: Sendable {}
