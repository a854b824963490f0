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
    /// With several archives: the lists the mail reached (`lists`); nil, and no key, for one.
    package var lists: [String]?

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
        case commit
        case messageID = "message_id"
        case date, subject, author, sender, kind, number, total, version
        case isRFC = "rfc"
        case isResend = "resend"
        case bodyFirstLine = "body_first_line"
        case inReplyTo = "in_reply_to"
        case references
        case listID = "list_id"
        case trailers, problems
        case patchID = "patch_id"
        case changeID = "change_id"
        case minorVersion = "minor_version"
        case bot
        case applied
        case pullRequest = "pull_request"
        case lists
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
        try container.encode(facts.changeID, forKey: .changeID)
        try container.encode(facts.minorVersion, forKey: .minorVersion)
        try container.encode(facts.botName, forKey: .bot)
        try container.encode(facts.appliedNotice.map(Applied.init), forKey: .applied)
        try container.encode(facts.pullRequest.map(Pull.init), forKey: .pullRequest)
        try container.encodeIfPresent(lists, forKey: .lists)
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

    /// A trailer: `name`, `value`, `is_person`, `type` (`reviewed-by`, `acked-by`, `tested-by`,
    /// `nacked-by`, `other`, `utility`), `mismatch` (a reply's trailer naming someone other than
    /// the replier), and `person` when it names one.
    private struct TrailerLine: Encodable {
        var name: String
        var value: String
        var person: Person?
        var isPerson: Bool
        var type: String
        var mismatch: Bool

        enum CodingKeys: String, CodingKey {
            case name, value, person
            case isPerson = "is_person"
            case type, mismatch
        }

        init(_ trailer: Trailer) {
            name = trailer.name
            value = trailer.value
            person = trailer.person.map(Person.init)
            isPerson = trailer.isPersonTrailer
            type = trailer.type.rawValue
            mismatch = trailer.isMismatched
        }
    }

    /// An applied notice: `form` (`b4-thank-you`, `pr-tracker-bot`, `patchwork-bot`, `plain`),
    /// `branch`, `repository`, `commits` (`position`, `total`, `subject`, `sha`, `url`),
    /// `positions`, `by` (a person or null) and `statement`; every key present.
    private struct Applied: Encodable {
        var notice: AppliedNotice

        init(_ notice: AppliedNotice) { self.notice = notice }

        enum CodingKeys: String, CodingKey {
            case form, branch, repository, commits, positions, by, statement
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(notice.form.rawValue, forKey: .form)
            try container.encode(notice.branch, forKey: .branch)
            try container.encode(notice.repository, forKey: .repository)
            try container.encode(notice.commits.map(AppliedCommit.init), forKey: .commits)
            try container.encode(notice.positions, forKey: .positions)
            try container.encode(notice.giver.map(Person.init), forKey: .by)
            try container.encode(notice.statement, forKey: .statement)
        }
    }

    private struct AppliedCommit: Encodable {
        var commit: AppliedNotice.Commit

        init(_ commit: AppliedNotice.Commit) { self.commit = commit }

        enum CodingKeys: String, CodingKey { case position, total, subject, sha, url }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(commit.position, forKey: .position)
            try container.encode(commit.total, forKey: .total)
            try container.encode(commit.subject, forKey: .subject)
            try container.encode(commit.sha, forKey: .sha)
            try container.encode(commit.url, forKey: .url)
        }
    }

    /// A pull request: `repository`, `ref`, `base_commit`, `head_commit`, and `diffstat`
    /// (`files_changed`, `insertions`, `deletions`, or null); every key present.
    private struct Pull: Encodable {
        var request: PullRequest

        init(_ request: PullRequest) { self.request = request }

        enum CodingKeys: String, CodingKey {
            case repository, ref
            case baseCommit = "base_commit"
            case headCommit = "head_commit"
            case diffstat
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(request.repository, forKey: .repository)
            try container.encode(request.ref, forKey: .ref)
            try container.encode(request.baseCommit, forKey: .baseCommit)
            try container.encode(request.headCommit, forKey: .headCommit)
            try container.encode(request.diffstat.map(Stat.init), forKey: .diffstat)
        }
    }

    private struct Stat: Encodable {
        var filesChanged: Int
        var insertions: Int
        var deletions: Int

        enum CodingKeys: String, CodingKey {
            case filesChanged = "files_changed"
            case insertions, deletions
        }

        init(_ diffstat: Diffstat) {
            filesChanged = diffstat.filesChanged
            insertions = diffstat.insertions
            deletions = diffstat.deletions
        }
    }
}
