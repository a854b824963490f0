import ArgumentParser
import Foundation
import HistoryIndex
import InboxReader

/// `lore-digest index`: builds or updates the history index of an archive, or of several.
struct IndexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build or update the history index (SQLite) of what was parsed from every message of an archive.",
        discussion: """
            The first run parses every message; later runs read only the commits added since (per \
            epoch), re-index an epoch whose history was rewritten, and pick up new epochs. The \
            index lives in $XDG_CACHE_HOME/lore-digest/index/ (else ~/.cache/lore-digest/index/) \
            unless --index names a file. 'report' then reads it instead of parsing the range again. \
            A first run writes every row, then sorts the look-up indexes keyed by random values \
            (Message-ID, commit, sender, ...) once at the end; if it is interrupted, the next run \
            continues it.

            Several archives: each one's own index (in the cache directory) is updated in turn, \
            with one summary line each; an archive that fails is reported and the others are \
            still indexed (exit status 1 then).

            Examples:
              lore-digest index ~/lore/kvm
              lore-digest index ~/lore/kvm ~/lore/kvmarm
            """
    )

    @Argument(
        help: ArgumentHelp(
            "A public-inbox archive; several: each one's own index; omitted: the embedded sample.",
            valueName: "archive"))
    var archives: [String] = []

    @Option(
        name: .customLong("index"),
        help: ArgumentHelp("The index file (default: in the cache directory; one archive only).", valueName: "path"))
    var indexPath: String?

    @Flag(
        help: ArgumentHelp(
            "Check every page of the index first (PRAGMA quick_check: about 2 ms per MB); "
                + "without it, only the tables that say how far the index goes."))
    var check = false

    func validate() throws {
        if let indexPath, indexPath.isEmpty { throw ValidationError("--index needs a file path, not an empty string.") }
        if archives.count > 1 && indexPath != nil {
            throw ValidationError(
                "--index names one index file; with several archives each keeps its own in the cache directory (leave --index out)."
            )
        }
    }

    func run() async throws {
        guard archives.count > 1 else {
            let inbox = try await SampleArchive.openArchive(archives.first)
            return try await Self.index(
                inbox, at: indexPath ?? IndexLocation.defaultPath(for: inbox), checkEveryPage: check)
        }
        var failed: [String] = []
        for archive in archives {
            do {
                let inbox = try await Inbox.openOrImport(archive)
                try await Self.index(inbox, at: IndexLocation.defaultPath(for: inbox), checkEveryPage: check)
            } catch {
                failed.append(archive)
                FileHandle.standardError.write(
                    Data("lore-digest: index of \(OneLineValue.escaped(archive)) failed: \(error)\n".utf8))
            }
        }
        if !failed.isEmpty {
            let names = failed.map(OneLineValue.escaped).joined(separator: ", ")
            throw CommandFailure(
                "\(failed.count) of \(archives.count) archives failed to index (\(names)); the others are up to date")
        }
    }

    /// Builds or updates the index of `inbox` at `path`, printing its summary line; with
    /// `checkEveryPage` (`--check`), every page of the index is checked first.
    private static func index(_ inbox: Inbox, at path: String, checkEveryPage: Bool) async throws {
        let index = try MessageIndex.open(at: path, create: true)
        // A damaged index fails here with the line a report gives when it meets the damage,
        // rather than being updated and called fine: its bookkeeping always (milliseconds),
        // every page with --check (seconds at a million messages).
        if checkEveryPage { try index.checkIntegrity() } else { try index.checkBookkeeping() }
        let update = try await index.update(from: inbox)
        for epoch in update.rewrittenEpochs {
            try StandardOutput.write(
                "Epoch \(epoch) of \(update.archiveName) was rewritten since the last update: its messages were indexed again.\n"
            )
        }
        try StandardOutput.write(summary(update, path: path) + "\n")
    }

    /// `Indexed 21366 messages (21366 new) of kvmarm in 4.2 s into PATH`.
    static func summary(_ update: IndexUpdate, path: String) -> String {
        "Indexed \(update.total) messages (\(update.added) new) of \(update.archiveName) in "
            + String(format: "%.1f", update.seconds) + " s into \(path)"
    }
}
