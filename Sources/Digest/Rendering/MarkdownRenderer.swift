/// The report in Markdown (CommonMark with GitHub tables): for wikis, issues and chat.
///
/// Text from mail is escaped where Markdown would read it as markup (tables, lists, emphasis,
/// links, raw HTML); commit messages go in fenced code blocks whose fence is longer than any run
/// of backticks inside them, so no message can close its block early.
package struct MarkdownRenderer: ReportSectionRenderer {
    private typealias Wording = ReportWording

    package init() {}

    package func opening(_ report: Report) -> String {
        let title = Wording.title(listName: Self.inline(report.listName), range: Self.inline(Wording.range(report.selection)))
        return "# \(title)\n\n"
    }

    package func domainTable(_ rows: [DomainRow], top: Int) -> String {
        var out = "## \(Wording.domainsHeading(top: top))\n\n"
        out += Self.tableHead([Wording.countColumn, Wording.domainColumn])
        for row in rows { out += "| \(row.count) | \(Self.inline(row.domain)) |\n" }
        return out
    }

    package func contributorTable(_ rows: [ContributorRow], top: Int) -> String {
        var out = "\n## \(Wording.contributorsHeading(top: top))\n\n"
        out += Self.tableHead([Wording.countColumn, Wording.nameColumn, Wording.emailColumn])
        for row in rows {
            out += "| \(row.count) | \(Self.inline(row.name)) | \(Self.inline(row.email)) |\n"
        }
        return out
    }

    package func patchList(_ lines: [PatchListLine]) -> String {
        var out = "\n## \(Wording.patchListHeading)\n\n"
        for line in lines {
            out += (line.isInSeries ? "  - " : "- ") + Self.inline(line.subject) + "\n"
        }
        return out
    }

    package func commitMessages(_ entries: [PatchEntry]) -> String {
        var out = "\n## \(Wording.commitMessagesHeading)\n"
        for entry in entries {
            out += "\n### \(Wording.newEntryLabel) \(Self.inline(entry.title))\n\n"
            out += "`\(Self.codeSpan(entry.subject))`  \n"
            out += "\(Wording.authorLabel) \(Self.inline(entry.authorName)) \\<\(Self.inline(entry.authorEmail))\\>\n\n"
            let fence = String(repeating: "`", count: max(3, Self.longestBacktickRun(entry.text) + 1))
            out += "\(fence)text\n\(entry.text.terminalSafe)\n\(fence)\n"
        }
        return out
    }

    package func history(_ section: HistorySection) -> String {
        var out = "\n## \(Wording.historyHeading)\n\n### \(Wording.firstPatchesHeading)\n\n"
        if section.firstPatches.isEmpty { out += "\(Wording.noneLabel)\n" }
        for first in section.firstPatches {
            out += "- \(Self.inline(first.name)) \\<\(Self.inline(first.email))\\> \(Wording.firstPatchMail(date: first.date))\n"
        }
        out += "\n### \(Wording.revisedSeriesHeading)\n\n"
        if section.revisedSeries.isEmpty { out += "\(Wording.noneLabel)\n" }
        for series in section.revisedSeries {
            out += "- `\(Self.codeSpan(series.subject))` (\(Wording.earlierVersions(series.earlierVersions)))\n"
        }
        return out
    }

    package func closing(_ accounting: Accounting) -> String {
        "\n---\n\n\(Wording.accountingSentence(accounting))\n"
    }

    /// `| Patches | Domain |` and its alignment row: the count column right-aligned.
    private static func tableHead(_ columns: [String]) -> String {
        let alignments = ["---:"] + Array(repeating: "---", count: columns.count - 1)
        return "| " + columns.joined(separator: " | ") + " |\n| " + alignments.joined(separator: " | ") + " |\n"
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
