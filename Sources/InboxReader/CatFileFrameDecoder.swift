/// One answer of `git cat-file --batch`.
package enum CatFileFrame: Sendable, Hashable {
    /// `<oid> <type> <size>\n<bytes>\n`
    case object(oid: String, type: String, bytes: [UInt8])
    /// `<name> missing\n` (also `<name> ambiguous\n`): the object does not exist.
    case missing(name: String)
}

/// Resumable decoder of the output framing of `git cat-file --batch`.
///
/// Feed it bytes in chunks of any size with `append(_:)`, then call `nextFrame()` until it
/// returns nil ("need more bytes"). It throws only on malformed input. The bytes of a large
/// object are copied once, straight from the chunks into the object's array, and the search for
/// a header's line feed remembers how far it scanned, so drip-fed input stays linear.
///
/// - Complexity: O(*n*) over the bytes fed.
package struct CatFileFrameDecoder: Sendable {
    private enum State: Sendable {
        case header
        case body(oid: String, type: String, bytes: [UInt8], remaining: Int)
        case terminator(oid: String, type: String, bytes: [UInt8])
    }

    private var state: State = .header
    /// Bytes received but not consumed yet start at `pendingStart`.
    private var pending: [UInt8] = []
    private var pendingStart = 0
    /// How many bytes after `pendingStart` are known to hold no line feed.
    private var scanned = 0
    /// A header longer than this is malformed (oid, type and size fit in far less).
    private static let maximumHeaderLength = 4096

    package init() {}

    /// Bytes received and not yet handed out as part of a frame.
    package var bufferedByteCount: Int {
        let inPending = pending.count - pendingStart
        switch state {
        case .header: return inPending
        case .body(_, _, let bytes, _), .terminator(_, _, let bytes): return inPending + bytes.count
        }
    }

    /// True when no partial frame is held: the input so far ended on a frame boundary.
    package var isAtFrameBoundary: Bool {
        if case .header = state { return pendingStart == pending.count }
        return false
    }

    package mutating func append(_ chunk: UnsafeRawBufferPointer) {
        var chunk = chunk[...]
        // Fast path: the body of an object goes straight into its array.
        if pendingStart == pending.count, case .body(let oid, let type, var bytes, let remaining) = state {
            state = .header  // release `bytes` so the append below does not copy it
            let take = min(remaining, chunk.count)
            bytes.append(contentsOf: chunk.prefix(take))
            chunk = chunk.dropFirst(take)
            state = .body(oid: oid, type: type, bytes: bytes, remaining: remaining - take)
        }
        if chunk.isEmpty { return }
        if pendingStart > 0 && pendingStart == pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingStart = 0
        } else if pendingStart >= 1 << 16 && pendingStart * 2 >= pending.count {
            pending.removeSubrange(0..<pendingStart)
            pendingStart = 0
        }
        pending.append(contentsOf: chunk)
    }

    package mutating func append(_ bytes: some Sequence<UInt8>) {
        let array = Array(bytes)
        array.withUnsafeBytes { append($0) }
    }

    /// The next complete frame, or nil when more bytes are needed.
    /// - Throws: `InboxError` `.malformedGitOutput` when the bytes are not cat-file framing.
    package mutating func nextFrame() throws(InboxError) -> CatFileFrame? {
        while true {
            switch state {
            case .header:
                let searchStart = pendingStart + scanned
                guard let lineFeed = pending[searchStart...].firstIndex(of: 0x0A) else {
                    scanned = pending.count - pendingStart
                    if scanned > Self.maximumHeaderLength {
                        throw Self.malformed("a header line longer than \(Self.maximumHeaderLength) bytes")
                    }
                    return nil
                }
                let line = String(decoding: pending[pendingStart..<lineFeed], as: UTF8.self)
                pendingStart = lineFeed + 1
                scanned = 0
                let fields = line.split(separator: " ", omittingEmptySubsequences: false)
                if let last = fields.last, fields.count >= 2, last == "missing" || last == "ambiguous" {
                    return .missing(name: String(line.dropLast(last.count + 1)))
                }
                guard fields.count == 3, let size = Int(fields[2]), size >= 0 else {
                    throw Self.malformed("the header '\(line.prefix(200))'")
                }
                var bytes: [UInt8] = []
                bytes.reserveCapacity(size)
                state = .body(oid: String(fields[0]), type: String(fields[1]), bytes: bytes, remaining: size)
            case .body(let oid, let type, var bytes, let remaining):
                state = .header  // release `bytes` so the append below does not copy it
                let take = min(remaining, pending.count - pendingStart)
                bytes.append(contentsOf: pending[pendingStart..<(pendingStart + take)])
                pendingStart += take
                if take < remaining {
                    state = .body(oid: oid, type: type, bytes: bytes, remaining: remaining - take)
                    return nil
                }
                state = .terminator(oid: oid, type: type, bytes: bytes)
            case .terminator(let oid, let type, let bytes):
                guard pendingStart < pending.count else { return nil }
                guard pending[pendingStart] == 0x0A else {
                    throw Self.malformed("no line feed after the \(bytes.count) bytes of \(oid)")
                }
                pendingStart += 1
                state = .header
                return .object(oid: oid, type: type, bytes: bytes)
            }
        }
    }

    private static func malformed(_ what: String) -> InboxError {
        InboxError(
            .malformedGitOutput,
            "git cat-file --batch printed \(what), which is not its output format; check the git version (2.x expected)"
        )
    }
}
