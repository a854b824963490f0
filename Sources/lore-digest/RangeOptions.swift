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

    func validate() throws {
        for (option, value) in [("--from", from), ("--to", to)] {
            guard let value else { continue }
            if value.isEmpty { throw ValidationError("\(option) needs a revision, not an empty string.") }
            if value.hasPrefix("-") {
                throw ValidationError(
                    "\(option) '\(value)' starts with '-': a revision cannot; give a commit id, branch or tag.")
            }
        }
    }

    var revisionRange: RevisionRange { RevisionRange(from: from, to: to) }
}
