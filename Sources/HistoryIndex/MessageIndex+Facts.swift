internal import GRDB
package import InboxReader
package import MessageStream
package import PatchModel

extension MessageIndex {
    /// The stored facts of `commits`, in order; nil for a commit the index does not hold.
    package func storedMessages(for commits: [CommitRef]) throws(IndexError) -> [ParsedMessage?] {
        try read { db in
            let reader = try MessageRow.Reader(db)
            return try commits.map { commit in try reader.read(commit) }
        }
    }

    /// The messages of `commits`, in order, from the index where it can: a commit the index does
    /// not hold, or whose stored facts satisfy `needsBody` (e.g. a "New:" entry, whose commit
    /// message the index does not keep), is read from the archive and parsed again.
    ///
    /// The result equals what ``MessagePipeline`` gives for the same commits, save for
    /// `entryText` and `diffstat` of the messages not read again.
    package func messages(
        for commits: [CommitRef], inbox: Inbox, pipeline: MessagePipeline = MessagePipeline(),
        needsBody: (MessageFacts) -> Bool
    ) async throws -> [ParsedMessage] {
        let stored = try storedMessages(for: commits)
        var reread: [Int] = []
        for (position, message) in stored.enumerated() {
            switch message {
            case nil: reread.append(position)
            case .deleted?: break
            case .message(_, let facts)?: if needsBody(facts) { reread.append(position) }
            }
        }
        var result: [ParsedMessage?] = stored
        var cursor = 0
        try await pipeline.run(inbox: inbox, commits: reread.map { commits[$0] }) { parsed in
            result[reread[cursor]] = parsed
            cursor += 1
        }
        return result.enumerated().map { position, message in
            // Every nil position was read again just above; the fallback is never taken.
            message ?? .deleted(commits[position])
        }
    }
}
