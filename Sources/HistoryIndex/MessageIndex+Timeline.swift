internal import GRDB
package import InboxReader

/// A time window answered from the index's commit times (issue 14): a week of a million-message
/// archive is a range search on `messages_by_commit_time`, not a `git rev-list` of every epoch.
extension MessageIndex: CommitTimeline {
    /// The indexed commits of `epoch` received in `since...until`, in the order of their
    /// ordinals; nil unless the index holds exactly the history of `head` as one chain: the
    /// epoch's last indexed commit is `head` (so its rows are every commit `head` reaches, no
    /// more), its folder is the one indexed, and the last update found no merge in it
    /// (`is_linear`), so that the order of ordinals is `git rev-list --reverse`'s. An index that
    /// cannot be read answers nil too: git then lists the epoch, and a report meets the
    /// failure where it reads the facts.
    package func commits(of epoch: Epoch, head: String, since: Int64?, until: Int64?) -> [CommitRef]? {
        try? read { db -> [CommitRef]? in
            guard
                let stored = try Row.fetchOne(
                    db, sql: "SELECT git_dir, last_commit, is_linear FROM epochs WHERE epoch = ?",
                    arguments: [epoch.number]),
                stored["git_dir"] as String? == epoch.gitDirectory, stored["last_commit"] as String? == head,
                stored["is_linear"] as Int? == 1
            else { return nil }
            // INDEXED BY: without it SQLite scans the epoch by `messages_by_position` to save the sort.
            let rows = try Row.fetchAll(
                db,
                sql: #"""
                    SELECT "commit", commit_time FROM messages INDEXED BY messages_by_commit_time
                    WHERE commit_time BETWEEN ? AND ? AND epoch = ? ORDER BY ordinal
                    """#,
                arguments: [since ?? Int64.min, until ?? Int64.max, epoch.number])
            return rows.map { row in CommitRef(epoch: epoch.number, oid: row[0], commitTime: row[1]) }
        } ?? nil
    }
}
