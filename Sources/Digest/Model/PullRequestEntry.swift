package import PatchModel

/// One pull request of the range (`pull_requests[]`): who asked, what to pull and how big.
package struct PullRequestEntry: Sendable, Codable, Equatable {
    package var subject: String
    package var from: ReportPerson
    package var messageID: String?
    /// The repository URL; nil when the mail does not say.
    package var repository: String?
    /// The tag or branch after the URL (`tags/kvmarm-fixes-6.2-1`).
    package var ref: String?
    package var headCommit: String?
    /// The diffstat summary after the shortlog; nil when the mail has none.
    package var diffstat: Diffstat?
    /// The pull request on the archive's web view; nil without an archive address or Message-ID.
    package var url: String?

    package init(
        subject: String, from: ReportPerson, messageID: String?, repository: String?, ref: String?,
        headCommit: String? = nil, diffstat: Diffstat?
    ) {
        self.subject = subject
        self.from = from
        self.messageID = messageID
        self.repository = repository
        self.ref = ref
        self.headCommit = headCommit
        self.diffstat = diffstat
    }

    enum CodingKeys: String, CodingKey {
        case subject, from
        case messageID = "message_id"
        case repository, ref
        case headCommit = "head_commit"
        case diffstat, url
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(subject, forKey: .subject)
        try c.encode(from, forKey: .from)
        try c.encode(messageID, forKey: .messageID)
        try c.encode(repository, forKey: .repository)
        try c.encode(ref, forKey: .ref)
        try c.encode(headCommit, forKey: .headCommit)
        try c.encode(diffstat, forKey: .diffstat)
        try c.encode(url, forKey: .url)
    }
}
