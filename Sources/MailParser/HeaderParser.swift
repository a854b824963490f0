import Glibc

/// Splits a header block into fields under ``MailParseLimits``.
///
/// Lines end in CRLF or LF. A bare CR ends a line only in a mail that has no LF at all (old Mac
/// mail); anywhere else it is a byte of the field, as public-inbox reads it (`Eml.pm` splits the
/// header at `\r?\n\r?\n` and fields at `\r?\n`), so a CR inside a Subject cannot end the
/// header block and turn the Date and Message-ID after it into body. (Python's `email` ends the
/// line there: it loses those fields and records `MissingHeaderBodySeparatorDefect`.)
///
/// The block ends at the first empty line. A line that starts with SP or HTAB continues the
/// previous field; a first line that does (a continuation of nothing) is skipped and recorded as a
/// problem, as Python records `FirstHeaderLineIsContinuationDefect` and public-inbox ignores it.
/// A first line of `From ` (mbox) is skipped. A later line that is neither a field nor a
/// continuation ends the block early; that line starts the body and a problem is recorded.
///
/// - Complexity: O(*n*) in the bytes scanned; no Strings are built.
package enum HeaderParser {
    /// Scans the header block that starts at `range.lowerBound`.
    /// - Parameter allowMboxFromLine: skip a leading `From ` line (top-level messages only).
    package static func scan(
        _ bytes: [UInt8],
        in range: Range<Int>,
        allowMboxFromLine: Bool,
        limits: MailParseLimits = .standard
    ) -> HeaderBlock {
        bytes.withUnsafeBufferPointer { buffer in
            scan(buffer, in: range, allowMboxFromLine: allowMboxFromLine, limits: limits)
        }
    }

    private static func scan(
        _ buffer: UnsafeBufferPointer<UInt8>,
        in range: Range<Int>,
        allowMboxFromLine: Bool,
        limits: MailParseLimits
    ) -> HeaderBlock {
        var fields: [HeaderField] = []
        // A message's header (the only one that may start with an mbox From line) has 20 to 60
        // fields in archived list mail: one allocation instead of six regrowths. MIME parts have few.
        fields.reserveCapacity(allowMboxFromLine ? 64 : 4)
        var problems: [String] = []
        let end = range.upperBound
        var position = range.lowerBound
        let bareCarriageReturnEndsLines = !contains(buffer, ASCII.lf, in: range)
        if allowMboxFromLine, startsWith(buffer, position, end, ASCII.fromLine) {
            position = headerLineEnd(buffer, position, end, bareCarriageReturnEndsLines).next
        }
        var reportedLongField = false
        var skippedLeadingContinuation = false
        while position < end {
            let line = headerLineEnd(buffer, position, end, bareCarriageReturnEndsLines)
            if line.contentEnd == position {
                if fields.isEmpty && skippedLeadingContinuation {
                    return HeaderBlock(fields: [], hasHeaderBlock: false, body: range, problems: ["no header block"])
                }
                // The empty line that ends the header block.
                return finish(fields, true, line.next..<end, problems, limits, &reportedLongField)
            }
            let first = buffer[position]
            if ASCII.isBlank(first) {
                if fields.isEmpty {
                    // A continuation of nothing: a defect, not a reason to call the mail unparseable.
                    if !skippedLeadingContinuation {
                        problems.append(
                            "first header line starts with white space (a continuation of nothing); skipped")
                        skippedLeadingContinuation = true
                    }
                    position = line.next
                    continue
                }
                fields[fields.count - 1].value = fields[fields.count - 1].value.lowerBound..<line.contentEnd
                position = line.next
                continue
            }
            guard let field = fieldLine(buffer, position, line.contentEnd) else {
                if fields.isEmpty {
                    return HeaderBlock(fields: [], hasHeaderBlock: false, body: range, problems: ["no header block"])
                }
                problems.append("header block ended by a line that is not a header field")
                return finish(fields, true, position..<end, problems, limits, &reportedLongField)
            }
            fields.append(field)
            position = line.next
        }
        if fields.isEmpty {
            return HeaderBlock(fields: [], hasHeaderBlock: false, body: range, problems: ["no header block"])
        }
        return finish(fields, true, end..<end, problems, limits, &reportedLongField)
    }

    private static func finish(
        _ fields: [HeaderField],
        _ hasHeaderBlock: Bool,
        _ body: Range<Int>,
        _ problems: [String],
        _ limits: MailParseLimits,
        _ reported: inout Bool
    ) -> HeaderBlock {
        var fields = fields
        var problems = problems
        for index in fields.indices where fields[index].value.count > limits.headerFieldBytes {
            let value = fields[index].value
            fields[index].value = value.lowerBound..<(value.lowerBound + limits.headerFieldBytes)
            if !reported {
                problems.append("header line over \(limits.headerFieldBytes) bytes truncated")
                reported = true
            }
        }
        return HeaderBlock(fields: fields, hasHeaderBlock: hasHeaderBlock, body: body, problems: problems)
    }

    /// Parses `name:` at the start of a line; nil when the line is not a field.
    @inline(__always)
    private static func fieldLine(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> HeaderField? {
        var index = start
        while index < end {
            let byte = buffer[index]
            if byte == ASCII.colon { break }
            // Field names are printable ASCII; obsolete syntax allows white space before the colon.
            if byte <= ASCII.space || byte >= ASCII.delete {
                if ASCII.isBlank(byte) { break }
                return nil
            }
            index += 1
        }
        let nameEnd = index
        while index < end, ASCII.isBlank(buffer[index]) { index += 1 }
        guard nameEnd > start, index < end, buffer[index] == ASCII.colon else { return nil }
        return HeaderField(name: start..<nameEnd, value: (index + 1)..<end)
    }

    /// Where the header line starting at `start` ends and where the next begins: at LF (a CR before
    /// it is not content), and at a bare CR only when `bareCarriageReturnEndsLines`.
    @inline(__always)
    private static func headerLineEnd(
        _ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ bareCarriageReturnEndsLines: Bool
    ) -> (contentEnd: Int, next: Int) {
        if bareCarriageReturnEndsLines { return lineEnd(buffer, start, end) }
        guard start < end, let base = buffer.baseAddress else { return (end, end) }
        guard let found = memchr(base + start, Int32(ASCII.lf), end - start) else { return (end, end) }
        let lineFeed = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        let contentEnd = lineFeed > start && buffer[lineFeed - 1] == ASCII.cr ? lineFeed - 1 : lineFeed
        return (contentEnd, lineFeed + 1)
    }

    @inline(__always)
    private static func contains(_ buffer: UnsafeBufferPointer<UInt8>, _ byte: UInt8, in range: Range<Int>) -> Bool {
        guard !range.isEmpty, let base = buffer.baseAddress else { return false }
        return memchr(base + range.lowerBound, Int32(byte), range.count) != nil
    }

    /// Where the line starting at `start` ends (before CRLF, LF or CR) and where the next begins.
    ///
    /// memchr finds the LF, then the CR before it if any, so long lines cost vectorised scans.
    @inline(__always)
    static func lineEnd(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (contentEnd: Int, next: Int)
    {
        guard start < end, let base = buffer.baseAddress else { return (end, end) }
        var lineFeed = end
        if let found = memchr(base + start, Int32(ASCII.lf), end - start) {
            lineFeed = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        if let found = memchr(base + start, Int32(ASCII.cr), lineFeed - start) {
            let carriageReturn = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if carriageReturn + 1 == lineFeed, lineFeed < end { return (carriageReturn, lineFeed + 1) }
            return (carriageReturn, carriageReturn + 1)
        }
        return lineFeed == end ? (end, end) : (lineFeed, lineFeed + 1)
    }

    @inline(__always)
    private static func startsWith(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ prefix: [UInt8])
        -> Bool
    {
        guard end - start >= prefix.count else { return false }
        for (offset, byte) in prefix.enumerated() where buffer[start + offset] != byte { return false }
        return true
    }
}
