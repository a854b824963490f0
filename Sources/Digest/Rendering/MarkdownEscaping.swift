/// Mail text for GitHub-flavoured Markdown that reads as plain text in its raw form too: a
/// character is escaped only where Markdown would otherwise read it as markup, so
/// `linux-arm-kernel`, `google.com` and `[PATCH v2 1/3]` stay as they are.
///
/// What is escaped (CommonMark 0.31 and GFM):
/// - At the start of the text (a line start where the caller puts it): `#`, `>`, a `-`, `+` or
///   `*` list marker before a space, `1.` / `1)`, a `[ ]` / `[x]` task box, `=` (a setext
///   underline under a line before).
/// - Anywhere: a backtick (code span); `*` unless spaces surround it; `_` unless letters or
///   digits surround it (GFM never emphasises inside a word with `_`); `~` next to another `~`
///   or between a word character and something else (strikethrough); `<` before a letter, `/`, `!` or `?` (HTML, autolinks);
///   `]` before `(`, `[` or `:` and `[` before `^` (links, definitions, footnotes); `&` that would
///   start an entity (`&amp;`, `&#35;`); `\` before punctuation or at the end; `|` in a table
///   cell; `$` (GitHub's math) before or after a non-space.
/// - Line breaks become spaces: the text is one inline run.
enum MarkdownEscaping {
    /// `text` (made terminal-safe) as inline Markdown; `inTable` escapes `|` too.
    static func inline(_ text: String, inTable: Bool = false) -> String {
        let characters = Array(
            text.terminalSafe.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 })
        var out = ""
        out.reserveCapacity(characters.count + 8)
        let leading = leadingEscape(characters)
        for (index, character) in characters.enumerated() {
            let before: Character? = index > 0 ? characters[index - 1] : nil
            let after: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            if index == leading || needsEscape(character, before: before, after: after, at: index, in: characters)
                || (inTable && character == "|")
            {
                out.append("\\")
            }
            out.append(character)
        }
        return out
    }

    /// The index of the character that must be escaped for the text not to start a block
    /// (heading, quote, list, setext underline, task box), or nil.
    private static func leadingEscape(_ text: [Character]) -> Int? {
        guard let first = text.first else { return nil }
        let second: Character? = text.count > 1 ? text[1] : nil
        switch first {
        case "#", ">", "=": return 0
        case "-", "+", "*": return second == nil || second == " " ? 0 : nil
        case "[":
            guard text.count >= 3, text[2] == "]", let second, " xX".contains(second) else { return nil }
            return 0
        default:
            // `1.` or `1)` followed by a space or the end: an ordered list item.
            var index = 0
            while index < text.count, index < 9, text[index].isASCII, text[index].isNumber { index += 1 }
            guard index > 0, index < text.count, text[index] == "." || text[index] == ")" else { return nil }
            return index + 1 == text.count || text[index + 1] == " " ? index : nil
        }
    }

    private static func needsEscape(
        _ character: Character, before: Character?, after: Character?, at index: Int, in text: [Character]
    ) -> Bool {
        switch character {
        case "`": return true
        case "*": return !(isSpace(before) && isSpace(after))
        case "_": return !(isWordCharacter(before) && isWordCharacter(after))
        case "~":
            // Next to another `~`, or at a word's edge where it could open or close a strike.
            let word = (isWordCharacter(before), isWordCharacter(after))
            return before == "~" || after == "~" || word == (false, true) || word == (true, false)
        case "<": return after.map { $0.isLetter || "/!?".contains($0) } ?? false
        case "]": return after.map { "([:".contains($0) } ?? false
        case "[": return after == "^"
        case "&": return startsEntity(text, at: index)
        case "\\": return after.map { $0.isASCII && $0.isPunctuationOrSymbol } ?? true
        case "$": return !isSpace(before) || !isSpace(after)
        default: return false
        }
    }

    /// `&name;`, `&#123;` or `&#x7B;` from `index`: what CommonMark reads as a character reference.
    private static func startsEntity(_ text: [Character], at index: Int) -> Bool {
        var cursor = index + 1
        var length = 0
        while cursor < text.count, length <= 32, text[cursor].isASCII,
            text[cursor].isLetter || text[cursor].isNumber || text[cursor] == "#"
        {
            cursor += 1
            length += 1
        }
        return length > 0 && cursor < text.count && text[cursor] == ";"
    }

    private static func isSpace(_ character: Character?) -> Bool {
        character.map(\.isWhitespace) ?? true
    }

    private static func isWordCharacter(_ character: Character?) -> Bool {
        character.map { $0.isLetter || $0.isNumber } ?? false
    }

    /// `text` as a code span: backticks around it, one more than its longest run of backticks,
    /// with a space inside each end when it starts or ends with a backtick (CommonMark strips one).
    static func codeSpan(_ text: String) -> String {
        let flat = String(text.terminalSafe.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
        let fence = String(repeating: "`", count: longestBacktickRun(flat) + 1)
        let padded = flat.hasPrefix("`") || flat.hasSuffix("`") ? " \(flat) " : flat
        return fence + padded + fence
    }

    /// A fenced code block of `text` whose fence is longer than any backtick run inside it (and at
    /// least three), so no line of the text can close it.
    static func fencedBlock(_ text: String, info: String = "text") -> String {
        let safe = text.terminalSafe
        let fence = String(repeating: "`", count: max(3, longestBacktickRun(safe) + 1))
        return "\(fence)\(info)\n\(safe)\(safe.hasSuffix("\n") || safe.isEmpty ? "" : "\n")\(fence)\n"
    }

    /// `[text](url)`: `text` is inline Markdown already; its brackets stay when they pair up (as in
    /// `[PATCH v2 1/3]`) and are escaped when they do not, since an unpaired `]` would end the link
    /// text. The URL (an `http`/`https` one from ``MessageLinks``: no spaces, quotes or angle
    /// brackets) has its parentheses escaped. Without a URL, the text alone.
    static func link(_ text: String, _ url: String?) -> String {
        guard let url else { return text }
        let destination = url.replacingParentheses
        return "[\(bracketsBalanced(text) ? text : escapingBrackets(text))](\(destination))"
    }

    private static func bracketsBalanced(_ text: String) -> Bool {
        var depth = 0
        var escaped = false
        for character in text {
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\\": escaped = true
            case "[": depth += 1
            case "]":
                depth -= 1
                if depth < 0 { return false }
            default: break
            }
        }
        return depth == 0
    }

    private static func escapingBrackets(_ text: String) -> String {
        var out = ""
        var escaped = false
        for character in text {
            if !escaped && (character == "[" || character == "]") { out.append("\\") }
            escaped = !escaped && character == "\\"
            out.append(character)
        }
        return out
    }

    static func longestBacktickRun(_ text: String) -> Int {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }
}

extension Character {
    /// ASCII punctuation as CommonMark counts it (what a backslash can escape).
    fileprivate var isPunctuationOrSymbol: Bool {
        guard let ascii = asciiValue else { return false }
        return (0x21...0x2F).contains(ascii) || (0x3A...0x40).contains(ascii) || (0x5B...0x60).contains(ascii)
            || (0x7B...0x7E).contains(ascii)
    }
}

extension String {
    /// `(` and `)` backslash-escaped, for a Markdown link destination.
    fileprivate var replacingParentheses: String {
        var out = ""
        for character in self {
            if character == "(" || character == ")" { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
