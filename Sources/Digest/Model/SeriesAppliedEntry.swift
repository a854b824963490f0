/// An applied notice on a series (`series[].applied`, and the "Applied" section).
package struct SeriesAppliedEntry: Sendable, Codable, Equatable {
    /// The branch or tree the notice names, e.g. `kvm-x86 selftests`; nil when it names none.
    package var branch: String?
    package var commits: [String]
    /// Who applied: the notice's own word, else the robot, else the sender.
    package var by: String
    /// The notice.
    package var messageID: String
    /// The patches applied; empty: the whole series.
    package var positions: [Int]
    /// The notice on the archive's web view; nil when the report has no archive address.
    package var url: String?

    package init(branch: String?, commits: [String] = [], by: String, messageID: String, positions: [Int] = []) {
        self.branch = branch
        self.commits = commits
        self.by = by
        self.messageID = messageID
        self.positions = positions
    }

    enum CodingKeys: String, CodingKey {
        case branch, commits, by
        case messageID = "message_id"
        case positions, url
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(branch, forKey: .branch)
        try c.encode(commits, forKey: .commits)
        try c.encode(by, forKey: .by)
        try c.encode(messageID, forKey: .messageID)
        try c.encode(positions, forKey: .positions)
        try c.encode(url, forKey: .url)
    }
}
