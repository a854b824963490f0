internal import MailParser

/// What the subject of a mail says about it: reply prefixes, bracketed tags, and the title.
///
/// `Re: [PATCH RFC v2 3/7] KVM: x86: Fix foo` reads as a reply (`isReply`), tags `["PATCH RFC v2 3/7"]`,
/// `hasPatchTag`, `isRFC`, version 2, number 3 of 7, title `KVM: x86: Fix foo`.
///
/// Rules:
/// - Reply prefixes are `Re:`, `Aw:`, `Sv:`, `Vs:`, `Odp:`, `Antw:`, `Rif:`, `Fwd:`, `Fw:`, `Wg:` in any
///   case, optionally counted (`Re[2]:`, `Re(2):`) and with spaces before the colon (`RE :`), repeated
///   (`Re: Re:`), after leading white space. They are looked for only before the first bracket.
/// - The leading run of bracketed tags (`[RFC][PATCH v2 1/3]`) is parsed; a bracket later in the
///   subject is title text.
/// - A tag has the word PATCH when one of its words is `PATCH`, `PATCHES` or `PATCHSET` in any case,
///   or `PATCH` glued to a version or counter (`PATCHv3`, `PATCH1/8`). Words are split at white space
///   and commas, and a word that means nothing whole at `/` and `-` (`RFC/PATCH`, `RFC-PATCH`).
/// - Version: a word `vN` (or `VN`, also glued: `PATCHv3`, `RFCv2`), or `vN.K` for a partial re-roll
///   (`[PATCH v5.1 3/12]`: version 5, minor version 1, one patch sent again in reply to the old one);
///   number and total: a word `N/M`, leading zeros allowed. The first of each in the run wins, but a
///   plain `vN` anywhere wins over `vN.K`: in `[PATCH stable v4.9 v2]` the `v4.9` names a kernel.
/// - Pull request: a word `PULL` in a tag (`[GIT PULL]`, `[PULL 00/12]`, `[GIT PULL v2]`).
/// - Bot report: the first tag is `syzbot…`, or names a tree and branch (`[linux-next:master]`,
///   `[kvm:queue 3/5]`: a colon inside, no PATCH, no PULL).
/// - Title: the subject without reply prefixes and leading tags, white space collapsed.
package struct SubjectTags: Sendable, Hashable {
    /// The subject starts with a reply or forward prefix.
    package var isReply: Bool
    /// The leading bracketed tags, without brackets, white space collapsed.
    package var tags: [String]
    /// The subject without reply prefixes and leading bracketed tags, white space collapsed.
    package var title: String
    /// One of the tags contains the word PATCH.
    package var hasPatchTag: Bool
    package var isRFC: Bool
    package var isResend: Bool
    /// The `vN` of the tags; nil when the subject names none (then the revision is inferred as 1).
    package var version: Int?
    /// The `K` of `vN.K`, a partial re-roll of version N; nil for a plain `vN` or no version.
    package var minorVersion: Int?
    /// `N` of `N/M`; 0 marks a cover letter.
    package var number: Int?
    /// `M` of `N/M`.
    package var total: Int?
    package var isPullRequest: Bool
    package var isBotReport: Bool

    /// The revision of the series: the explicit version, else 1.
    package var revision: Int { version ?? 1 }
    /// True when the subject gives no version and `revision` is the assumed 1.
    package var isRevisionInferred: Bool { version == nil }

    /// The tags name RFC, a version or a position `N/M` but not the word PATCH, in a mail that is no
    /// reply, pull request or bot report (`[RFC 0/6]`, `[v2 3/6]`, `[kvmtool v3 5/5]`): a patch mail
    /// only if its body carries a diff, as b4 and patchwork count them (report.md).
    package var namesSeriesWithoutPatchWord: Bool {
        !isReply && !isPullRequest && !hasPatchTag && !isBotReport && (isRFC || version != nil || number != nil)
    }

    package init(subject: String) {
        self.init(subject: subject, wordReading: .bytesWhenASCII)
    }

    /// How the words of a tag are read: the same rules either way (a test holds them to it).
    enum WordReading {
        /// On upper-cased bytes when the tag is ASCII (nearly every tag); on `Character`s otherwise.
        case bytesWhenASCII
        /// Always on `Character`s: the reference the byte path must agree with.
        case characters
    }

    init(subject: String, wordReading: WordReading) {
        isReply = false
        tags = []
        title = ""
        hasPatchTag = false
        isRFC = false
        isResend = false
        version = nil
        minorVersion = nil
        number = nil
        total = nil
        isPullRequest = false
        isBotReport = false

        let utf8 = subject.utf8
        var position = Self.skipWhitespace(utf8, from: utf8.startIndex)
        while let afterPrefix = Self.replyPrefixEnd(utf8, from: position) {
            isReply = true
            position = Self.skipWhitespace(utf8, from: afterPrefix)
        }
        while position < utf8.endIndex, utf8[position] == ASCII.openBracket,
            let close = utf8[utf8.index(after: position)...].firstIndex(of: ASCII.closeBracket)
        {
            let content = subject[utf8.index(after: position)..<close]
            tags.append(content.collapsingWhitespace())
            position = Self.skipWhitespace(utf8, from: utf8.index(after: close))
        }
        title = subject[position...].collapsingWhitespace()

        var dottedVersion: (major: Int, minor: Int)?
        for (index, tag) in tags.enumerated() {
            if wordReading == .bytesWhenASCII, tag.utf8.allSatisfy({ $0 < 0x80 }) {
                readASCIIWords(of: tag, dottedVersion: &dottedVersion)
            } else {
                readWords(of: tag, dottedVersion: &dottedVersion)
            }
            if index == 0 { isBotReport = Self.isBotTag(tag) }
        }
        if version == nil, let dottedVersion {
            version = dottedVersion.major
            minorVersion = dottedVersion.minor
        }
        if hasPatchTag || isPullRequest { isBotReport = false }
    }

    /// Reads the words of one tag into the flags, version and counter.
    ///
    /// Words are separated by white space and commas; a word that means nothing whole is read again
    /// in pieces split at `/`, `-` and `:` (`RFC/PATCH`, `RFC-PATCH`, `stable:PATCH`).
    private mutating func readWords(of tag: String, dottedVersion: inout (major: Int, minor: Int)?) {
        for word in tag.split(whereSeparator: { $0 == " " || $0 == "," }) {
            let upper = Substring(word.uppercased())
            if readWord(upper, dottedVersion: &dottedVersion) { continue }
            let pieces = upper.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == ":" })
            // Only a word glued to a keyword is read in pieces: `snp-host-v10` in a bot's branch
            // name is no version.
            let hasKeyword = pieces.contains { $0.hasPrefix("PATCH") || $0 == "RFC" || $0 == "RESEND" || $0 == "PULL" }
            if pieces.count > 1, hasKeyword {
                for piece in pieces { _ = readWord(piece, dottedVersion: &dottedVersion) }
            }
        }
    }

    /// Reads one upper-cased word; false when it means nothing here. A `vN.K` goes to
    /// `dottedVersion` (the first one), to be used when no plain `vN` follows.
    private mutating func readWord(_ word: Substring, dottedVersion: inout (major: Int, minor: Int)?) -> Bool {
        var rest = word
        if rest.hasPrefix("PATCH") {
            let glued = rest.dropFirst(5)
            if glued.isEmpty || glued == "ES" || glued == "SET" {
                hasPatchTag = true
                return true
            }
            let trimmed = glued.first == "-" || glued.first == "_" ? glued.dropFirst() : glued
            guard Self.version(in: trimmed) != nil || Self.counter(in: trimmed) != nil else { return false }
            hasPatchTag = true
            rest = trimmed
        } else if rest.hasPrefix("RFC") {
            let glued = rest.dropFirst(3)
            if glued.isEmpty {
                isRFC = true
                return true
            }
            guard Self.version(in: glued) != nil || Self.counter(in: glued) != nil else { return false }
            isRFC = true
            rest = glued
        } else if rest == "RESEND" {
            isResend = true
            return true
        } else if rest == "PULL" {
            isPullRequest = true
            return true
        }
        if let found = Self.version(in: rest) {
            if let minor = found.minor {
                if dottedVersion == nil { dottedVersion = (found.major, minor) }
            } else if version == nil {
                version = found.major
            }
            return true
        }
        if let (found, count) = Self.counter(in: rest) {
            if number == nil {
                number = found
                total = count
            }
            return true
        }
        return false
    }

    /// `V12` → (12, nil), `V5.1` → (5, 1) (the word is already upper-cased).
    private static func version(in word: Substring) -> (major: Int, minor: Int?)? {
        guard word.first == "V" else { return nil }
        let number = word.dropFirst()
        guard let dot = number.firstIndex(of: ".") else { return decimal(number).map { ($0, nil) } }
        guard let major = decimal(number[..<dot]), let minor = decimal(number[number.index(after: dot)...]) else {
            return nil
        }
        return (major, minor)
    }

    /// `01/12` → (1, 12).
    private static func counter(in word: Substring) -> (Int, Int)? {
        guard let slash = word.firstIndex(of: "/"),
            let number = decimal(word[..<slash]),
            let total = decimal(word[word.index(after: slash)...])
        else { return nil }
        return (number, total)
    }

    /// A run of 1 to 9 ASCII digits as a number; nil for anything else.
    private static func decimal(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 9 else { return nil }
        var value = 0
        for byte in text.utf8 {
            guard ASCII.isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - ASCII.zero)
        }
        return value
    }

    /// `syzbot…`, or `tree:branch` with something on both sides of the colon and no PATCH/PULL word.
    private static func isBotTag(_ tag: String) -> Bool {
        if tag.hasASCIIPrefixIgnoringCase("syzbot") { return true }
        guard let colon = tag.firstIndex(of: ":") else { return false }
        let before = tag[..<colon]
        let after = tag[tag.index(after: colon)...].trimmingSpaces()
        return !before.isEmpty && !before.contains(" ") && !after.isEmpty
    }

    private static func skipWhitespace(_ utf8: String.UTF8View, from start: String.Index) -> String.Index {
        var position = start
        while position < utf8.endIndex, ASCII.isWhitespace(utf8[position]) {
            position = utf8.index(after: position)
        }
        return position
    }

    /// Lower-case reply and forward prefixes, without the colon.
    private static let replyWords: Set<String> = [
        "re", "aw", "sv", "vs", "odp", "antw", "rif", "fwd", "fw", "wg",
    ]

    /// If a reply prefix starts at `start`, the index just past its colon.
    private static func replyPrefixEnd(_ utf8: String.UTF8View, from start: String.Index) -> String.Index? {
        var position = start
        var word: [UInt8] = []
        while position < utf8.endIndex, ASCII.isLetter(utf8[position]), word.count <= 4 {
            word.append(ASCII.lowercased(utf8[position]))
            position = utf8.index(after: position)
        }
        guard !word.isEmpty, replyWords.contains(String(decoding: word, as: UTF8.self)) else { return nil }
        // Optional count: Re[2]: or Re(2):
        if position < utf8.endIndex, utf8[position] == ASCII.openBracket || utf8[position] == ASCII.openParen {
            let close = utf8[position] == ASCII.openBracket ? ASCII.closeBracket : ASCII.closeParen
            var digit = utf8.index(after: position)
            var digits = 0
            while digit < utf8.endIndex, ASCII.isDigit(utf8[digit]) {
                digit = utf8.index(after: digit)
                digits += 1
            }
            guard digits > 0, digit < utf8.endIndex, utf8[digit] == close else { return nil }
            position = utf8.index(after: digit)
        }
        while position < utf8.endIndex, utf8[position] == ASCII.space {
            position = utf8.index(after: position)
        }
        guard position < utf8.endIndex, utf8[position] == ASCII.colon else { return nil }
        return utf8.index(after: position)
    }
}
