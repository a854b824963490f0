/// The raw bytes of one message; `bytes` is nil when the commit has no message (a deletion).
package struct RawMail: Sendable, Hashable {
    package var commit: CommitRef
    package var bytes: [UInt8]?

    package init(commit: CommitRef, bytes: [UInt8]?) {
        self.commit = commit
        self.bytes = bytes
    }
}
