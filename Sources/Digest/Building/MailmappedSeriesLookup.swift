internal import PatchModel

/// The history as the series rules should see it with a mailmap: every message it answers with
/// has its people mapped, as the range's own messages are, so that a series author who replies
/// from another address is still its author and a reviewer is one person.
///
/// The history keeps addresses as sent, so a question by author address asks once for each
/// address the range saw mapped to that person.
struct MailmappedSeriesLookup: SeriesLookup {
    var base: any SeriesLookup
    var identity: IdentityResolver
    /// Mapped address (lower case) → the addresses as sent that the range mapped to it.
    var addressesAsSent: [String: Set<String>]

    func message(id: String) -> ThreadMessage? {
        base.message(id: id).map(identity.mappingPeople(in:))
    }

    func messages(inThreadOf rootID: String) -> [ThreadMessage] {
        base.messages(inThreadOf: rootID).map(identity.mappingPeople(in:))
    }

    func earlierVersions(changeID: String) -> [ThreadMessage] {
        base.earlierVersions(changeID: changeID).map(identity.mappingPeople(in:))
    }

    func earlierVersions(title: String, authorEmail: String, before: Int64, notBefore: Int64) -> [ThreadMessage] {
        let key = authorEmail.lowercased()
        var found: [ThreadMessage] = []
        var seen: Set<String> = []
        for address in [key] + (addressesAsSent[key] ?? []).sorted() {
            for message in base.earlierVersions(
                title: title, authorEmail: address, before: before, notBefore: notBefore)
            where seen.insert(message.messageID).inserted {
                found.append(identity.mappingPeople(in: message))
            }
        }
        return found
    }
}
