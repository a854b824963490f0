package import HistoryIndex
package import InboxReader
package import MessageStream
internal import PatchModel

/// The messages of several archives' ranges as one range (issue 14): each archive read in its own
/// order, merged by the time its archive received each mail (commit time; ties: the earlier in
/// its archive, then the archive given first), and a mail cross-posted to several of them (the
/// same Message-ID) kept once, with every list it reached.
package struct MergedArchives: Sendable {
    /// One archive and the commits of its range, in archive order.
    package struct Archive: Sendable {
        package var inbox: Inbox
        package var commits: [CommitRef]
        /// The archive's history index, up to date: the facts are read from it and only the mails
        /// of the report's "New:" entries are parsed again (as a report of one archive does);
        /// nil: every mail of the range is parsed.
        package var index: MessageIndex?

        package init(inbox: Inbox, commits: [CommitRef], index: MessageIndex? = nil) {
            self.inbox = inbox
            self.commits = commits
            self.index = index
        }
    }

    /// One message of the merged range and the lists it reached (in the archives' order).
    package struct Message: Sendable {
        package var parsed: ParsedMessage
        package var lists: [String]
    }

    /// One name per archive, in the order given: its most common List-Id's first label
    /// (`KVMARM`), else the archive's folder name, upper-cased.
    package var listNames: [String]
    /// Every message of the ranges, in merged order, cross-posted copies folded.
    package var messages: [Message]
    /// Copies of a message already read from an earlier list (same Message-ID), left out.
    package var foldedDuplicates: Int

    /// Parses each archive's range (one after the other, each on every core), or reads its facts
    /// from the archive's index when given, and merges them.
    /// A Message-ID seen twice in the same archive stays twice, as in a report of that archive.
    /// - Throws: ``InboxError`` when an archive cannot be read.
    package static func read(_ archives: [Archive], pipeline: MessagePipeline) async throws -> MergedArchives {
        var perArchive: [[ParsedMessage]] = []
        var listNames: [String] = []
        for archive in archives {
            var parsed: [ParsedMessage] = []
            parsed.reserveCapacity(archive.commits.count)
            var listIDs = UsageCount()
            var seen = 0
            func keep(_ message: ParsedMessage) {
                if case .message(_, let facts) = message, let listID = facts.listID {
                    seen += 1
                    listIDs.add(listID.lowercased(), at: seen)
                }
                parsed.append(message)
            }
            if let index = archive.index {
                let messages = try await index.messages(
                    for: archive.commits, inbox: archive.inbox, pipeline: pipeline,
                    needsBody: ReportAggregator.needsEntryText)
                for message in messages { keep(message) }
            } else {
                try await pipeline.run(inbox: archive.inbox, commits: archive.commits) { message in keep(message) }
            }
            perArchive.append(parsed)
            listNames.append(
                (seen == 0 ? nil : listIDs.mostUsed).map(ReportBuilder.listName(fromListID:))
                    ?? archive.inbox.displayName.uppercased())
        }
        return merge(perArchive, listNames: listNames)
    }

    /// Merges ranges already parsed, one per name of `listNames`, each in archive order.
    package static func merge(_ perArchive: [[ParsedMessage]], listNames: [String]) -> MergedArchives {
        var result = MergedArchives(listNames: listNames, messages: [], foldedDuplicates: 0)
        result.messages.reserveCapacity(perArchive.reduce(0) { $0 + $1.count })
        // Message-ID → (its place in `messages`, the archive it was first read from).
        var firstSeen: [String: (index: Int, archive: Int)] = [:]
        var next = Array(repeating: 0, count: perArchive.count)
        while true {
            // The archive whose next message the archives received first; ties: the first given.
            var chosen: Int?
            var chosenTime = Int64.max
            for archive in perArchive.indices where next[archive] < perArchive[archive].count {
                let time = perArchive[archive][next[archive]].commit.commitTime
                if chosen == nil || time < chosenTime {
                    chosen = archive
                    chosenTime = time
                }
            }
            guard let archive = chosen else { break }
            let parsed = perArchive[archive][next[archive]]
            next[archive] += 1
            let list = listNames[archive]
            if case .message(_, let facts) = parsed, let id = facts.messageID {
                if let earlier = firstSeen[id], earlier.archive != archive {
                    if !result.messages[earlier.index].lists.contains(list) {
                        result.messages[earlier.index].lists.append(list)
                    }
                    result.foldedDuplicates += 1
                    continue
                }
                if firstSeen[id] == nil { firstSeen[id] = (result.messages.count, archive) }
            }
            result.messages.append(Message(parsed: parsed, lists: [list]))
        }
        return result
    }
}

extension ParsedMessage {
    /// The commit of the message or deletion.
    var commit: CommitRef {
        switch self {
        case .deleted(let commit): commit
        case .message(let commit, _): commit
        }
    }
}
