import ArgumentParser
import Digest

/// The report options about the history index and the since-last-run bookmark.
struct HistoryOptions: ParsableArguments {
    @Option(
        name: .customLong("index"),
        help: ArgumentHelp(
            "The history index to read (and update, or create) first; default: the archive's index in the cache directory, when 'lore-digest index' built one (with several archives: each one's, and --index is refused).",
            valueName: "path"))
    var indexPath: String?

    @Flag(name: .customLong("no-index"), help: "Parse every message of the range, even when an index exists.")
    var noIndex = false

    @Flag(
        name: .customLong("since-last-run"),
        help:
            "Report what arrived after the last successful run with the --state name (the first run: --since, else the last 7 days); with several archives, each after its own bookmark."
    )
    var sinceLastRun = false

    @Option(
        name: .customLong("state"),
        help: ArgumentHelp("With --since-last-run: the name of the bookmark, kept in the index.", valueName: "name"))
    var state: String?

    @Flag(
        name: .customLong("dry-run"), help: "With --since-last-run: print the report but do not advance the bookmark.")
    var dryRun = false

    @Flag(
        name: .customLong("history"),
        help:
            "Add a 'History (from the index)' section: first-time patch authors, and earlier versions of the range's revised series (needs an index)."
    )
    var history = false

    func validate() throws {
        if let indexPath, indexPath.isEmpty { throw ValidationError("--index needs a file path, not an empty string.") }
        if noIndex && indexPath != nil { throw ValidationError("--no-index and --index exclude each other; give one.") }
        if let state {
            if !sinceLastRun { throw ValidationError("--state requires --since-last-run.") }
            if state.isEmpty { throw ValidationError("--state needs a name, not an empty string.") }
            try OneLineValue.check(state, option: "--state")
        }
        if history && noIndex {
            throw ValidationError("--history reads the history index; it cannot be combined with --no-index.")
        }
        if dryRun && !sinceLastRun { throw ValidationError("--dry-run requires --since-last-run.") }
        if sinceLastRun {
            if state == nil {
                throw ValidationError("--since-last-run needs --state NAME, the bookmark to report after.")
            }
            if noIndex {
                throw ValidationError(
                    "--since-last-run keeps its bookmark in the index; it cannot be combined with --no-index.")
            }
        }
    }

    /// The options as the history rules (``ReportHistory``) take them.
    var choices: ReportHistory.Options {
        ReportHistory.Options(
            indexPath: indexPath, noIndex: noIndex, sinceLastRun: sinceLastRun, state: state, dryRun: dryRun,
            history: history)
    }

    /// The checks that involve the range options too.
    func validate(range: RangeOptions) throws {
        if sinceLastRun && range.until != nil {
            throw ValidationError(
                "--since-last-run reports up to the newest message; it cannot be combined with --until.")
        }
        if sinceLastRun && (range.from != nil || range.to != nil) {
            throw ValidationError(
                "--since-last-run cannot be combined with --from or --to: the range starts after the last run.")
        }
    }
}
