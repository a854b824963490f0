/// The commits of an epoch as another reader already listed them (the history index), so that
/// a time window need not list every commit of every epoch with `git rev-list`.
///
/// An answer must be exactly what `git rev-list --reverse --timestamp HEAD` of the epoch gives
/// once filtered by commit time: the same commits, in the same order. A timeline that cannot
/// vouch for that (it is behind the epoch's HEAD, the history has a merge, it cannot be read)
/// answers nil, and `Inbox.resolve` asks git for that epoch.
package protocol CommitTimeline: Sendable {
    /// The commits of `epoch` whose commit time lies in `since...until` (nil: unbounded), oldest
    /// first in archive order, when the timeline holds the whole history of `head` as one chain;
    /// nil otherwise.
    func commits(of epoch: Epoch, head: String, since: Int64?, until: Int64?) -> [CommitRef]?
}
