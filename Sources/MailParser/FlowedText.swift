/// Unwraps `format=flowed` text (RFC 3676).
///
/// A line that ends in a space continues on the next line of the same quote depth; with
/// `delsp=yes` that space is removed. One leading space (space-stuffing) is removed. The
/// signature separator `-- ` never flows. Quote markers are written back as `>` per level plus
/// one space. Lines are LF-terminated (CRLF is normalised before).
///
/// - Complexity: O(*n*).
package enum FlowedText {
    package static func unwrap(_ text: String, deleteSpace: Bool) -> String {
        var text = text
        // One pass over the contiguous bytes: no array of lines, no copy of the text.
        return text.withUTF8 { unwrap(bytes: $0, deleteSpace: deleteSpace) }
    }

    private static func unwrap(bytes: UnsafeBufferPointer<UInt8>, deleteSpace: Bool) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var paragraphDepth: Int?
        // The lines are the pieces between line feeds; an empty last piece (the text ends with a
        // line feed, or is empty) is no line.
        var endsWithNewline = false
        var lineStart = 0
        while true {
            let lineFeed = bytes[lineStart...].firstIndex(of: ASCII.lf)
            let lineEnd = lineFeed ?? bytes.count
            if lineFeed == nil, lineStart == lineEnd {
                endsWithNewline = true
                break
            }
            appendLine(
                UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]), deleteSpace: deleteSpace,
                paragraphDepth: &paragraphDepth, to: &output)
            guard let lineFeed else { break }
            lineStart = lineFeed + 1
        }
        if paragraphDepth != nil { output.append(ASCII.lf) }
        if !endsWithNewline, output.last == ASCII.lf { output.removeLast() }
        return String(decoding: output, as: UTF8.self)
    }

    /// Writes one line (without its line feed): its quote markers, its content, and a line feed
    /// unless it flows into the next line.
    private static func appendLine(
        _ line: UnsafeBufferPointer<UInt8>, deleteSpace: Bool, paragraphDepth: inout Int?, to output: inout [UInt8]
    ) {
        var content = line[...]
        var depth = 0
        while content.first == ASCII.greaterThan {
            depth += 1
            content = content.dropFirst()
        }
        if content.first == ASCII.space { content = content.dropFirst() }
        let isSignature = content.elementsEqual(signatureSeparator)
        let flows = !isSignature && content.last == ASCII.space
        if flows, deleteSpace { content = content.dropLast() }
        if paragraphDepth != nil, paragraphDepth != depth {
            // A flowed line followed by another quote depth: end the paragraph there.
            output.append(ASCII.lf)
            paragraphDepth = nil
        }
        if paragraphDepth == nil, depth > 0 {
            output.append(contentsOf: repeatElement(ASCII.greaterThan, count: depth))
            output.append(ASCII.space)
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: content))
        if flows {
            paragraphDepth = depth
        } else {
            output.append(ASCII.lf)
            paragraphDepth = nil
        }
    }

    private static let signatureSeparator: [UInt8] = [ASCII.minus, ASCII.minus, ASCII.space]
}
