package import InboxReader

/// What one epoch gained since the commit a reader last saw in it, for readers that keep their
/// own place per epoch (the history index's last indexed commit, a since-last-run bookmark).
///
/// The one incremental walk of the package: last seen commit → still HEAD? → still an ancestor
/// of HEAD? → the commits after it; otherwise the history was rewritten and the whole epoch is
/// listed again. What a reader does with a rewritten epoch (index it again, report only the
/// commits newer than its mark) is its own rule.
package enum EpochChange: Sendable, Hashable {
    /// HEAD is still the commit last seen: nothing to read.
    case unchanged
    /// The commits after `after` (nil: nothing was seen, so every commit of the epoch), oldest first.
    case appended(after: String?, commits: [CommitRef])
    /// The commit last seen is no longer an ancestor of HEAD: every commit of the epoch, oldest first.
    case rewritten(commits: [CommitRef])

    /// The change of `epoch` (whose HEAD is `head`) since `lastSeen`, with at most two git processes.
    /// - Throws: `InboxError` `.invalidRevision`, `.gitNotRunnable`, `.gitFailed`.
    package static func since(
        _ lastSeen: String?, in epoch: Epoch, head: String, of inbox: Inbox
    ) async throws(InboxError) -> EpochChange {
        guard let lastSeen else {
            return .appended(after: nil, commits: try await inbox.commits(of: epoch, after: nil, through: head))
        }
        if lastSeen == head { return .unchanged }
        if try await inbox.isAncestor(lastSeen, of: head, in: epoch) {
            return .appended(
                after: lastSeen, commits: try await inbox.commits(of: epoch, after: lastSeen, through: head))
        }
        return .rewritten(commits: try await inbox.commits(of: epoch, after: nil, through: head))
    }
}
