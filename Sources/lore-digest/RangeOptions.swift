import ArgumentParser
import InboxReader

/// The options that choose a range of an archive's history, shared by every subcommand.
struct RangeOptions: ParsableArguments {
    @Option(
        name: .customLong("from"),
        help: ArgumentHelp(
            "Start after this revision (exclusive, as in 'git log A..B'); default: the first message, inclusive.",
            valueName: "rev"))
    var from: String?

    @Option(
        name: .customLong("to"),
        help: ArgumentHelp("End at this revision (inclusive); default: the newest message.", valueName: "rev"))
    var to: String?

    @Option(
        name: .customLong("since"),
        help: ArgumentHelp(
            "Only messages the archive received at or after this date (inclusive): 2025-10-01 (midnight UTC), "
                + "'2025-10-01 12:00', 2025-10-01T12:00:00+02:00, @1759276800, '2 weeks ago', yesterday; UTC unless a zone is given.",
            valueName: "date"))
    var since: String?

    @Option(
        name: .customLong("until"),
        help: ArgumentHelp(
            "Only messages the archive received at or before this date (inclusive); same forms as --since.",
            valueName: "date"))
    var until: String?

    func validate() throws {
        for (option, value) in [("--since", since), ("--until", until)] {
            if let value, value.allSatisfy(\.isWhitespace) {
                throw ValidationError("\(option) needs a date, not an empty string; e.g. 2025-10-01 or '2 weeks ago'.")
            }
        }
        for (option, value) in [("--from", from), ("--to", to)] {
            guard let value else { continue }
            if value.isEmpty { throw ValidationError("\(option) needs a revision, not an empty string.") }
            if value.hasPrefix("-") {
                throw ValidationError(
                    "\(option) '\(value)' starts with '-': a revision cannot; give a commit id, branch or tag.")
            }
        }
    }

    var revisionRange: RevisionRange { RevisionRange(from: from, to: to, since: since, until: until) }
}
