/// Walks a message's MIME tree iteratively (an explicit stack, no recursion on user data) and
/// returns its leaf parts in document order.
///
/// multipart/* of any subtype is entered (mixed, alternative, signed, related, nested ones);
/// preamble and epilogue are dropped. Limits: `parts` parts visited, `depth` levels of nesting
/// (deeper containers are skipped), `boundaryBytes` per boundary (a longer one makes the
/// container a leaf). Each limit hit adds a problem. message/rfc822 parts are leaves.
///
/// - Complexity: O(*n* × depth) in the body bytes.
package enum MIMEWalker {
    package static func leaves(
        of bytes: [UInt8],
        header: HeaderBlock,
        limits: MailParseLimits = .standard
    ) -> (parts: [MIMEPart], problems: [String]) {
        var leaves: [MIMEPart] = []
        var problems: [String] = []
        var stack: [MIMEPart] = [MIMEPart(header: header, in: bytes, depth: 0)]
        var visited = 0
        while let part = stack.popLast() {
            visited += 1
            if visited > limits.parts {
                problems.append("more than \(limits.parts) MIME parts; the rest ignored")
                break
            }
            guard part.contentType.isMultipart else {
                leaves.append(part)
                continue
            }
            guard let boundaryText = part.contentType.boundary, !boundaryText.isEmpty else {
                problems.append("multipart without boundary read as text")
                leaves.append(part)
                continue
            }
            let boundary = Array(boundaryText.utf8)
            guard boundary.count <= limits.boundaryBytes else {
                problems.append("multipart boundary over \(limits.boundaryBytes) bytes; part read as text")
                leaves.append(part)
                continue
            }
            guard part.depth < limits.depth else {
                problems.append("multipart nested deeper than \(limits.depth); inner parts skipped")
                continue
            }
            let ranges = split(bytes, part.body, boundary: boundary)
            if ranges.isEmpty {
                problems.append("multipart without any boundary line read as text")
                leaves.append(part)
                continue
            }
            // More children than parts allowed cannot all be visited; do not scan their headers.
            for range in ranges.prefix(limits.parts).reversed() {
                var childHeader = HeaderParser.scan(bytes, in: range, allowMboxFromLine: false, limits: limits)
                childHeader.problems.removeAll { $0 == "no header block" }
                problems += childHeader.problems
                stack.append(MIMEPart(header: childHeader, in: bytes, depth: part.depth + 1))
            }
        }
        return (leaves, problems)
    }

    /// The byte ranges between `--boundary` delimiter lines, up to `--boundary--`.
    static func split(_ bytes: [UInt8], _ range: Range<Int>, boundary: [UInt8]) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { buffer in
            var parts: [Range<Int>] = []
            var partStart: Int?
            var previousLineContentEnd = range.lowerBound
            var position = range.lowerBound
            let end = range.upperBound
            while position < end {
                let line = HeaderParser.lineEnd(buffer, position, end)
                if let isClose = delimiter(buffer, position, line.contentEnd, boundary) {
                    if let start = partStart {
                        parts.append(start..<max(start, previousLineContentEnd))
                    }
                    if isClose { return parts }
                    partStart = line.next
                }
                previousLineContentEnd = line.contentEnd
                position = line.next
            }
            if let start = partStart { parts.append(start..<end) }
            return parts
        }
    }

    /// nil when the line is not a delimiter; true for the close delimiter `--boundary--`.
    @inline(__always)
    private static func delimiter(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ boundary: [UInt8])
        -> Bool?
    {
        guard end - start >= boundary.count + 2, buffer[start] == ASCII.minus, buffer[start + 1] == ASCII.minus else {
            return nil
        }
        var index = start + 2
        for byte in boundary {
            if buffer[index] != byte { return nil }
            index += 1
        }
        var isClose = false
        if index + 1 < end, buffer[index] == ASCII.minus, buffer[index + 1] == ASCII.minus {
            isClose = true
            index += 2
        }
        while index < end {
            if !ASCII.isBlank(buffer[index]) { return nil }
            index += 1
        }
        return isClose
    }
}
