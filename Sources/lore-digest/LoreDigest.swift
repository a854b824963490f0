import ArgumentParser

@main

/// The `lore-digest` command: a mailing-list update from a public-inbox archive.

struct LoreDigest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lore-digest",
        abstract: "Turn a public-inbox mailing-list archive into a readable mailing list update.",
        discussion: """
            Reads a public-inbox archive (the git format lore.kernel.org serves: a v2 inbox \
            directory with git/0.git, git/1.git, ..., one epoch's bare repository, or a v1 inbox), \
            or several merged, and reports, for a range of its history, who sent patches and \
            from which companies, every patch mail and the commit message of each new series, \
            and what happened to each series: completeness, changes since its last version, \
            reviews, what was applied, what still waits. As text, Markdown, HTML, JSON or \
            e-mail; 'publish' makes a weekly site with a feed.

            With no arguments, prints the report of a small fictional sample archive shipped \
            with the tool.
            """,
        version: "0.1.0",
        subcommands: [
            ReportCommand.self, MessagesCommand.self, IndexCommand.self, SyncCommand.self, PublishCommand.self,
        ],
        defaultSubcommand: ReportCommand.self
    )
}
