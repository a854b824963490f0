package import PatchModel

/// The history of several archives as the series rules ask it (`SeriesLookup`): each question
/// goes to every archive's look-up (its history index) and their answers are merged. A message
/// in more than one archive (a cross-posted mail, the same Message-ID) is answered once, as the
/// archive that received it first holds it (ties: the archive given first), as ``MergedArchives``
/// keeps it.
///
/// A thread is the union of each archive's walk from the root: a reply that reached only one list
/// is found when its parent is in that list's archive too, which a reply to all keeps true.
package struct MergedSeriesLookup: SeriesLookup {
    /// One look-up per archive, in the order given.
    package var lookups: [any SeriesLookup]

    package init(lookups: [any SeriesLookup]) {
        self.lookups = lookups
    }

    package func message(id: String) -> ThreadMessage? {
        Self.firstReceived(lookups.compactMap { $0.message(id: id) }).first
    }

    package func messages(inThreadOf rootID: String) -> [ThreadMessage] {
        Self.firstReceived(lookups.flatMap { $0.messages(inThreadOf: rootID) })
    }

    package func earlierVersions(changeID: String) -> [ThreadMessage] {
        Self.firstReceived(lookups.flatMap { $0.earlierVersions(changeID: changeID) })
    }

    package func earlierVersions(title: String, authorEmail: String, before: Int64, notBefore: Int64) -> [ThreadMessage]
    {
        Self.firstReceived(
            lookups.flatMap {
                $0.earlierVersions(title: title, authorEmail: authorEmail, before: before, notBefore: notBefore)
            })
    }

    /// `answers` (in the archives' order) with one message per Message-ID, the copy received
    /// first (ties: the earlier in `answers`), in the order their Message-IDs first appear.
    static func firstReceived(_ answers: [ThreadMessage]) -> [ThreadMessage] {
        var kept: [ThreadMessage] = []
        var place: [String: Int] = [:]
        for message in answers {
            if let earlier = place[message.messageID] {
                if message.receivedAt < kept[earlier].receivedAt { kept[earlier] = message }
            } else {
                place[message.messageID] = kept.count
                kept.append(message)
            }
        }
        return kept
    }
}
