/// RFC 2047 encoded words (`=?charset?B|Q?text?=`) in header values.
///
/// - Encoded words are recognised anywhere, also inside quoted strings and next to other text,
///   as real mailers write them.
/// - White space between two encoded words is dropped; the bytes of adjacent words in the same
///   charset are joined before charset decoding, so a character split across words survives.
/// - A malformed word stays as literal text.
/// - Text outside encoded words is decoded as UTF-8; invalid bytes become U+FFFD (a problem).
/// - CR and LF are removed (unfolding).
///
/// - Complexity: O(*n*): each search for `?` and `?=` only moves forward.
package enum EncodedWords {
    package static func decode(_ value: some Collection<UInt8>) -> String {
        decodeReportingProblems(value).text
    }

    private enum Segment {
        case literal(Range<Int>)
        case encoded(Charset, [UInt8])
    }

    package static func decodeReportingProblems(_ value: some Collection<UInt8>) -> (text: String, problems: [String]) {
        let bytes = HeaderText.unfold(value)
        // Fast path: no encoded word can start here.
        if !containsEncodedWordStart(bytes) {
            let decoded = Charset.decodeUTF8(bytes)
            return (decoded.string, decoded.valid ? [] : ["invalid UTF-8 replaced"])
        }
        var segments: [Segment] = []
        // The run of adjacent encoded words in one charset, joined in place (no re-copying).
        var pendingCharset: Charset?
        var pendingBytes: [UInt8] = []
        var literalStart = 0
        var index = 0
        var nextQuestion = ForwardSearch(byte: ASCII.question)
        var nextBlank = ForwardSearch(byte: ASCII.space, alternate: ASCII.tab)
        var nextClose = ForwardSearch(byte: ASCII.question, followedBy: ASCII.equals)
        let count = bytes.count
        func flushPending() {
            if let charset = pendingCharset { segments.append(.encoded(charset, pendingBytes)) }
            pendingCharset = nil
            pendingBytes = []
        }
        while index + 1 < count {
            guard bytes[index] == ASCII.equals, bytes[index + 1] == ASCII.question else {
                index += 1
                continue
            }
            guard let word = parseWord(bytes, at: index, &nextQuestion, &nextBlank, &nextClose) else {
                index += 2
                continue
            }
            if literalStart < index {
                let literal = literalStart..<index
                // White space between encoded words is dropped; other text ends the run.
                if pendingCharset == nil || !bytes[literal].allSatisfy(ASCII.isBlank) {
                    flushPending()
                    segments.append(.literal(literal))
                }
            }
            if pendingCharset != word.charset { flushPending() }
            pendingCharset = word.charset
            pendingBytes += word.bytes
            index = word.end
            literalStart = word.end
        }
        flushPending()
        if literalStart < count { segments.append(.literal(literalStart..<count)) }

        var text = ""
        var problems: [String] = []
        for segment in segments {
            switch segment {
            case .literal(let range):
                let decoded = Charset.decodeUTF8(bytes[range])
                if !decoded.valid, !problems.contains("invalid UTF-8 replaced") {
                    problems.append("invalid UTF-8 replaced")
                }
                text += decoded.string
            case .encoded(let charset, let wordBytes):
                let decoded = charset.decode(wordBytes)
                for problem in decoded.problems where !problems.contains(problem) { problems.append(problem) }
                text += decoded.text
            }
        }
        return (text, problems)
    }

    private static func containsEncodedWordStart(_ bytes: [UInt8]) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if previous == ASCII.equals, byte == ASCII.question { return true }
            previous = byte
        }
        return false
    }

    private struct Word {
        var charset: Charset
        var bytes: [UInt8]
        var end: Int
    }

    /// Longest charset label we accept (real ones are under 20 bytes).
    private static let maximumCharsetLength = 64

    private static func parseWord(
        _ bytes: [UInt8],
        at start: Int,
        _ nextQuestion: inout ForwardSearch,
        _ nextBlank: inout ForwardSearch,
        _ nextClose: inout ForwardSearch
    ) -> Word? {
        let charsetStart = start + 2
        let charsetEnd = nextQuestion.find(in: bytes, from: charsetStart)
        guard charsetEnd > charsetStart, charsetEnd - charsetStart <= maximumCharsetLength,
            charsetEnd + 2 < bytes.count, bytes[charsetEnd + 2] == ASCII.question,
            nextBlank.find(in: bytes, from: charsetStart) > charsetEnd
        else { return nil }
        let encoding = ASCII.lowercased(bytes[charsetEnd + 1])
        guard encoding == 0x62 || encoding == 0x71 else { return nil }  // "b" or "q"
        let textStart = charsetEnd + 3
        let textEnd = nextClose.find(in: bytes, from: textStart)
        guard textEnd < bytes.count, nextBlank.find(in: bytes, from: textStart) > textEnd,
            nextQuestion.find(in: bytes, from: textStart) == textEnd  // no "?" inside encoded text
        else { return nil }
        let text = bytes[textStart..<textEnd]
        let decoded = encoding == 0x62 ? TransferDecoding.base64(text) : decodeQ(text)
        return Word(charset: Charset(label: bytes[charsetStart..<charsetEnd]), bytes: decoded, end: textEnd + 2)
    }

    /// The Q encoding: `_` is a space, `=XX` a byte, anything else itself (a bad `=` kept).
    static func decodeQ(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            if byte == ASCII.underscore {
                output.append(ASCII.space)
            } else if byte == ASCII.equals, index + 2 < text.endIndex,
                let high = ASCII.hexValue(text[index + 1]), let low = ASCII.hexValue(text[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
                continue
            } else {
                output.append(byte)
            }
            index += 1
        }
        return output
    }
}
