/// A maintainer's sentence saying that patches were applied: "Applied to kvm/next, thanks.",
/// "Queued, thanks.", "Thanks, applied.", "Queued patches 1-5, thanks.", "Applied to
/// arm64 (for-next/misc), thanks!", "Applied to https://… (branch), thanks!".
///
/// Rules, on one line (the caller makes sure it starts a paragraph):
/// - optionally `Thanks, ` (or `Thanks! `, `Thank you, `), then a verb: `Applied` or `Queued`
///   (enough alone), `Pushed`, `Merged`, `Picked up`, `Taken` (only with a destination or a
///   thanks), capitalised unless after the thanks;
/// - then, in the first sentence (up to `.`, `!` or `?` followed by a space or the line's end):
///   positions (`patches 1-5`, `3+5`, `1-9 and 18`), then the end, a comma, `to <destination>`,
///   `for <release>`, `with …` or `and pushed/queued …`; anything else only with a later
///   `to <destination>` and a thanks (`Applied the first patch only to arm64 (for-next/rng),
///   thanks!`);
/// - no question (`Applied?`), and none of the words of a tester or a conditional in that sentence
///   (`on top`, `tested`, `boot`, `verified`, `cleanly`, `locally`, `conflict`, `fail`, `not`, …).
struct AppliedStatement {
    var branch: String?
    var repository: String?
    var positions: [Int]

    init?(line: Substring) {
        var rest = line.trimmingSpaces()
        var afterThanks = false
        for prefix in Self.thanks where rest.hasASCIIPrefixIgnoringCase(prefix) {
            rest = rest.dropFirst(prefix.count).trimmingSpaces()
            afterThanks = true
            break
        }
        guard let initial = rest.first, afterThanks || initial.isUppercase else { return nil }
        guard let verb = Self.verbs.first(where: { rest.hasASCIIPrefixIgnoringCase($0.word) }) else { return nil }
        rest = rest.dropFirst(verb.word.count)
        if let next = rest.first, next.isLetter || next.isNumber { return nil }

        let (sentence, ending) = Self.firstSentence(of: rest)
        guard ending != "?" else { return nil }
        let lower = sentence.lowercased()
        let punctuation: Set<Character> = [",", ".", ";", ":", "!", "(", ")", "\"", "'"]
        let sentenceWords = lower.split(separator: " ").map { word in
            word.drop(while: { punctuation.contains($0) }).reversed().drop(while: { punctuation.contains($0) })
                .reversed()
        }.map { String($0) }
        guard !sentenceWords.contains(where: { Self.hesitantWords.contains($0) || $0.hasSuffix("n't") }),
            lower.firstRange(of: "on top") == nil
        else { return nil }
        let hasThanks = afterThanks || lower.contains("thank")

        var words = sentence.trimmingSpaces()
        positions = []
        for object in ["patches ", "patch "] where words.hasASCIIPrefixIgnoringCase(object) {
            let after = words.dropFirst(object.count)
            if let first = after.first, first.isNumber { words = after }
        }
        for object in [
            "this one ", "this series ", "the series ", "the whole series ", "this ", "it ", "them ", "all ", "both ",
        ]
        where words.hasASCIIPrefixIgnoringCase(object) {
            words = words.dropFirst(object.count - 1)
            break
        }
        if let first = words.first, first.isNumber {
            (positions, words) = Self.positions(in: words)
            words = words.trimmingSpaces()
        }

        branch = nil
        repository = nil
        words = words.trimmingSpaces()
        let lowerWords = words.lowercased()
        if words.isEmpty || words.first == "," || words.first == "." || words.first == "!" {
            guard verb.isEnoughAlone || hasThanks else { return nil }
        } else if lowerWords.hasPrefix("to ") {
            setDestination(words.dropFirst(3))
        } else if lowerWords.hasPrefix("for ") || lowerWords.hasPrefix("with ") {
            guard verb.isEnoughAlone || hasThanks else { return nil }
        } else if lowerWords.hasPrefix("and ") {
            let next = lowerWords.dropFirst(4)
            guard ["pushed", "queued", "applied", "merged"].contains(where: { next.hasPrefix($0) }) else { return nil }
            if let range = words.firstRange(of: " to ") { setDestination(words[range.upperBound...]) }
        } else if hasThanks, let range = words.firstRange(of: " to ") {
            setDestination(words[range.upperBound...])
        } else {
            return nil
        }
    }

