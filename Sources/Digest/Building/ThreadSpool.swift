internal import Foundation
internal import PatchModel
internal import Synchronization

/// The thread view of a large range, one ``ThreadMessage`` record per message
/// (``ThreadMessageRecord``), kept in an unlinked temporary file while the range is read, then
/// handed to the series rules one part at a time (``ThreadPartition``,
/// ``SeriesAnalyzer/analyze(ceiling:nextPart:)``): the report is the same as with the whole view
/// in memory, and holds one part's view at a time (issue 14).
///
/// Records are written in blocks of 256 KiB. For the rules, they are read back once in order and
/// sorted into their parts' blocks, appended to the same file; each part is then read whole.
/// Without a temporary file, or after a failed write, the records stay in memory (still about a
/// third of the messages as values), and the report is the same.
final class ThreadSpool: Sendable {
    private struct State: ~Copyable {
        var file: UnlinkedFile?
        /// Bytes not written: they follow the file's `written` bytes. After a failed write, all
        /// later records stay here.
        var pending: [UInt8] = []
        var written: Int64 = 0
        var failed = false
        var partition = ThreadPartition()
        /// The latest `receivedAt` seen.
        var ceiling: Int64 = .min
        /// One record being made, reused for every message (its length precedes it).
        var record: [UInt8] = []

        /// Reads from the file; the error number on failure (`EIO` without a file).
        func read(into buffer: UnsafeMutableRawPointer, length: Int, at offset: Int64) -> Int32? {
            guard file != nil else { return EIO }
            return file?.read(into: buffer, length: length, at: offset)
        }
    }

    static let blockSize = 256 * 1024
    /// Each part's records are gathered in memory up to this size, then written.
    static let partBlockSize = 64 * 1024

    private let state: Mutex<State>

    /// A spool in `folder` (default: the system's temporary folder); in memory when no file can
    /// be made there.
    init(folder: String = NSTemporaryDirectory()) {
        state = Mutex(State(file: UnlinkedFile(folder: folder, prefix: "lore-digest-threads")))
    }

    /// Whether records go to a file (false: they are kept in memory).
    var isSpooling: Bool { state.withLock { $0.file != nil && !$0.failed } }

    /// How many messages were appended.
    var count: Int { state.withLock { $0.partition.count } }

    /// Appends the next message of the range, in archive order.
    func append(_ message: ThreadMessage) {
        state.withLock { state in
            state.partition.add(message)
            state.ceiling = max(state.ceiling, message.receivedAt)
            state.record.removeAll(keepingCapacity: true)
            ThreadMessageRecord.append(message, to: &state.record)
            Self.appendLength(state.record.count, to: &state.pending)
            state.pending.append(contentsOf: state.record)
            if state.pending.count >= Self.blockSize { Self.flush(&state) }
        }
    }

    /// The series rules' answer over every message appended, one part of at most `maximumPartSize`
    /// messages (see ``ThreadPartition/parts(maximumSize:)``) in memory at a time, each series
    /// handed to `handOver` as soon as its part is analysed (see
    /// ``SeriesAnalyzer/analyze(ceiling:nextPart:handOver:)``, which says what `order` is).
    /// - Throws: ``SpoolReadFailure`` when the file cannot be read back.
    func analyze(
        maximumPartSize: Int, handOver: (consuming PatchSeries) -> Void
    ) throws(SpoolReadFailure) -> (report: SeriesReport, order: [Int]) {
        try state.withLock { state throws(SpoolReadFailure) -> (report: SeriesReport, order: [Int]) in
            let (partOfMessage, partCount) = state.partition.parts(maximumSize: maximumPartSize)
            state.partition = ThreadPartition()
            var parts = try Self.route(&state, partOfMessage: partOfMessage, partCount: partCount)
            var next = 0
            let ceiling = state.ceiling
            // People's names and addresses are shared across parts, Message-IDs within one
            // (parts share no thread); see `ThreadMessageRecord`.
            var people = Set<String>()
            return try SeriesAnalyzer.analyze(
                ceiling: ceiling,
                nextPart: { () throws(SpoolReadFailure) -> [ThreadMessage]? in
                    guard next < partCount else { return nil }
                    defer { next += 1 }
                    return try Self.messages(of: &parts[next], in: state, people: &people)
                },
                handOver: { (series: consuming PatchSeries) throws(SpoolReadFailure) in handOver(series) })
        }
    }

    /// Every message appended, in order (one part of all of them), for rules that read the history.
    /// - Throws: ``SpoolReadFailure`` when the file cannot be read back.
    func allMessages() throws(SpoolReadFailure) -> [ThreadMessage] {
        try state.withLock { state throws(SpoolReadFailure) -> [ThreadMessage] in
            let partOfMessage = [Int32](repeating: 0, count: state.partition.count)
            state.partition = ThreadPartition()
            var parts = try Self.route(&state, partOfMessage: partOfMessage, partCount: 1)
            var people = Set<String>()
            return try Self.messages(of: &parts[0], in: state, people: &people)
        }
    }

