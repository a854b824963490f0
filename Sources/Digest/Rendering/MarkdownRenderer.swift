/// The report in Markdown (CommonMark with GitHub tables): for wikis, issues and chat.
///
/// Text from mail is escaped where Markdown would read it as markup (tables, lists, emphasis,
/// links, raw HTML); commit messages go in fenced code blocks whose fence is longer than any run
/// of backticks inside them, so no message can close its block early.
package struct MarkdownRenderer: Sendable {
    package init() {}

    package func render(_ report: Report) -> String {
        var out = "# \(Self.inline(report.listName)) mailing list update from "
        out += "\(Self.inline(TextRenderer.rangeDescription(report.selection)))\n\n"
        out += "## Top \(report.top) contributor email domains (based on email body)\n\n"
        out += "| Patches | Domain |\n| ---: | --- |\n"
        for row in report.domains { out += "| \(row.count) | \(Self.inline(row.domain)) |\n" }
        out += "\n## Top \(report.top) contributors (based on email body)\n\n"
        out += "| Patches | Name | Email |\n| ---: | --- | --- |\n"
        for row in report.contributors {
            out += "| \(row.count) | \(Self.inline(row.name)) | \(Self.inline(row.email)) |\n"
        }
        out += "\n## Patch list in this time period\n\n"
        for line in report.patchList {
            out += (line.isInSeries ? "  - " : "- ") + Self.inline(line.subject) + "\n"
        }
        out += "\n## Patch commit messages\n"
        for entry in report.entries {
            out += "\n### New: \(Self.inline(entry.title))\n\n"
            out += "`\(Self.codeSpan(entry.subject))`  \n"
            out += "Author: \(Self.inline(entry.authorName)) \\<\(Self.inline(entry.authorEmail))\\>\n\n"
            let fence = String(repeating: "`", count: max(3, Self.longestBacktickRun(entry.text) + 1))
            out += "\(fence)text\n\(entry.text.terminalSafe)\n\(fence)\n"
        }
        if let history = report.history { out += Self.historySection(history) }
        out += "\n---\n\n\(TextRenderer.accountingLine(report.accounting))\n"
        return out
    }

    private static func historySection(_ history: HistorySection) -> String {
        var out = "\n## History (from the index)\n\n### First patches on this list\n\n"
        if history.firstPatches.isEmpty { out += "(none)\n" }
        for first in history.firstPatches {
            out += "- \(inline(first.name)) \\<\(inline(first.email))\\> (first patch mail: \(first.date))\n"
        }
        out += "\n### Revised series (earlier versions before this range)\n\n"
        if history.revisedSeries.isEmpty { out += "(none)\n" }
        for series in history.revisedSeries {
            out += "- `\(codeSpan(series.subject))` (\(TextRenderer.earlierVersionsText(series.earlierVersions)))\n"
        }
        return out
    }

    /// Escapes every ASCII punctuation character CommonMark may treat as markup, and `|` for tables.
    static func inline(_ text: String) -> String {
        var out = ""
        for character in text.terminalSafe {
            if character == "\n" {
                out += " "
            } else if "\\`*_{}[]()<>#+-.!|~&".contains(character) {
                out += "\\" + String(character)
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// Text for inside a single-backtick code span: backticks cannot be escaped there, so they
    /// are replaced by a look-alike (U+02CB) rather than let the span end early.
    private static func codeSpan(_ text: String) -> String {
        String(text.terminalSafe.map { $0 == "`" ? "\u{02CB}" : ($0 == "\n" ? " " : $0) })
    }

    private static func longestBacktickRun(_ text: String) -> Int {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }
}
