/// `--from` / `--to` / `--since` / `--until` as the user gave them.
///
/// `from` and `to` are any revision git understands in some epoch: `from` is exclusive, `to`
/// inclusive, as in `git log FROM..TO`. A missing `from` starts at the very first message of the
/// archive (inclusive); a missing `to` ends at the newest one.
///
/// `since` and `until` are dates in any form `git log --since` accepts (`2025-10-01`,
/// `2025-10-01T12:00Z`, `2 weeks ago`, `yesterday`); they keep the commits whose commit time (when
/// the archive received the message) lies in `since...until`, both ends inclusive. Given with
/// `from`/`to`, the result is the intersection. See `Inbox.resolveDate(_:)` for how dates are read.
package struct RevisionRange: Sendable, Hashable {
    package var from: String?
    package var to: String?
    package var since: String?
    package var until: String?

    package init(from: String? = nil, to: String? = nil, since: String? = nil, until: String? = nil) {
        self.from = from
        self.to = to
        self.since = since
        self.until = until
    }

    /// Whether a time window was asked for.
    package var hasTimeWindow: Bool { since != nil || until != nil }
}
