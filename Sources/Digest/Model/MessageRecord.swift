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
    }

    private enum PersonKey: String, CodingKey { case name, email }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(facts.commit, forKey: .commit)
        try container.encode(facts.messageID, forKey: .messageID)
        try container.encode(facts.date.map { Self.iso8601UTC($0.secondsSince1970) }, forKey: .date)
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
    }

    private func encode(_ person: Mailbox?, as key: Key, in container: inout KeyedEncodingContainer<Key>) throws {
        guard let person else { return try container.encodeNil(forKey: key) }
        var nested = container.nestedContainer(keyedBy: PersonKey.self, forKey: key)
        try nested.encode(person.name, forKey: .name)
        try nested.encode(person.address, forKey: .email)
    }

    /// `2025-10-07T22:23:56Z`, computed from the days since 1970 (proleptic Gregorian), so it
    /// needs no formatter and no time zone database.
    package static func iso8601UTC(_ seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let yearText = year >= 0 && year < 10_000 ? String(repeating: "0", count: 4 - String(year).count) + String(year) : String(year)
        return "\(yearText)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
    }
}
