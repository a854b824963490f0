package import InboxReader
package import PatchModel

/// One message of a range after parsing, in archive order.
package enum ParsedMessage: Sendable {
    /// A commit that deletes a message: not a message.
    case deleted(CommitRef)
    case message(CommitRef, MessageFacts)
}