    /// Where one part's records lie: blocks in the file, then bytes in memory.
    private struct PartRecords {
        var blocks: [(offset: Int64, length: Int)] = []
        var bytes: [UInt8] = []
    }

    /// Reads every record once, in order, and gathers each into its part's blocks, written after
    /// the file's records (kept in memory when the file cannot take them).
    private static func route(
        _ state: inout State, partOfMessage: [Int32], partCount: Int
    ) throws(SpoolReadFailure) -> [PartRecords] {
        var parts = [PartRecords](repeating: PartRecords(), count: partCount)
        var end = state.written + Int64(state.pending.count)
        var ordinal = 0
        func take(_ record: UnsafeRawBufferPointer, _ state: inout State) {
            let part = Int(partOfMessage[ordinal])
            ordinal += 1
            appendLength(record.count, to: &parts[part].bytes)
            parts[part].bytes.append(contentsOf: record)
            guard parts[part].bytes.count >= partBlockSize, !state.failed,
                parts[part].bytes.withUnsafeBytes({ state.file?.write($0, at: end) }) == true
            else { return }
            parts[part].blocks.append((end, parts[part].bytes.count))
            end += Int64(parts[part].bytes.count)
            parts[part].bytes.removeAll(keepingCapacity: true)
        }
        // The file's records, a block at a time; a record may straddle two blocks.
        var carried: [UInt8] = []
        var offset: Int64 = 0
        while offset < state.written {
            let length = Int(min(Int64(4 * blockSize), state.written - offset))
            var block = carried
            let start = block.count
            block.append(contentsOf: repeatElement(0, count: length))
            let failure = block.withUnsafeMutableBytes { bytes in
                state.read(into: bytes.baseAddress! + start, length: length, at: offset)
            }
            if let failure { throw SpoolReadFailure(reason: String(cString: strerror(failure))) }
            offset += Int64(length)
            let used = block.withUnsafeBytes { bytes in forEachRecord(in: bytes, isLast: false) { take($0, &state) } }
            guard let used else { throw SpoolReadFailure(reason: "a record is damaged") }
            carried = Array(block[used...])
        }
        carried.append(contentsOf: state.pending)
        state.pending = []
        let used = carried.withUnsafeBytes { bytes in forEachRecord(in: bytes, isLast: true) { take($0, &state) } }
        guard used != nil, ordinal == partOfMessage.count else {
            throw SpoolReadFailure(reason: "\(partOfMessage.count - ordinal) of its records are missing")
        }
        return parts
    }

    /// Calls `body` with each whole record of `bytes`; returns how many bytes those records took.
    /// Unless `isLast`, a record cut at the end is left for the next block; if `isLast`, a cut
    /// record gives nil.
    private static func forEachRecord(
        in bytes: UnsafeRawBufferPointer, isLast: Bool, _ body: (UnsafeRawBufferPointer) -> Void
    ) -> Int? {
        var offset = 0
        while offset < bytes.count {
            var cursor = offset
            guard let length = readLength(bytes, at: &cursor), cursor + length <= bytes.count else {
                if isLast { return nil }
                break
            }
            body(UnsafeRawBufferPointer(rebasing: bytes[cursor..<cursor + length]))
            offset = cursor + length
        }
        return offset
    }

    /// The messages of one part, in archive order; its records are let go.
    private static func messages(
        of part: inout PartRecords, in state: borrowing State, people: inout Set<String>
    ) throws(SpoolReadFailure) -> [ThreadMessage] {
        var ids = Set<String>()
        var bytes = [UInt8](repeating: 0, count: part.blocks.reduce(0) { $0 + $1.length })
        var filled = 0
        for block in part.blocks {
            let failure = bytes.withUnsafeMutableBytes { buffer in
                state.read(into: buffer.baseAddress! + filled, length: block.length, at: block.offset)
            }
            if let failure { throw SpoolReadFailure(reason: String(cString: strerror(failure))) }
            filled += block.length
        }
        bytes.append(contentsOf: part.bytes)
        part = PartRecords()
        var messages: [ThreadMessage] = []
        var damaged = false
        let used = bytes.withUnsafeBytes { buffer in
            forEachRecord(in: buffer, isLast: true) { record in
                var offset = 0
                guard let message = ThreadMessageRecord.read(record, at: &offset, people: &people, ids: &ids),
                    offset == record.count
                else {
                    damaged = true
                    return
                }
                messages.append(message)
            }
        }
        if damaged || used == nil { throw SpoolReadFailure(reason: "a record is damaged") }
        return messages
    }

    private static func appendLength(_ length: Int, to bytes: inout [UInt8]) {
        RecordBytes.appendVarint(UInt64(length), to: &bytes)
    }

    private static func readLength(_ bytes: UnsafeRawBufferPointer, at offset: inout Int) -> Int? {
        RecordBytes.readVarint(bytes, at: &offset).flatMap { Int(exactly: $0) }
    }

    /// Writes the pending bytes; after a failed write, the spool keeps its records in memory.
    private static func flush(_ state: inout State) {
        guard !state.failed else { return }
        if state.file?.write(pending: &state.pending, after: &state.written) != true { state.failed = true }
    }
}
