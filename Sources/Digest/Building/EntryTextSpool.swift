internal import Foundation
internal import Synchronization

/// Keeps the text of the "New:" entries in an unlinked temporary file while a range is read and
/// the series rules run, and hands it back when the report is put together.
///
/// The text is report, but it need not be held until the end (issue 14): at a million messages
/// it is about 0.2 KB a message, held through the series rules' peak for nothing. Written in
/// blocks of 256 KiB, read back one entry at a time.
///
/// Without a temporary file (no writable temporary folder), or after a failed write, the spool
/// keeps the texts in memory: the report is the same either way. Shared by copies of the
/// aggregator that holds it: each entry's span is its own, so copies that append never read
/// each other's text.
final class EntryTextSpool: Sendable {
    /// Where one text lies: in the file, or in memory when the file could not take it.
    enum Span: Sendable, Hashable {
        case file(offset: Int64, length: Int)
        case memory(Int)
    }

    private struct State: ~Copyable {
        /// nil: no file.
        var file: UnlinkedFile?
        /// Bytes not written yet; they follow the file's `written` bytes.
        var pending: [UInt8] = []
        var written: Int64 = 0
        var failed = false
        /// The texts and records the file could not take.
        var inMemory: [[UInt8]] = []
    }

    static let blockSize = 256 * 1024

    private let state: Mutex<State>

    /// A spool in `folder` (default: the system's temporary folder); without a file when none
    /// can be made there.
    init(folder: String = NSTemporaryDirectory()) {
        state = Mutex(State(file: UnlinkedFile(folder: folder, prefix: "lore-digest-entries")))
    }

    /// Whether new texts go to a file (false: they are kept in memory).
    var isSpooling: Bool { state.withLock { $0.file != nil && !$0.failed } }

    /// Appends `text`: to the file, else (no file, or an earlier write failed) to memory.
    func append(_ text: String) -> Span {
        var text = text
        return text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Appends `bytes` (a record of the report's, see ``SeriesEntryRecord``), as `append(_:)` a text.
    func append(_ bytes: UnsafeRawBufferPointer) -> Span {
        state.withLock { state -> Span in
            guard state.file != nil, !state.failed else {
                state.inMemory.append(Array(bytes))
                return .memory(state.inMemory.count - 1)
            }
            let offset = state.written + Int64(state.pending.count)
            state.pending.append(contentsOf: bytes)
            // A failed write keeps its bytes pending (still read back from there); the next
            // texts go to memory.
            if state.pending.count >= Self.blockSize { Self.flush(&state) }
            return .file(offset: offset, length: bytes.count)
        }
    }

    /// The text at `span`, as appended.
    /// - Throws: ``SpoolReadFailure`` when the file cannot be read back (an I/O error).
    func text(at span: Span) throws(SpoolReadFailure) -> String {
        String(decoding: try bytes(at: span), as: UTF8.self)
    }

    /// The bytes at `span`, as appended.
    /// - Throws: ``SpoolReadFailure`` when the file cannot be read back (an I/O error).
    func bytes(at span: Span) throws(SpoolReadFailure) -> [UInt8] {
        try state.withLock { state throws(SpoolReadFailure) -> [UInt8] in
            let (offset, length): (Int64, Int)
            switch span {
            case .memory(let index): return state.inMemory[index]
            case .file(let start, let count): (offset, length) = (start, count)
            }
            if length == 0 { return [] }
            if offset >= state.written {
                let start = Int(offset - state.written)
                return Array(state.pending[start..<start + length])
            }
            // Before `written`: wholly in the file, since every flush writes all pending bytes.
            var failure: Int32?
            let bytes = [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
                failure = state.file?.read(into: buffer.baseAddress!, length: length, at: offset)
                count = failure == nil ? length : 0
            }
            if let failure { throw SpoolReadFailure(reason: String(cString: strerror(failure))) }
            return bytes
        }
    }

    /// Writes the pending bytes; when the write fails, the spool takes no more texts.
    private static func flush(_ state: inout State) {
        if state.file?.write(pending: &state.pending, after: &state.written) != true { state.failed = true }
    }
}

/// What the report spooled (an entry's text, the thread view) could not be read back.
package struct SpoolReadFailure: Error, Sendable, CustomStringConvertible {
    var reason: String

    package var description: String {
        "cannot read back the report's temporary file (\(reason)); check the temporary folder's disk, or set TMPDIR to another folder"
    }
}

/// The texts of a report's entries, by entry, left in their spool until printed (see
/// ``Report/entryTexts``).
package struct SpooledEntryTexts: Sendable, Equatable {
    let spool: EntryTextSpool
    let spans: [EntryTextSpool.Span]

    /// The text of the entry at `index`.
    /// - Throws: ``SpoolReadFailure`` when the file cannot be read back.
    package func text(at index: Int) throws(SpoolReadFailure) -> String {
        try spool.text(at: spans[index])
    }

    package static func == (lhs: SpooledEntryTexts, rhs: SpooledEntryTexts) -> Bool {
        lhs.spool === rhs.spool && lhs.spans == rhs.spans
    }
}
