package import MailParser

/// The in-body header block git send-email writes at the top of a body when the patch's author is
/// not its sender:
///
/// ```
/// From: Shivank Garg <shivankg@amd.com>
/// Date: Tue, 7 Oct 2025 15:14:08 -0700
///
/// Add a dedicated gmem_inode structure ...
/// ```
///
/// Rules: blank lines before the block are skipped; the block is the run of `From:`, `Date:` and
/// `Subject:` lines at the very top (names in any case, values may be RFC 2047 encoded, a line that
/// starts with white space continues the one before); it ends at the first other line. A blank line
/// after it, and any more blank lines, are dropped; the rest is the commit message (`remainder`).
/// A `From:` further down is text. A body without such a block has all of it, leading blank lines
/// dropped, as its remainder.
package struct InBodyHeaders: Sendable {
    /// The in-body `From:`, parsed as a mailbox; nil when absent or unparseable.
    package var from: Mailbox?
    /// The in-body `Date:` as written.
    package var date: String?
    /// The in-body `Subject:`, decoded.
    package var subject: String?
    /// The body after the block and the blank lines after it: the commit message and what follows.
    package var remainder: Substring
    /// Number of in-body header lines found (0: no block).
    package var headerLineCount: Int
    /// What was wrong (an in-body From that is no mailbox) and how it was handled.
    package var problems: [String]

    package init(from: Mailbox?, date: String?, subject: String?, remainder: Substring) {
        self.from = from
        self.date = date
        self.subject = subject
        self.remainder = remainder
        headerLineCount = 0
        problems = []
    }

    package static func parse(body: String) -> InBodyHeaders {
        parse(body: body[...])
    }

    /// Splits `body` into its in-body header block and the remainder, in one pass over the top lines.
    package static func parse(body: Substring) -> InBodyHeaders {
        enum Field { case from, date, subject }
        var values: [(Field, String)] = []
        var remainderStart = body.endIndex
        var inBlock = false
        var lines = TextLines(body)
        while let line = lines.next() {
            if line.isBlank {
                if inBlock {
                    // The blank line that ends the block; the remainder starts at the next non-blank line.
                    remainderStart = firstNonBlankLineStart(in: body[line.next...])
                    break
                }
                continue
            }
            let text = line.text
            if inBlock, let first = text.utf8.first, first == ASCII.space || first == ASCII.tab,
                let last = values.indices.last
            {
                values[last].1 += " " + text.trimmingSpaces()
                continue
            }
            let field: Field
            let nameLength: Int
            if text.hasASCIIPrefixIgnoringCase("from:") {
                (field, nameLength) = (.from, 5)
            } else if text.hasASCIIPrefixIgnoringCase("date:") {
                (field, nameLength) = (.date, 5)
            } else if text.hasASCIIPrefixIgnoringCase("subject:") {
                (field, nameLength) = (.subject, 8)
            } else {
                remainderStart = line.start
                break
            }
            inBlock = true
            values.append((field, String(text.dropFirst(nameLength).trimmingSpaces())))
        }

        var headers = InBodyHeaders(from: nil, date: nil, subject: nil, remainder: body[remainderStart...])
        headers.headerLineCount = values.count
        for (field, value) in values {
            switch field {
            case .from where headers.from == nil:
                headers.from = AddressParser.mailbox(from: value.utf8).flatMap { $0.address.contains("@") ? $0 : nil }
                if headers.from == nil {
                    headers.problems.append("in-body From: \"\(value)\" is no mailbox; the header From: is used")
                }
            case .date where headers.date == nil:
                headers.date = value
            case .subject where headers.subject == nil:
                headers.subject = EncodedWords.decode(value.utf8).collapsingWhitespace()
            default:
                continue
            }
        }
        return headers
    }

    private static func firstNonBlankLineStart(in text: Substring) -> String.Index {
        for line in TextLines(text) where !line.isBlank {
            return line.start
        }
        return text.endIndex
    }
}
