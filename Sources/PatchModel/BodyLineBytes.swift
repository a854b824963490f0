internal import MailParser

/// The lines of a decoded body as byte ranges over its contiguous UTF-8, for the scans that run
/// over every reply (trailers, applied notices): they look at a line's first bytes to reject it,
/// and only a line that passes becomes a `Substring`. Walking `Substring` indices line by line was
/// most of those scans' cost (issue 10's profile).
struct BodyLineBytes {
    /// One line: `text` without its LF and without a CR before it.
    struct Line {
        var text: Range<Int>
    }

    let bytes: UnsafeBufferPointer<UInt8>

    /// Calls `body` for each line in order until it returns false. A final line break does not
    /// make an empty last line (as `TextLines`).
    @inline(__always)
    func visit(_ body: (Line) -> Bool) {
        var start = 0
        let count = bytes.count
        while start < count {
            let lineFeed = LineFeedSearch.next(in: bytes, from: start)
            var end = lineFeed
            if end > start, bytes[end - 1] == 0x0D { end -= 1 }
            if !body(Line(text: start..<end)) { return }
            start = lineFeed + 1
        }
    }

    /// Whether the line is exactly the signature separator `-- `.
    func isSignatureSeparator(_ line: Line) -> Bool {
        line.text.count == 3 && bytes[line.text.lowerBound] == 0x2D && bytes[line.text.lowerBound + 1] == 0x2D
            && bytes[line.text.lowerBound + 2] == 0x20
    }

    /// The offset of the first byte that is neither space nor tab, from `offset` on; the line's end
    /// when there is none.
    func skippingBlanks(_ line: Line, from offset: Int? = nil) -> Int {
        var index = offset ?? line.text.lowerBound
        while index < line.text.upperBound, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        return index
    }

    /// Whether the bytes from `offset` start with `prefix`, ASCII letters compared without case
    /// (`prefix` in lower case).
    func hasPrefixIgnoringCase(_ prefix: String, in line: Line, at offset: Int) -> Bool {
        var index = offset
        for expected in prefix.utf8 {
            guard index < line.text.upperBound, ASCII.lowercased(bytes[index]) == expected else { return false }
            index += 1
        }
        return true
    }

    /// Whether the line starts with `prefix`, byte for byte.
    func hasPrefix(_ prefix: String, in line: Line) -> Bool {
        var index = line.text.lowerBound
        for expected in prefix.utf8 {
            guard index < line.text.upperBound, bytes[index] == expected else { return false }
            index += 1
        }
        return true
    }

    /// The text of `range` as a substring of `text`, whose UTF-8 these bytes are.
    static func substring(_ range: Range<Int>, of text: Substring) -> Substring {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        return text[start..<end]
    }
}

extension Substring {
    /// Runs `body` over the text's contiguous UTF-8 (a copy when the text has none, which
    /// decoded bodies always have).
    func withBodyLineBytes<Result>(_ body: (BodyLineBytes) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable({ body(BodyLineBytes(bytes: $0)) }) { return result }
        var copy = String(self)
        copy.makeContiguousUTF8()
        return copy[...].withBodyLineBytes(body)
    }
}
