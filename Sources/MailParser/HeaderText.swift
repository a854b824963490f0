/// Helpers that turn raw header bytes into text: unfolding, white-space collapsing, tokens.
package enum HeaderText {
    /// Removes the CR and LF bytes of folding (RFC 5322 unfolding keeps the white space after them).
    package static func unfold(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        for byte in bytes where byte != ASCII.cr && byte != ASCII.lf { output.append(byte) }
        return output
    }

    /// Decodes a header value for display: unfolded, RFC 2047 decoded, white space collapsed.
    package static func display(_ raw: some Collection<UInt8>) -> (text: String, problems: [String]) {
        let decoded = EncodedWords.decodeReportingProblems(raw)
        return (decoded.text.collapsingWhitespace(), decoded.problems)
    }

    /// The first run of bytes that is not white space and not `;` (a MIME token such as `base64`).
    static func firstToken(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var token: [UInt8] = []
        for byte in bytes {
            if ASCII.isWhitespace(byte) {
                if token.isEmpty { continue }
                break
            }
            if byte == ASCII.semicolon || byte == ASCII.openParen { break }
            token.append(byte)
        }
        return token
    }

    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var lower = bytes.startIndex
        var upper = bytes.endIndex
        while lower < upper, ASCII.isWhitespace(bytes[lower]) { lower += 1 }
        while upper > lower, ASCII.isWhitespace(bytes[upper - 1]) { upper -= 1 }
        return bytes[lower..<upper]
    }
}

extension StringProtocol {
    /// The text with every run of ASCII white space (space, tab, CR, LF) collapsed to one space
    /// and none at either end. Works on the UTF-8 bytes; other characters are copied unchanged.
    package func collapsingWhitespace() -> String {
        // On contiguous bytes when the text has them (native strings do): through the generic
        // `utf8` view each byte cost a protocol witness call, a per-mail cost in the subject rules.
        if let collapsed = utf8.withContiguousStorageIfAvailable({ Self.collapsingWhitespace(in: $0) }) {
            return collapsed
        }
        return Self.collapsingWhitespace(in: Array(utf8))
    }

    private static func collapsingWhitespace(in bytes: some Collection<UInt8>) -> String {
        var needsWork = false
        var previousWasSpace = true
        for byte in bytes {
            let isSpace = ASCII.isWhitespace(byte)
            if isSpace && (previousWasSpace || byte != ASCII.space) {
                needsWork = true
                break
            }
            previousWasSpace = isSpace
        }
        if !needsWork && !previousWasSpace { return String(decoding: bytes, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if ASCII.isWhitespace(byte) {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace { output.append(ASCII.space) }
                pendingSpace = false
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
