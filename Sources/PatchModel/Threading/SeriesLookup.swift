/// What the series rules ask of the archive's history beyond the given messages.
///
/// The report backs it with the history index; `InMemorySeriesLookup` backs it with a list (tests,
/// small archives), and `NoSeriesLookup` means "this range only". Answers may include messages of
/// the given set and messages after it: the rules remove both. A look-up that fails answers nil or
/// an empty list and reports its problem itself; the rules then work with what the set holds.
package protocol SeriesLookup {
    /// The message with this Message-ID anywhere in the history; nil when unknown.
    func message(id: String) -> ThreadMessage?
    /// The messages below `rootID` in its thread (whose In-Reply-To or References name it or one of
    /// its descendants), in any order; need not include the root itself.
    func messages(inThreadOf rootID: String) -> [ThreadMessage]
    /// Cover letters and patch mails whose `change-id` is this one, in any order.
    func earlierVersions(changeID: String) -> [ThreadMessage]
    /// Cover letters and patch mails with exactly this title, sent from this address (in any case),
    /// received at or after `notBefore` and before `before`, in any order.
    func earlierVersions(title: String, authorEmail: String, before: Int64, notBefore: Int64) -> [ThreadMessage]
}

/// No history: every rule works on the given set alone (`--no-index`).
package struct NoSeriesLookup: SeriesLookup {
    package init() {}
    package func message(id: String) -> ThreadMessage? { nil }
    package func messages(inThreadOf rootID: String) -> [ThreadMessage] { [] }
    package func earlierVersions(changeID: String) -> [ThreadMessage] { [] }
    package func earlierVersions(title: String, authorEmail: String, before: Int64, notBefore: Int64) -> [ThreadMessage]
    { [] }
}

/// A history held in memory: dictionaries by Message-ID, parent, change-id and title.
///
/// Building costs O(*n* + *r*) for *n* messages with *r* References entries; `messages(inThreadOf:)`
/// costs O(size of the thread) (a breadth-first walk with a visited set).
package struct InMemorySeriesLookup: SeriesLookup {
    private var byID: [String: ThreadMessage] = [:]
    /// Messages naming a Message-ID in In-Reply-To or References.
    private var children: [String: [ThreadMessage]] = [:]
    private var byChangeID: [String: [ThreadMessage]] = [:]
    private var byTitle: [String: [ThreadMessage]] = [:]

    package init(messages: [ThreadMessage]) {
        for message in messages where byID[message.messageID] == nil {
            byID[message.messageID] = message
            var named: Set<String> = Set(message.references)
            if let inReplyTo = message.inReplyTo { named.insert(inReplyTo) }
            named.remove(message.messageID)
            for parent in named { children[parent, default: []].append(message) }
            guard message.isPatchMail else { continue }
            if let changeID = message.changeID { byChangeID[changeID, default: []].append(message) }
            byTitle[message.title, default: []].append(message)
        }
    }

    package func message(id: String) -> ThreadMessage? { byID[id] }

    package func messages(inThreadOf rootID: String) -> [ThreadMessage] {
        var found: [ThreadMessage] = []
        var seen: Set<String> = [rootID]
        var queue: [String] = [rootID]
        var next = 0
        while next < queue.count {
            let id = queue[next]
            next += 1
            for child in children[id] ?? [] where seen.insert(child.messageID).inserted {
                found.append(child)
                queue.append(child.messageID)
            }
        }
        return found
    }

    package func earlierVersions(changeID: String) -> [ThreadMessage] { byChangeID[changeID] ?? [] }

    package func earlierVersions(title: String, authorEmail: String, before: Int64, notBefore: Int64) -> [ThreadMessage]
    {
        let author = authorEmail.lowercased()
        return (byTitle[title] ?? []).filter {
            $0.authorKey == author && $0.receivedAt < before && $0.receivedAt >= notBefore
        }
    }
}
