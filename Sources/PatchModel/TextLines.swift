/// One line of a body: its text without the line break, and where it sits in the body.
struct TextLine {
    /// The line without its `\n` and without a `\r` before it.
    var text: Substring
    /// Start of the line in the scanned text.
    var start: String.Index
    /// Just past the line break (or the end of the text for a last line without one).
    var next: String.Index
    /// Whether the line ended in `\r\n`.
    var hadCarriageReturn: Bool

    /// True when the line holds nothing but spaces and tabs.
    var isBlank: Bool {
        text.utf8.allSatisfy { $0 == ASCII.space || $0 == ASCII.tab }
    }
}

/// Iterates over the lines of a text, split at LF, in one forward pass over its UTF-8 bytes.
///
/// A trailing `\r` is removed from each line so that CRLF input reads like LF input.
/// A final line break does not produce an empty last line.
/// - Complexity: O(*n*) over the whole text.
struct TextLines: Sequence, IteratorProtocol {
    private let base: Substring
    private var position: String.Index

    init(_ text: Substring) {
        base = text
        position = text.startIndex
    }

    mutating func next() -> TextLine? {
        guard position < base.endIndex else { return nil }
        let start = position
        let utf8 = base.utf8
        let lineEnd = Self.nextLineFeed(in: utf8[start...]) ?? base.endIndex
        let next = lineEnd == base.endIndex ? lineEnd : utf8.index(after: lineEnd)
        var textEnd = lineEnd
        var hadCarriageReturn = false
        if textEnd > start {
            let beforeEnd = utf8.index(before: textEnd)
            if utf8[beforeEnd] == ASCII.carriageReturn {
                textEnd = beforeEnd
                hadCarriageReturn = true
            }
        }
        position = next
        return TextLine(
            text: base[start..<textEnd], start: start, next: next, hadCarriageReturn: hadCarriageReturn)
    }

    /// The index of the next LF: a tight loop over contiguous UTF-8 when the string has it (native
    /// strings do), else a walk over the view.
    private static func nextLineFeed(in utf8: Substring.UTF8View) -> String.Index? {
        let offset = utf8.withContiguousStorageIfAvailable { buffer -> Int? in
            buffer.firstIndex(of: ASCII.lineFeed)
        }
        switch offset {
        case .some(.some(let offset)): return utf8.index(utf8.startIndex, offsetBy: offset)
        case .some(.none): return nil
        case .none: return utf8.firstIndex(of: ASCII.lineFeed)
        }
    }
}

/// Named ASCII bytes used by the scanners of this target.
enum ASCII {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let hyphen: UInt8 = 0x2D
    static let slash: UInt8 = 0x2F
    static let zero: UInt8 = 0x30
    static let nine: UInt8 = 0x39
    static let colon: UInt8 = 0x3A
    static let lessThan: UInt8 = 0x3C
    static let greaterThan: UInt8 = 0x3E
    static let openBracket: UInt8 = 0x5B
    static let closeBracket: UInt8 = 0x5D
    static let openParenthesis: UInt8 = 0x28
    static let closeParenthesis: UInt8 = 0x29

    static func isDigit(_ byte: UInt8) -> Bool { byte >= zero && byte <= nine }
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == lineFeed || byte == carriageReturn
    }
    /// ASCII lower case; other bytes unchanged.
    static func lowercased(_ byte: UInt8) -> UInt8 { isLetter(byte) ? byte | 0x20 : byte }
}

extension StringProtocol {
    /// Whether the text starts with `prefix`, comparing ASCII letters without regard to case.
    /// `prefix` must be lower-case ASCII.
    func hasASCIIPrefixIgnoringCase(_ prefix: String) -> Bool {
        var mine = utf8.makeIterator()
        for expected in prefix.utf8 {
            guard let byte = mine.next(), ASCII.lowercased(byte) == expected else { return false }
        }
        return true
    }

    /// Whether the text is exactly the signature separator `-- `.
    var isSignatureSeparator: Bool {
        utf8.elementsEqual("-- ".utf8)
    }

    /// Whether the text starts with `prefix`, byte for byte.
    func hasBytePrefix(_ prefix: String) -> Bool {
        utf8.starts(with: prefix.utf8)
    }

    /// The text with runs of ASCII white space (space, tab, CR, LF) collapsed to one space and
    /// none at either end. Works on the UTF-8 bytes; other characters are copied unchanged.
    func collapsingWhitespace() -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var pendingSpace = false
        for byte in utf8 {
            if ASCII.isWhitespace(byte) {
                pendingSpace = !bytes.isEmpty
            } else {
                if pendingSpace { bytes.append(ASCII.space) }
                pendingSpace = false
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text without spaces and tabs at either end (compared as bytes, not characters).
    func trimmingSpaces() -> SubSequence {
        let view = utf8
        var start: Index?
        var end = view.startIndex
        var position = view.startIndex
        while position < view.endIndex {
            let byte = view[position]
            let next = view.index(after: position)
            if byte != ASCII.space && byte != ASCII.tab {
                if start == nil { start = position }
                end = next
            }
            position = next
        }
        guard let start else { return self[endIndex..<endIndex] }
        return self[start..<end]
    }
}
