/// Where every message of a range went: each one is in exactly one bucket.
package struct Accounting: Sendable, Codable, Equatable {
    /// Patches and cover letters: what the tables count.
    package var patchMails = 0
    package var replies = 0
    /// Pull requests, bot reports and everything else that is neither a patch nor a reply.
    package var other = 0
    /// Messages with no usable header block at all.
    package var unparseable = 0
    /// Commits of the range that delete a message (no `m` in their tree): not messages.
    package var deleted = 0
    /// With several archives: copies of a message already counted from another list (the same
    /// Message-ID), folded into it; nil (`null` in JSON) for one archive.
    package var crossPostedDuplicates: Int?
    /// The unparseable messages, for `--verbose`: commit id and reason.
    package var unparseableCommits: [UnparseableMessage] = []

    package init() {}

    /// Messages of the range, deleted ones excluded.
    package var messages: Int { patchMails + replies + other + unparseable }

    private enum CodingKeys: String, CodingKey {
        case patchMails, replies, other, unparseable, deleted, crossPostedDuplicates, unparseableCommits
    }

    /// Every key, `null` when absent (schema 3: no key is ever left out).
    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(patchMails, forKey: .patchMails)
        try c.encode(replies, forKey: .replies)
        try c.encode(other, forKey: .other)
        try c.encode(unparseable, forKey: .unparseable)
        try c.encode(deleted, forKey: .deleted)
        try c.encode(crossPostedDuplicates, forKey: .crossPostedDuplicates)
        try c.encode(unparseableCommits, forKey: .unparseableCommits)
    }
}

/// A message that could not be parsed, and why.
package struct UnparseableMessage: Sendable, Codable, Equatable {
    package var commit: String
    package var reason: String
}
