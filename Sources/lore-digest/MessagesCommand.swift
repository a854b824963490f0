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
            always present; null when there is no value. With several archives, lists (the \
            lists the mail reached) is added. Commits that delete a message are left out.

            Example:
              lore-digest messages ~/lore/kvm --from 83929009f \\
                  | jq -r 'select(.kind=="patch") | .subject'
            """
    )

    @Argument(
        help: ArgumentHelp(
            "A public-inbox archive, an mbox file or a Maildir; omitted: the embedded sample. Several: their messages "
                + "merged by the time each archive received them, a cross-posted mail once, with a 'lists' key.",
            valueName: "archive"))
    var archives: [String] = []

    @OptionGroup var range: RangeOptions

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        try SeveralArchives.validate(count: archives.count, range: range)
    }

    func run() async throws {
        if archives.count > 1 { return try await runSeveral() }
        let inbox = try await SampleArchive.openArchive(archives.first)
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

    /// The lines of several archives merged, each with the lists its mail reached.
    private func runSeveral() async throws {
        let inboxes = try await SeveralArchives.open(archives)
        let (merged, _) = try await SeveralArchives.read(
            inboxes, range: range.revisionRange, pipeline: MessagePipeline())
        let encoder = MessageRecord.makeEncoder()
        var lines = Data()
        for message in merged.messages {
            guard case .message(_, let facts) = message.parsed else { continue }
            var record = MessageRecord(facts)
            record.lists = message.lists
            lines.append(JSONInvisibles.escaped(try encoder.encode(record)))
            lines.append(0x0A)
        }
        try OutputWriter(path: output).write(String(decoding: lines, as: UTF8.self))
    }
}
