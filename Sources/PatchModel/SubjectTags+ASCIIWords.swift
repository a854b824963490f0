internal import MailParser

/// The words of an ASCII tag read as bytes: `readWords(of:dottedVersion:)`'s rules without a
/// `String` per word and `Character` comparisons, which cost ≈ 1% of a whole-archive report.
///
/// Only for a tag of ASCII bytes: there, upper-casing, splitting at `" "`, `","`, `/`, `-`, `:` and
/// comparing prefixes give the same on bytes as on `Character`s (a tag's white space is already
/// collapsed, so no CR LF pair forms one `Character`). A tag with any other byte takes the
/// `Character` path, whose Unicode rules (a combining mark joins the character before it) differ.
extension SubjectTags {
    /// `readWords(of:dottedVersion:)` for an ASCII tag.
    mutating func readASCIIWords(of tag: String, dottedVersion: inout (major: Int, minor: Int)?) {
        let upper = tag.utf8.map(Self.asciiUppercased)
        for word in upper.split(whereSeparator: { $0 == ASCII.space || $0 == ASCII.comma }) {
            if readASCIIWord(word, dottedVersion: &dottedVersion) { continue }
            let pieces = word.split(whereSeparator: { $0 == ASCII.slash || $0 == ASCII.minus || $0 == ASCII.colon })
            // Only a word glued to a keyword is read in pieces (see `readWords`).
            let hasKeyword = pieces.contains {
                $0.starts(with: Keyword.patch) || $0.elementsEqual(Keyword.rfc) || $0.elementsEqual(Keyword.resend)
                    || $0.elementsEqual(Keyword.pull)
            }
            if pieces.count > 1, hasKeyword {
                for piece in pieces { _ = readASCIIWord(piece, dottedVersion: &dottedVersion) }
            }
        }
    }

    /// `readWord(_:dottedVersion:)` on an upper-cased ASCII word.
    private mutating func readASCIIWord(_ word: ArraySlice<UInt8>, dottedVersion: inout (major: Int, minor: Int)?)
        -> Bool
    {
        var rest = word
        if rest.starts(with: Keyword.patch) {
            let glued = rest.dropFirst(Keyword.patch.count)
            if glued.isEmpty || glued.elementsEqual(Keyword.es) || glued.elementsEqual(Keyword.set) {
                hasPatchTag = true
                return true
            }
            let trimmed = glued.first == ASCII.minus || glued.first == ASCII.underscore ? glued.dropFirst() : glued
            guard Self.asciiVersion(in: trimmed) != nil || Self.asciiCounter(in: trimmed) != nil else { return false }
            hasPatchTag = true
            rest = trimmed
        } else if rest.starts(with: Keyword.rfc) {
            let glued = rest.dropFirst(Keyword.rfc.count)
            if glued.isEmpty {
                isRFC = true
                return true
            }
            guard Self.asciiVersion(in: glued) != nil || Self.asciiCounter(in: glued) != nil else { return false }
            isRFC = true
            rest = glued
        } else if rest.elementsEqual(Keyword.resend) {
            isResend = true
            return true
        } else if rest.elementsEqual(Keyword.pull) {
            isPullRequest = true
            return true
        }
        if let found = Self.asciiVersion(in: rest) {
            if let minor = found.minor {
                if dottedVersion == nil { dottedVersion = (found.major, minor) }
            } else if version == nil {
                version = found.major
            }
            return true
        }
        if let (found, count) = Self.asciiCounter(in: rest) {
            if number == nil {
                number = found
                total = count
            }
            return true
        }
        return false
    }

    /// `V12` → (12, nil), `V5.1` → (5, 1).
    private static func asciiVersion(in word: ArraySlice<UInt8>) -> (major: Int, minor: Int?)? {
        guard word.first == Keyword.upperV else { return nil }
        let number = word.dropFirst()
        guard let dot = number.firstIndex(of: ASCII.dot) else { return asciiDecimal(number).map { ($0, nil) } }
        guard let major = asciiDecimal(number[..<dot]), let minor = asciiDecimal(number[(dot + 1)...]) else {
            return nil
        }
        return (major, minor)
    }

    /// `01/12` → (1, 12).
    private static func asciiCounter(in word: ArraySlice<UInt8>) -> (Int, Int)? {
        guard let slash = word.firstIndex(of: ASCII.slash),
            let number = asciiDecimal(word[..<slash]),
            let total = asciiDecimal(word[(slash + 1)...])
        else { return nil }
        return (number, total)
    }

    /// A run of 1 to 9 ASCII digits as a number; nil for anything else.
    private static func asciiDecimal(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
        var value = 0
        for byte in bytes {
            guard ASCII.isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - ASCII.zero)
        }
        return value
    }

    private static func asciiUppercased(_ byte: UInt8) -> UInt8 {
        byte >= ASCII.lowerA && byte <= ASCII.lowerZ ? byte - 0x20 : byte
    }

    /// The upper-case words the rules look for, as bytes.
    private enum Keyword {
        static let patch = Array("PATCH".utf8)
        static let es = Array("ES".utf8)
        static let set = Array("SET".utf8)
        static let rfc = Array("RFC".utf8)
        static let resend = Array("RESEND".utf8)
        static let pull = Array("PULL".utf8)
        static var upperV: UInt8 { 0x56 }
    }
}
