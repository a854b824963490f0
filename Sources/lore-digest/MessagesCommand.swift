import ArgumentParser
import Digest
import Foundation
import HistoryIndex
import InboxReader
import MessageStream

/// `lore-digest messages`: one JSON object of facts per message, for scripts.
struct MessagesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "messages",
        abstract: "Print one JSON line of facts per message of a range (JSON Lines), in archive order.",
        discussion: """
            Each line: commit, message_id, date (UTC, ISO 8601, or null), subject, author {name, email} \
            (the in-body author for patch mails), sender {name, email} (the header From), kind \
            (patch, cover, reply, pull, bot, other, unparseable), number, total, version, rfc, \
            resend, body_first_line (patch mails), in_reply_to, references, list_id, trailers and \
            problems (what was wrong with the message and how it was handled). Every key is \
            always present; null when there is no value. Commits that delete a message are \
            left out.

            Example:
              lore-digest messages ~/lore/kvm --from 83929009f \\
                  | jq -r 'select(.kind=="patch") | .subject'
            """
    )

    @Argument(
        help: ArgumentHelp(
            "A public-inbox archive, an mbox file or a Maildir; omitted: the embedded sample.", valueName: "archive"))
    var archive: String?

    @OptionGroup var range: RangeOptions

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() async throws {
        let inbox = try await SampleArchive.openArchive(archive)
        let resolved = try await inbox.resolve(range.revisionRange)
        let encoder = MessageRecord.makeEncoder()
        var lines = Data()
        try await MessagePipeline().run(inbox: inbox, commits: resolved.commits) { parsed in
            guard case .message(_, let facts) = parsed else { return }
            lines.append(JSONInvisibles.escaped(try encoder.encode(MessageRecord(facts))))
            lines.append(0x0A)
        }
        try OutputWriter(path: output).write(String(decoding: lines, as: UTF8.self))
    }
}
