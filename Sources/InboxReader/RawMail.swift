/// The raw bytes of one message; `bytes` is nil when the commit has no message (a deletion).
package struct RawMail: Sendable, Hashable {
    package var commit: CommitRef
    package var bytes: [UInt8]?

    package init(commit: CommitRef, bytes: [UInt8]?) {
        self.commit = commit
        self.bytes = bytes
    }
}

/// A batch of mails as a reading worker hands it over: the mails, or what the consumer's
/// `prepare` made of them on the worker's thread (see ``Inbox/preparedBatches(for:batchSize:prepare:)``).
package struct ReadBatch: Sendable {
    /// The mails; empty when `prepared` holds what was made of them.
    package var mails: [RawMail]
    package var prepared: (any Sendable)?

    package init(mails: [RawMail], prepared: (any Sendable)? = nil) {
        self.mails = mails
        self.prepared = prepared
    }
}

/// What a reading worker makes of a batch on its own thread before handing it over.
package typealias BatchPreparation = @Sendable ([RawMail]) -> any Sendable
