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
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var paragraphDepth: Int?
        var lines = Array(text.utf8).split(separator: ASCII.lf, omittingEmptySubsequences: false)
        let endsWithNewline = lines.last?.isEmpty == true
        if endsWithNewline { lines.removeLast() }
        for line in lines {
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
                output += [UInt8](repeating: ASCII.greaterThan, count: depth)
                output.append(ASCII.space)
            }
            output += content
            if flows {
                paragraphDepth = depth
            } else {
                output.append(ASCII.lf)
                paragraphDepth = nil
            }
        }
        if paragraphDepth != nil { output.append(ASCII.lf) }
        if !endsWithNewline, output.last == ASCII.lf { output.removeLast() }
        return String(decoding: output, as: UTF8.self)
    }

    private static let signatureSeparator: [UInt8] = [ASCII.minus, ASCII.minus, ASCII.space]
}
