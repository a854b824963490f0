/// The classic text report, in the layout of `spec/reference-report.txt` (see report.md).
///
/// Everything that comes from mail goes through ``Swift/String/terminalSafe``.
package struct TextRenderer: Sendable {
    package init() {}

    package func render(_ report: Report) -> String {
        var out = ""
        let range = Self.rangeDescription(report.selection)
        out += "From \(range)\n"
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
        out += Self.accountingLine(report.accounting) + "\n"
        return out
    }

    /// `A to B`; a range that starts at the archive's first message says so, since `From A`
    /// would wrongly suggest that A itself is excluded.
    static func rangeDescription(_ selection: Selection) -> String {
        let from = selection.fromLabel ?? "the first message"
        return "\(from) to \(selection.toLabel)"
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
