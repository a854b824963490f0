/// One commit of the archive, i.e. one message added (or deleted).
package struct CommitRef: Sendable, Hashable {
    /// The epoch number (index into `Inbox.epochs` by `number`).
    package var epoch: Int
    /// The full commit id, packed (see ``ObjectID``).
    package var objectID: ObjectID
    /// Committer time, seconds since 1970.
    package var commitTime: Int64
    /// Path of the message blob in the commit's tree: `m` for v2 and bare epochs, the fan-out
    /// path (`aa/bbbb…`) for v1; nil when the commit adds no message (a v1 deletion).
    package var messagePath: String?

    package init(epoch: Int, objectID: ObjectID, commitTime: Int64, messagePath: String? = "m") {
        self.epoch = epoch
        self.objectID = objectID
        self.commitTime = commitTime
        self.messagePath = messagePath
    }

    package init(epoch: Int, oid: String, commitTime: Int64, messagePath: String? = "m") {
        self.epoch = epoch
        self.objectID = ObjectID(oid)
        self.commitTime = commitTime
        self.messagePath = messagePath
    }

    /// The full commit id, as git prints it.
    package var oid: String {
        get { objectID.text }
        set { objectID = ObjectID(newValue) }
    }
}
