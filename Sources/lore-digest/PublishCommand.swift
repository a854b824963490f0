import ArgumentParser
import Foundation
import HistoryIndex
import InboxReader
import SitePublisher

/// `lore-digest publish ARCHIVE... DIR`: a static site of weekly digests with an Atom feed.
struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Write a static site of weekly updates (HTML and Markdown) with an index and an Atom feed.",
        discussion: """
            One page per ISO week (UTC, Monday to Sunday) that has mail, e.g. 2025-W41.html and \
            2025-W41.md, index.html listing the weeks newest first with their headline figures, \
            and feed.atom with one entry per week. Reads the archive's history index (building or \
            updating it first). A later run writes only the weeks whose mail changed, and every \
            file is replaced whole (a temporary file, then a rename), so the folder can be served \
            while it is updated.

            Several archives, then the folder: one site of their lists merged, each week's \
            update as 'report A B ... --since MONDAY --until SUNDAY' gives it (a cross-posted \
            mail counted once, the title naming the lists), each archive with its own index.

            Examples:
              lore-digest publish ~/lore/kvm ~/public_html/kvm
              lore-digest publish ~/lore/kvm site --since 2025-01-01 --list KVM
              lore-digest publish ~/lore/kvm site --site-url https://example.org/kvm/
              lore-digest publish ~/lore/kvm ~/lore/kvmarm ~/public_html/arm
            """
    )

    @Argument(
        help: ArgumentHelp(
            "A public-inbox archive, an mbox file or a Maildir, or several, then the site's folder (created "
                + "when missing).",
            valueName: "archive-and-dir"))
    var operands: [String]

    /// The archives: every operand but the last.
    var archives: [String] { Array(operands.dropLast()) }

    /// The site's folder: the last operand.
    var directory: String { operands.last ?? "" }

    @Option(
        name: .customLong("since"),
        help: ArgumentHelp(
            "Publish from the week that holds this date (same forms as 'report --since'); default: the whole archive.",
            valueName: "date"))
    var since: String?

    @Option(
        name: .customLong("index"),
        help: ArgumentHelp(
            "The history index to read and update (default: in the cache directory; one archive only).",
            valueName: "path"))
    var indexPath: String?

    @Option(name: .customLong("list"), help: "The list's name in the titles (default: from List-Id, e.g. KVM).")
    var listName: String?

    @Option(help: "Rows in each table of a week's update.")
    var top: Int = 15

    @Option(
        name: .customLong("site-url"),
        help: ArgumentHelp(
            "Where the folder is served, e.g. https://example.org/kvm/: the feed's base and identity.",
            valueName: "url"))
    var siteURL: String?

    func validate() throws {
        if operands.count < 2 {
            throw ValidationError("publish needs an archive and the site's folder: publish ARCHIVE... DIR.")
        }
        if archives.count > 1 && indexPath != nil {
            throw ValidationError(
                "--index names one index file; with several archives each reads its own in the cache directory (leave --index out)."
            )
        }
        if top < 1 { throw ValidationError("--top must be at least 1, not \(top).") }
        if directory.isEmpty { throw ValidationError("the site folder needs a path, not an empty string.") }
        if let indexPath, indexPath.isEmpty { throw ValidationError("--index needs a file path, not an empty string.") }
        if let listName, listName.isEmpty { throw ValidationError("--list needs a name, not an empty string.") }
        try OneLineValue.check(listName, option: "--list")
        try OneLineValue.check(siteURL, option: "--site-url")
        if let since, since.allSatisfy(\.isWhitespace) {
            throw ValidationError("--since needs a date, not an empty string; e.g. 2025-10-01 or '8 weeks ago'.")
        }
        if let siteURL, !(siteURL.hasPrefix("https://") || siteURL.hasPrefix("http://")) {
            throw ValidationError("--site-url '\(siteURL)' is not an http(s) URL; e.g. https://example.org/kvm/.")
        }
        // A forgotten folder would make the last archive the site's folder.
        if (try? Inbox.open(directory)) != nil {
            throw ValidationError(
                "'\(OneLineValue.escaped(directory))' is a public-inbox archive, not a site folder; give the site's folder last: publish ARCHIVE... DIR."
            )
        }
    }

    func run() async throws {
        let sources = try await SeveralArchives.open(archives).map { inbox in
            SitePublisher.Source(inbox: inbox, indexPath: indexPath ?? IndexLocation.defaultPath(for: inbox))
        }
        let publisher = SitePublisher(
            options: SitePublisher.Options(listName: listName, top: top, since: since, siteURL: siteURL))
        let outcome = try await publisher.publish(sources, into: directory)
        try StandardOutput.write(Self.summary(outcome, directory: directory) + "\n")
    }

    /// `Published 42 weeks of KVM into site: 1 written, 41 unchanged, in 1.2 s`.
    static func summary(_ outcome: SitePublisher.Outcome, directory: String) -> String {
        let name = outcome.weeks.first?.listName ?? "the archive"
        var line =
            "Published \(outcome.weeks.count) weeks of \(name.terminalSafeName) into \(directory): "
            + "\(outcome.written.count) written, \(outcome.weeks.count - outcome.written.count) unchanged"
        if !outcome.removed.isEmpty { line += ", \(outcome.removed.count) files of earlier weeks removed" }
        if !outcome.wroteIndex { line += " (index.html and feed.atom unchanged)" }
        return line + ", in " + String(format: "%.1f", outcome.seconds) + " s"
    }
}

extension String {
    /// A list name from mail, for a terminal line.
    fileprivate var terminalSafeName: String { OneLineValue.escaped(self) }
}
