import ArgumentParser
import Foundation
import HistoryIndex
import InboxReader
import InboxSync

/// `lore-digest sync URL DIR`: make DIR a local mirror of a public-inbox v2 inbox.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Make a directory a local mirror of a public-inbox v2 inbox served over HTTP(S).",
        discussion: """
            Reads the inbox's manifest.js.gz to learn its epochs (without one, tries URL/0, URL/1, \
            ... until one is missing), clones the epochs the directory lacks (git clone --mirror) \
            and fetches the others, then builds or updates the mirror's history index (as \
            'lore-digest index' does) so that the next report reads it. The directory must be new, \
            empty, or a mirror made before. Prints one summary line per step; shows progress on \
            standard error when it is a terminal.

            Example:
              lore-digest sync https://lore.kernel.org/kvm ~/lore/kvm
              lore-digest report ~/lore/kvm
            """
    )

    @Argument(help: ArgumentHelp("The inbox URL, e.g. https://lore.kernel.org/kvm.", valueName: "url"))
    var url: String

    @Argument(help: ArgumentHelp("The mirror directory (created when missing).", valueName: "dir"))
    var directory: String

    @Option(
        name: .customLong("index"),
        help: ArgumentHelp("The index file to update (default: in the cache directory).", valueName: "path"))
    var indexPath: String?

    @Flag(name: .customLong("no-index"), help: "Only mirror; do not build or update the history index.")
    var noIndex = false

    func validate() throws {
        if noIndex && indexPath != nil { throw ValidationError("--no-index and --index exclude each other.") }
        if let indexPath, indexPath.isEmpty { throw ValidationError("--index needs a file path, not an empty string.") }
    }

    func run() async throws {
        let status = StatusLine(enabled: isatty(STDERR_FILENO) == 1)
        let summary: SyncSummary
        do {
            summary = try await InboxSync.run(url: url, directory: directory) { status.show($0) }
        } catch {
            status.clear()
            throw error
        }
        status.clear()
        try StandardOutput.write(summary.line + "\n")
        guard !noIndex else { return }
        // The mirror is complete here; an index that fails to update leaves it intact, so say so.
        let inbox = try Inbox.open(directory)
        let path = indexPath ?? IndexLocation.defaultPath(for: inbox)
        let update: IndexUpdate
        do {
            update = try await MessageIndex.open(at: path, create: true).update(from: inbox)
        } catch {
            throw CommandFailure(
                "the mirror in '\(directory)' is up to date, but its index '\(path)' could not be updated: \(error); run 'lore-digest index \(directory)' again"
            )
        }
        try StandardOutput.write(IndexCommand.summary(update, path: path) + "\n")
    }
}

/// One line of progress on standard error, rewritten in place; silent when not enabled.
private struct StatusLine: Sendable {
    let enabled: Bool

    func show(_ text: String) {
        guard enabled else { return }
        // Carriage return, then erase to the end of the line: the line is replaced, not appended.
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
    }

    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