    /// Reads `kvm/next`, `arm64 (for-next/misc)`, `kvm-x86 selftests`, `https://… (branch)`
    /// from the text after `to `, up to `, `, ` with `, ` for `, ` and `, ` because `.
    private mutating func setDestination(_ text: Substring) {
        var destination = text
        for stop in [",", " with ", " for ", " and ", " because ", " as ", " so "] {
            if let range = destination.firstRange(of: stop) { destination = destination[..<range.lowerBound] }
        }
        if let open = destination.firstRange(of: " (") {
            let inside = destination[open.upperBound...]
            if let close = inside.firstIndex(of: ")"), !inside[..<close].contains(" ") {
                let name = inside[..<close]
                let before = destination[..<open.lowerBound]
                if before.contains("://") {
                    repository = String(before)
                    branch = String(name)
                    return
                }
                destination = destination[..<destination.index(after: close)]
            } else {
                destination = destination[..<open.lowerBound]
            }
        }
        while let last = destination.last, last == "." || last == ":" || last == "!" || last == " " {
            destination = destination.dropLast()
        }
        guard !destination.isEmpty else { return }
        if destination.contains("://") {
            // `https://…/repo.git master`: the repository, then the branch.
            let words = destination.split(separator: " ", maxSplits: 1)
            repository = String(words[0])
            branch = words.count > 1 ? String(words[1]) : nil
        } else {
            branch = String(destination)
        }
    }

    /// The openings `init(line:)` takes before the verb, in lower case.
    private static let thanks = ["thanks, ", "thanks! ", "thanks. ", "thank you, ", "thank you! "]

    /// Whether the line, from its first non-blank byte at `start`, opens as a statement does: an
    /// optional thanks, then one of the verbs. The cheap test on bytes before `init(line:)`,
    /// which most paragraphs of a reply fail here.
    static func mayOpen(_ line: BodyLineBytes.Line, of lines: BodyLineBytes, at start: Int) -> Bool {
        var rest = start
        if let prefix = thanks.first(where: { lines.hasPrefixIgnoringCase($0, in: line, at: start) }) {
            rest = lines.skippingBlanks(line, from: start + prefix.utf8.count)
        }
        return verbs.contains { lines.hasPrefixIgnoringCase($0.word, in: line, at: rest) }
    }

    /// Whether a line whose first non-blank byte is `byte` can be a statement: `A`, `Q`, `P`,
    /// `M`, `T` (and lower case, after a thanks).
    static func mayStart(with byte: UInt8) -> Bool {
        switch byte | 0x20 {
        case 0x61, 0x71, 0x70, 0x6D, 0x74: return true  // a q p m t
        default: return false
        }
    }

    private static let verbs: [(word: String, isEnoughAlone: Bool)] = [
        ("applied", true), ("queued", true), ("pushed", false), ("merged", false), ("picked up", false),
        ("taken", false),
    ]

    /// Words of a tester, a question or a condition: the sentence is no notice. Compared with
    /// whole words (`for-next/boot` is a branch), besides `on top` and any `…n't`.
    private static let hesitantWords: Set<String> = [
        "tested", "testing", "test", "tests", "boot", "boots", "booted", "verified", "cleanly", "works", "worked",
        "locally", "conflict", "conflicts", "fail", "fails", "failed", "error", "errors", "not", "without", "if",
        "would", "should", "could", "maybe",
    ]

    /// The text up to the end of its first sentence, and the mark that ended it (nil at the end
    /// of the line). `target-arm.next` does not end a sentence: the mark must be followed by a
    /// space or the end of the line.
    private static func firstSentence(of text: Substring) -> (Substring, Character?) {
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "." || character == "!" || character == "?", next == text.endIndex || text[next] == " " {
                return (text[..<index], character)
            }
            index = next
        }
        return (text, nil)
    }

    /// `1-5, thanks` → ([1, 2, 3, 4, 5], ", thanks"); `3+5` → [3, 5]; `1-9 and 18` → 1…9, 18.
    /// Ranges are capped at 999 positions.
    private static func positions(in text: Substring) -> ([Int], Substring) {
        var positions: [Int] = []
        var rest = text
        func number() -> Int? {
            let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
            guard !digits.isEmpty, digits.count <= 4, let value = Int(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            return value
        }
        while let first = number() {
            if rest.first == "-",
                let last = {
                    rest = rest.dropFirst()
                    return number()
                }(), last >= first,
                last - first < 999
            {
                positions += Array(first...last)
            } else {
                positions.append(first)
            }
            var probe = rest
            for separator in ["+", ", ", ",", " and ", " & "] where probe.hasPrefix(separator) {
                probe = probe.dropFirst(separator.count)
                if let digit = probe.first, digit.isASCII, digit.isNumber { rest = probe }
                break
            }
            guard let digit = rest.first, digit.isASCII, digit.isNumber else { break }
        }
        return (positions, rest)
    }
}
