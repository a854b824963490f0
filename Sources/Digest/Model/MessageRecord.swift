package import Foundation
internal import InboxReader
internal import MailParser
package import PatchModel

/// One line of `lore-digest messages`: the facts of one message, for scripts. The one JSON
/// shape of ``MessageFacts``: every key of it is written here.
///
/// Every key is always present (`null` when there is no value), so a consumer never has to
/// tell a missing key from a missing value; the one exception is a trailer's `person`, left
/// out when the trailer names nobody. Strings are as the mail says them (decoded, not
/// sanitised); JSON escaping makes any byte safe.
package struct MessageRecord: Sendable, Encodable {
    package var facts: MessageFacts

    package init(_ facts: MessageFacts) {
        self.facts = facts
    }

    /// The encoder of the lines: keys in alphabetical order (the order of the `messages`
    /// output since its first version), `/` unescaped.
    package static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    private enum Key: String, CodingKey {
        case commit, messageID = "message_id", date, subject, author, sender, kind, number, total, version
        case isRFC = "rfc", isResend = "resend", bodyFirstLine = "body_first_line", inReplyTo = "in_reply_to"
        case references, listID = "list_id", trailers, problems
        case patchID = "patch_id"
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(facts.commit, forKey: .commit)
        try container.encode(facts.messageID, forKey: .messageID)
        try container.encode(facts.date.map { DateText.iso8601($0.secondsSince1970) }, forKey: .date)
        try container.encode(facts.subject, forKey: .subject)
        try container.encode(facts.author.map(Person.init), forKey: .author)
        try container.encode(facts.sender.map(Person.init), forKey: .sender)
        try container.encode(facts.kind.rawValue, forKey: .kind)
        try container.encode(facts.number, forKey: .number)
        try container.encode(facts.total, forKey: .total)
        try container.encode(facts.version, forKey: .version)
        try container.encode(facts.isRFC, forKey: .isRFC)
        try container.encode(facts.isResend, forKey: .isResend)
        try container.encode(facts.firstLine, forKey: .bodyFirstLine)
        try container.encode(facts.inReplyTo, forKey: .inReplyTo)
        try container.encode(facts.references, forKey: .references)
        try container.encode(facts.listID, forKey: .listID)
        try container.encode(facts.trailers.map(TrailerLine.init), forKey: .trailers)
        try container.encode(facts.problems, forKey: .problems)
        try container.encode(facts.patchID, forKey: .patchID)
    }

    /// A person: `{"email": …, "name": …}`.
    private struct Person: Encodable {
        var name: String
        var email: String

        init(_ mailbox: Mailbox) {
            name = mailbox.name
            email = mailbox.address
        }
    }

    /// A trailer: `name`, `value`, `is_person`, and `person` when it names one.
    private struct TrailerLine: Encodable {
        var name: String
        var value: String
        var person: Person?
        var isPerson: Bool

        enum CodingKeys: String, CodingKey {
            case name, value, person, isPerson = "is_person"
        }

        init(_ trailer: Trailer) {
            name = trailer.name
            value = trailer.value
            person = trailer.person.map(Person.init)
            isPerson = trailer.isPersonTrailer
        }
    }
}
