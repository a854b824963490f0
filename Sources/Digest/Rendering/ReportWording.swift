internal import MailParser

/// The words every format of the report shares: its title and range, the section headings, the
/// labels of entries and columns, and the accounting sentence. Renderers add only their markup
/// and their escaping; a heading changed here changes in every format.
///
/// Values are plain text: each renderer escapes what comes from mail (and what it passes in) as
/// its format needs, so nothing here escapes.
enum ReportWording {
    // MARK: Title and range

    /// `KVM mailing list update from A to B`: the report's title, and the e-mail's subject.
    static func title(listName: String, range: String) -> String {
        "\(listName) mailing list update from \(range)"
    }

    /// The title's range: `A to B` (`--from/--to`); a range that starts at the archive's first
    /// message says so, since `From A` would wrongly suggest that A itself is excluded. With
    /// `--since/--until`: `2025-10-01 00:00 UTC to 2025-10-08 00:00 UTC`. For an mbox file or a
    /// Maildir: its name (`results.mbox`), followed by `, <window>` when there is one. The mbox
    /// name comes from the command line and is made terminal-safe here.
    static func range(_ selection: Selection) -> String {
        if let source = selection.source {
            return selection.hasTimeWindow ? "\(source.terminalSafe), \(window(selection))" : source.terminalSafe
        }
        if selection.hasTimeWindow { return window(selection) }
        let from = selection.fromLabel ?? "the first message"
        return "\(from) to \(selection.toLabel)"
    }

    /// The text report's first line: `From A to B` (`--from/--to` only, as ever);
    /// `From <since> to <until>[ within A..B] (commits X to Y)` with a time window, or
    /// `(no messages)` when it selected nothing; `From results.mbox[, <window>] (N messages)`.
    static func selectionLine(_ selection: Selection) -> String {
        let line = "From \(range(selection))"
        if selection.source != nil {
            let count = selection.commitCount ?? 0
            return line + " (\(count) \(count == 1 ? "message" : "messages"))"
        }
        guard selection.hasTimeWindow else { return line }
        var windowed = line
        if let revisions = selection.revisions { windowed += " within \(revisions)" }
        if let first = selection.firstLabel, let last = selection.lastLabel {
            windowed += first == last ? " (commit \(first))" : " (commits \(first) to \(last))"
        } else {
            windowed += " (no messages)"
        }
        return windowed
    }

    /// `2025-10-01 00:00 UTC to 2025-10-08 00:00 UTC`; an open end is `the first message` or
    /// `the newest message`.
    static func window(_ selection: Selection) -> String {
        let since = selection.since.map(DateText.utc) ?? "the first message"
        let until = selection.until.map(DateText.utc) ?? "the newest message"
        return "\(since) to \(until)"
    }

    // MARK: Section headings

    /// `Top 15 contributor email domains (based on email body)`
    static func domainsHeading(top: Int) -> String {
        "Top \(top) contributor email domains (based on email body)"
    }

    /// `Top 15 contributors (based on email body)`
    static func contributorsHeading(top: Int) -> String {
        "Top \(top) contributors (based on email body)"
    }

    static let patchListHeading = "Patch list in this time period"
    static let commitMessagesHeading = "Patch commit messages"
    static let historyHeading = "History (from the index)"
    static let firstPatchesHeading = "First patches on this list"
    static let revisedSeriesHeading = "Revised series (earlier versions before this range)"

    /// The headings of the text report, spelt as the script it replaces printed them, so that
    /// readers' filters and the reference report keep matching.
    enum Classic {
        /// `Top 15 contributor Email domains (Based on Email Body)`
        static func domainsHeading(top: Int) -> String {
            "Top \(top) contributor Email domains (Based on Email Body)"
        }

        /// `Top 15 contributors (Based on Email Body)`
        static func contributorsHeading(top: Int) -> String {
            "Top \(top) contributors (Based on Email Body)"
        }

        static let commitMessagesBanner = "===== Patch Commit Messages ===="

        /// `===== Patch list in this time period =====`
        static func banner(_ heading: String) -> String {
            "===== \(heading) ====="
        }
    }

    // MARK: Labels

    /// Before the title of each entry of the commit messages.
    static let newEntryLabel = "New:"
    /// Before an entry's author.
    static let authorLabel = "Author:"
    /// A list of the history section with nothing in it.
    static let noneLabel = "(none)"
    /// The column headings of the two tables.
    static let countColumn = "Patches"
    static let domainColumn = "Domain"
    static let nameColumn = "Name"
    static let emailColumn = "Email"

    /// `(first patch mail: 2025-10-07)`
    static func firstPatchMail(date: String) -> String {
        "(first patch mail: \(date))"
    }

    /// `v2 2025-09-12, v1 2025-08-30`
    static func earlierVersions(_ versions: [EarlierVersion]) -> String {
        versions.map { "v\($0.version) \($0.firstDate)" }.joined(separator: ", ")
    }

    // MARK: Accounting

    /// `Accounting: 400 messages (217 patch mails, 160 replies, 20 other, 3 unparseable), 2 deleted`
    static func accountingSentence(_ accounting: Accounting) -> String {
        "Accounting: \(accounting.messages) messages (\(accounting.patchMails) patch mails, "
            + "\(accounting.replies) replies, \(accounting.other) other, "
            + "\(accounting.unparseable) unparseable), \(accounting.deleted) deleted"
    }
}
