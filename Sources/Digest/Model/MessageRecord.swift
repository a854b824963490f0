internal import InboxReader
internal import MailParser
package import PatchModel

/// One line of `lore-digest messages`: the facts of one message, for scripts.
///
/// Every key is always present (`null` when there is no value), so a consumer never has to
/// tell a missing key from a missing value. Strings are as the mail says them (decoded, not
/// sanitised); JSON escaping makes any byte safe.
package struct MessageRecord: Sendable, Encodable {
    package var facts: MessageFacts

    package init(_ facts: MessageFacts) {
        self.facts = facts
    }

    private enum Key: String, CodingKey {
        case commit, messageID = "message_id", date, subject, author, sender, kind, number, total, version
        case isRFC = "rfc", isResend = "resend", bodyFirstLine = "body_first_line", inReplyTo = "in_reply_to"
        case references, listID = "list_id", trailers, problems
        case patchID = "patch_id"
    }

    private enum PersonKey: String, CodingKey { case name, email }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(facts.commit, forKey: .commit)
        try container.encode(facts.messageID, forKey: .messageID)
        try container.encode(facts.date.map { DateText.iso8601($0.secondsSince1970) }, forKey: .date)
        try container.encode(facts.subject, forKey: .subject)
        try encode(facts.author, as: .author, in: &container)
        try encode(facts.sender, as: .sender, in: &container)
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
        try container.encode(facts.trailers, forKey: .trailers)
        try container.encode(facts.problems, forKey: .problems)
        try container.encode(facts.patchID, forKey: .patchID)
    }

    private func encode(_ person: Mailbox?, as key: Key, in container: inout KeyedEncodingContainer<Key>) throws {
        guard let person else { return try container.encodeNil(forKey: key) }
        var nested = container.nestedContainer(keyedBy: PersonKey.self, forKey: key)
        try nested.encode(person.name, forKey: .name)
        try nested.encode(person.address, forKey: .email)
    }
}
