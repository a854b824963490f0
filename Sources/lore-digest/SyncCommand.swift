import ArgumentParser
import Foundation
import InboxReader

/// `lore-digest sync URL DIR`: make DIR a local mirror of a public-inbox v2 inbox.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Make a directory a local mirror of a public-inbox v2 inbox served over HTTP(S).",
        discussion: """
            Reads the inbox's manifest.js.gz to learn its epochs (without one, tries URL/0, URL/1, \
            ... until one is missing), clones the epochs the directory lacks (git clone --mirror) \
            and fetches the others. The directory must be new, empty, or a mirror made before. \
            Prints one summary line; shows progress on standard error when it is a terminal.

            Example:
              lore-digest sync https://lore.kernel.org/kvm ~/lore/kvm
              lore-digest report ~/lore/kvm
            """
    )

    @Argument(help: ArgumentHelp("The inbox URL, e.g. https://lore.kernel.org/kvm.", valueName: "url"))
    var url: String

    @Argument(help: ArgumentHelp("The mirror directory (created when missing).", valueName: "dir"))
    var directory: String

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
        print(summary.line)
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
