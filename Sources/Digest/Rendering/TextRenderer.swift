internal import InboxReader
internal import MailParser

/// The classic text report, in the layout of `spec/reference-report.txt` (see report.md).
///
/// Everything that comes from mail goes through ``Swift/String/terminalSafe``.
package struct TextRenderer: Sendable {
    package init() {}

    package func render(_ report: Report) -> String {
        var out = ""
        let range = Self.rangeDescription(report.selection)
        out += Self.firstLine(report.selection) + "\n"
        out += "\(report.listName.terminalSafe) mailing list update from \(range)\n\n"
        out += "Top \(report.top) contributor Email domains (Based on Email Body)\n\n"
        for row in report.domains {
            out += "\(Self.rightAligned(row.count)) \(row.domain.terminalSafe)\n"
        }
        out += "\nTop \(report.top) contributors (Based on Email Body)\n\n"
        for row in report.contributors {
            out += "\(Self.rightAligned(row.count))  \(row.name.terminalSafe) <\(row.email.terminalSafe)>\n"
        }
        out += "\n===== Patch list in this time period =====\n\n"
        for line in report.patchList {
            out += line.subject.terminalSafe + "\n"
        }
        out += "\n===== Patch Commit Messages ====\n\n"
        for entry in report.entries {
            out += "New:  \(entry.title.terminalSafe)\n"
            out += "\(entry.subject.terminalSafe)\n"
            out += "Author: \(entry.authorName.terminalSafe) <\(entry.authorEmail.terminalSafe)>\n\n"
            if !entry.text.isEmpty { out += entry.text.terminalSafe + "\n" }
            out += "\n" + String(repeating: "-", count: 70) + "\n\n"
        }
        if let history = report.history { out += Self.historySection(history) }
        out += Self.accountingLine(report.accounting) + "\n"
        return out
    }

    /// The `--history` section, ending with a blank line.
    static func historySection(_ history: HistorySection) -> String {
        var out = "===== History (from the index) =====\n\n"
        out += "First patches on this list:\n"
        if history.firstPatches.isEmpty { out += "  (none)\n" }
        for first in history.firstPatches {
            out += "  \(first.name.terminalSafe) <\(first.email.terminalSafe)> (first patch mail: \(first.date))\n"
        }
        out += "Revised series (earlier versions before this range):\n"
        if history.revisedSeries.isEmpty { out += "  (none)\n" }
        for series in history.revisedSeries {
            out += "  \(series.subject.terminalSafe) (\(earlierVersionsText(series.earlierVersions)))\n"
        }
        return out + "\n"
    }

    /// `v2 2025-09-12, v1 2025-08-30`
    package static func earlierVersionsText(_ versions: [EarlierVersion]) -> String {
        versions.map { "v\($0.version) \($0.firstDate)" }.joined(separator: ", ")
    }

    /// The title's range: `A to B` (`--from/--to`); a range that starts at the archive's first
    /// message says so, since `From A` would wrongly suggest that A itself is excluded. With
    /// `--since/--until`: `2025-10-01 00:00 UTC to 2025-10-08 00:00 UTC`. For an mbox file or a
    /// Maildir: its name (`results.mbox`), followed by `, <window>` when there is one.
    static func rangeDescription(_ selection: Selection) -> String {
        if let source = selection.source {
            return selection.hasTimeWindow ? "\(source.terminalSafe), \(windowDescription(selection))" : source.terminalSafe
        }
        if selection.hasTimeWindow { return windowDescription(selection) }
        let from = selection.fromLabel ?? "the first message"
        return "\(from) to \(selection.toLabel)"
    }

    /// The report's first line: `From A to B` (`--from/--to` only, as ever);
    /// `From <since> to <until>[ within A..B] (commits X to Y)` with a time window, or
    /// `(no messages)` when it selected nothing; `From results.mbox[, <window>] (N messages)`.
    static func firstLine(_ selection: Selection) -> String {
        let range = rangeDescription(selection)
        if selection.source != nil {
            let count = selection.commitCount ?? 0
            return "From \(range) (\(count) \(count == 1 ? "message" : "messages"))"
        }
        guard selection.hasTimeWindow else { return "From \(range)" }
        var line = "From \(range)"
        if let revisions = selection.revisions { line += " within \(revisions)" }
        if let first = selection.firstLabel, let last = selection.lastLabel {
            line += first == last ? " (commit \(first))" : " (commits \(first) to \(last))"
        } else {
            line += " (no messages)"
        }
        return line
    }

    /// `2025-10-01 00:00 UTC to 2025-10-08 00:00 UTC`; an open end is `the first message` or
    /// `the newest message`.
    static func windowDescription(_ selection: Selection) -> String {
        let since = selection.since.map(DateText.utc) ?? "the first message"
        let until = selection.until.map(DateText.utc) ?? "the newest message"
        return "\(since) to \(until)"
    }

    /// `Accounting: 400 messages (217 patch mails, 160 replies, 20 other, 3 unparseable), 2 deleted`
    package static func accountingLine(_ accounting: Accounting) -> String {
        "Accounting: \(accounting.messages) messages (\(accounting.patchMails) patch mails, "
            + "\(accounting.replies) replies, \(accounting.other) other, "
            + "\(accounting.unparseable) unparseable), \(accounting.deleted) deleted"
    }

    private static func rightAligned(_ count: Int) -> String {
        let digits = String(count)
        return String(repeating: " ", count: max(0, 7 - digits.count)) + digits
    }
}
