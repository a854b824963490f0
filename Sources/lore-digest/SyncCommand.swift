import ArgumentParser
import Foundation
import HistoryIndex
import InboxReader
import InboxSync

/// `lore-digest sync URL DIR`: make DIR a local mirror of a public-inbox v2 inbox; `sync URL...
/// DIR`: one mirror per inbox under DIR.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Make a directory a local mirror of public-inbox v2 inboxes served over HTTP(S).",
        discussion: """
            Reads the inbox's manifest.js.gz to learn its epochs (without one, tries URL/0, URL/1, \
            ... until one is missing), clones the epochs the directory lacks (git clone --mirror) \
            and fetches the others, writes each changed epoch's commit-graph (git then lists \
            commits without reading each one), then builds or updates the mirror's history index (as \
            'lore-digest index' does) so that the next report reads it. The directory must be new, \
            empty, or a mirror made before. Prints one summary line per step; shows progress on \
            standard error when it is a terminal.

            With several URLs, DIR holds one mirror per inbox, named after the last part of its URL \
            (DIR/kvm, DIR/kvmarm), each synced and indexed as above, one after the other; an inbox \
            that fails is reported and the others still run, and the command then fails.

            Example:
              lore-digest sync https://lore.kernel.org/kvm ~/lore/kvm
              lore-digest report ~/lore/kvm
              lore-digest sync https://lore.kernel.org/kvm \\
                  https://lore.kernel.org/kvmarm ~/lore
              lore-digest report ~/lore/kvm ~/lore/kvmarm --since '1 week ago'
            """
    )

    @Argument(
        help: ArgumentHelp(
            "The inbox URL (e.g. https://lore.kernel.org/kvm), or several, then the mirror directory (created "
                + "when missing); with several URLs, the directory that holds one mirror per inbox.",
            valueName: "url-and-dir"))
    var operands: [String]

    /// The inbox URLs: every operand but the last.
    var urls: [String] { Array(operands.dropLast()) }

    /// The mirror directory, or with several URLs the directory of the mirrors: the last operand.
    var directory: String { operands.last ?? "" }

    @Option(
        name: .customLong("index"),
        help: ArgumentHelp("The index file to update (default: in the cache directory).", valueName: "path"))
    var indexPath: String?

    @Flag(name: .customLong("no-index"), help: "Only mirror; do not build or update the history index.")
    var noIndex = false

    func validate() throws {
        if noIndex && indexPath != nil { throw ValidationError("--no-index and --index exclude each other.") }
        if let indexPath, indexPath.isEmpty { throw ValidationError("--index needs a file path, not an empty string.") }
        if operands.count < 2 { throw ValidationError("sync needs an inbox URL and a directory: sync URL... DIR.") }
        guard urls.count > 1 else { return }
        if indexPath != nil {
            throw ValidationError(
                "--index names one index file; with several inboxes each mirror keeps its own (leave --index out).")
        }
        var seen: [String: String] = [:]
        for url in urls {
            guard let name = Self.folderName(of: url) else {
                throw ValidationError("'\(url)' has no last path part to name its folder; give the inbox's URL.")
            }
            if let other = seen[name] {
                throw ValidationError("'\(other)' and '\(url)' would both be mirrored in '\(name)'; give each once.")
            }
            seen[name] = url
        }
    }

    /// The folder of an inbox's mirror when several are synced: its URL's last path part
    /// (`https://lore.kernel.org/kvm/` → `kvm`); nil when there is none to use.
    static func folderName(of url: String) -> String? {
        let path = url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
        let withoutScheme = path.range(of: "://").map { String(path[$0.upperBound...]) } ?? path
        let parts = withoutScheme.split(separator: "/")
        guard parts.count >= 2, let last = parts.last, last != ".", last != ".." else { return nil }
        return String(last)
    }

    func run() async throws {
        guard urls.count > 1 else { return try await sync(url: urls[0], into: directory) }
        var failed: [String] = []
        for url in urls {
            // validate() checked that every URL names a folder.
            let mirror = URL(fileURLWithPath: directory).appendingPathComponent(Self.folderName(of: url) ?? "").path
            do {
                try await sync(url: url, into: mirror)
            } catch {
                failed.append(url)
                FileHandle.standardError.write(Data("lore-digest: sync of \(url) failed: \(error)\n".utf8))
            }
        }
        if !failed.isEmpty {
            throw CommandFailure(
                "\(failed.count) of \(urls.count) inboxes failed to sync (\(failed.joined(separator: ", "))); the others are up to date"
            )
        }
    }

    /// Mirrors one inbox into `directory` and updates its index, printing a summary line each.
    private func sync(url: String, into directory: String) async throws {
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
