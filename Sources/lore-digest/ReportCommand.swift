import ArgumentParser
import Digest
import Foundation
import HistoryIndex
import InboxReader

/// `lore-digest report`: the mailing list update of a range.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the mailing list update of a range of one archive or several (the default command).",
        discussion: """
            Examples:
              lore-digest report ~/lore/kvm --from 83929009f --to ccd18b971
              lore-digest report ~/lore/kvm --since 2025-10-01 --until 2025-10-08
              lore-digest report ~/lore/kvm ~/lore/kvmarm --since '1 week ago'
              lore-digest report ~/lore/kvm ~/lore/kvmarm --since-last-run --state weekly
              lore-digest report results.mbox
              lore-digest report ~/lore/kvm/git/3.git --list KVM --top 10
              lore-digest report ~/lore/kvm --format html --output week.html
              lore-digest report ~/lore/kvm --format email \\
                  --email-to kvm-team@example.com | sendmail -t
              lore-digest report ~/lore/kvm --format markdown \\
                  --archive-url https://lore.kernel.org/kvm/
              lore-digest report ~/lore/kvm --since-last-run --state weekly \\
                  --output week.txt
              lore-digest report ~/lore/kvm --color always | less -R
              lore-digest report ~/lore/kvm --since 2025-10-01 --history
              lore-digest report ~/lore/kvm --mailmap ~/linux/.mailmap \\
                  --company-map ~/work.map

            Settings from git config (options win): lore-digest.mailmap,
            lore-digest.companyMap (both multi-valued), lore-digest.list,
            lore-digest.top, lore-digest.archiveUrl; global, then the archive's
            own (ARCHIVE/git/0.git/config).

            The archive's packs are read in-process (libdeflate; libgit2 for objects
            not in a pack); LORE_DIGEST_BLOB_READER=libgit2 or cat-file reads them
            another way. Entries' text, for ranges over 50,000 messages the patch
            list (text, Markdown, HTML) and, read without an index, the thread view
            and the series, wait in temporary files under TMPDIR (the thread view
            about 0.6 KB a message at most, the rest about 0.4 KB); the report is
            the same.
            """
    )

    @Argument(
        help: ArgumentHelp(
            "A public-inbox archive: a v2 inbox directory, one epoch's bare git repository, or a v1 inbox; "
                + "or an mbox file or Maildir (e.g. from 'lei q -o'). Several: one report of all their lists, "
                + "a cross-posted mail counted once, each archive with its own index and bookmark. "
                + "Omitted: the embedded sample archive.",
            valueName: "archive"))
    var archives: [String] = []

    @OptionGroup var range: RangeOptions

    @Option(
        name: .customLong("list"),
        help: "The list's name in the title (default: lore-digest.list from git config, else from List-Id, e.g. KVM).")
    var listName: String?

    @Option(help: "Rows in each table (default: lore-digest.top from git config, else 15).")
    var top: Int?

    @OptionGroup var identity: IdentityOptions

    @Option(help: "Output format: text (the classic report), markdown, html, json, or email (an RFC 5322 message).")
    var format: OutputFormat = .text

    @OptionGroup var email: EmailOptions

    @Option(
        name: .customLong("archive-url"),
        help: ArgumentHelp(
            "The archive's web view, for the links to each message (default: lore-digest.archiveUrl from git "
                + "config, else the List-Archive: header, else https://lore.kernel.org/LIST/).",
            valueName: "url"))
    var archiveURL: String?

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Also list the messages that could not be parsed (commit id and reason) on standard error.")
    var verbose = false

    @OptionGroup var history: HistoryOptions

    @OptionGroup var color: ColorOption

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1, not \(top).") }
        if let listName, listName.isEmpty { throw ValidationError("--list needs a name, not an empty string.") }
        try OneLineValue.check(listName, option: "--list")
        if let archiveURL, MessageLinks(base: archiveURL) == nil {
            throw ValidationError(
                "--archive-url '\(OneLineValue.escaped(archiveURL))' is not an http or https URL; "
                    + "give one such as https://lore.kernel.org/kvm/")
        }
        try history.validate(range: range)
        try SeveralArchives.validate(count: archives.count, range: range, history: history)
    }

    func run() async throws {
        if archives.count > 1 { return try await runSeveral() }
        let inbox = try await SampleArchive.openArchive(archives.first)
        // git config first (global, then the archive's own), the options over it.
        let settings = try await GitConfig.settings(for: inbox)
        if let setting = settings.archiveURL, MessageLinks(base: setting.value) == nil {
            throw CommandFailure(
                "lore-digest.archiveUrl in \(setting.origin) is '\(OneLineValue.escaped(setting.value))', not an "
                    + "http or https URL; fix it with 'git config --global lore-digest.archiveUrl https://lore.kernel.org/kvm/'"
            )
        }
        let emailRenderer =
            format == .email ? try await email.renderer(environment: ProcessInfo.processInfo.environment) : nil
        let identityMaps = try identity.load(settings: settings)
        // One run of a --since-last-run state at a time, from reading its bookmark to saving the next.
        let stateLock = try history.state.map { state in
            try RunStateLock.acquire(
                indexPath: history.indexPath ?? IndexLocation.defaultPath(for: inbox), state: state)
        }
        defer { withExtendedLifetime(stateLock) {} }
        var source = try await ReportHistory.prepare(history.choices, inbox: inbox, range: range.revisionRange)
        let options = ReportOptions(
            listName: listName ?? settings.list?.value, top: top ?? settings.top ?? 15, history: history.history,
            identity: identityMaps, archiveURL: archiveURL ?? settings.archiveURL?.value, links: format.showsLinks,
            streamsEntryTexts: format.streamsEntryTexts)
        let report = try await source.build(inbox: inbox, options: options)
        let colors = color.color(outputPath: output, environment: ProcessInfo.processInfo.environment)
        // The embedded sample says so first, and what to run next (on stderr for the other formats).
        let introduction = archives.isEmpty && format == .text
        if archives.isEmpty && !introduction { SampleArchive.noteIntroduction() }
        try OutputWriter(path: output).write { write in
            if introduction { try write(SampleArchive.introduction + "\n") }
            try format.render(report, email: emailRenderer, color: colors, into: write)
        }
        // Only now that the report was written whole (stdout written, or the file renamed into place).
        try source.finish()
        writeNotes(report)
        SideWork.release(consume report)
    }

    /// The report of several archives merged: git config and the maps from the first one, but
    /// not its list name (the title names every list, unless --list names it). Each archive's
    /// own index and --since-last-run bookmark, as one archive's report reads them.
    private func runSeveral() async throws {
        let inboxes = try await SeveralArchives.open(archives)
        let settings = try await GitConfig.settings(for: inboxes[0])
        let emailRenderer =
            format == .email ? try await email.renderer(environment: ProcessInfo.processInfo.environment) : nil
        let options = ReportOptions(
            listName: listName, top: top ?? settings.top ?? 15,
            identity: try identity.load(settings: settings), archiveURL: archiveURL ?? settings.archiveURL?.value,
            links: format.showsLinks, streamsEntryTexts: format.streamsEntryTexts)
        // One run of a --since-last-run state at a time, archive by archive, held to the end.
        let stateLocks = try history.state.map { state in
            try inboxes.map { inbox in
                try RunStateLock.acquire(indexPath: IndexLocation.defaultPath(for: inbox), state: state)
            }
        }
        defer { withExtendedLifetime(stateLocks) {} }
        let source = try await MergedReportHistory.prepare(
            history.choices, inboxes: inboxes, range: range.revisionRange)
        let report = try await source.build(options: options)
        let colors = color.color(outputPath: output, environment: ProcessInfo.processInfo.environment)
        try OutputWriter(path: output).write { write in
            try format.render(report, email: emailRenderer, color: colors, into: write)
        }
        // Only now that the report was written whole: every archive's bookmark advances.
        try source.finish()
        writeNotes(report)
        SideWork.release(consume report)
    }

    /// What the user should know once the report was written, on standard error.
    private func writeNotes(_ report: Report) {
        if report.selection.commitCount == 0 {
            FileHandle.standardError.write(Data("Note: nothing matched; the report has 0 messages.\n".utf8))
        }
        if verbose {
            for message in report.accounting.unparseableCommits {
                FileHandle.standardError.write(Data("unparseable: \(message.commit): \(message.reason)\n".utf8))
            }
        }
    }
}
