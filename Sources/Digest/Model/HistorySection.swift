/// The "History (from the index)" section of a report (`--history`): what the history index
/// says about the range's authors and series before the range. Computed from the index alone
/// by ``HistoryLookBack``; nil in a report made without `--history`.
package struct HistorySection: Sendable, Codable, Equatable {
    /// The authors whose first patch mail in the whole index is inside the range, in the order
    /// of that first mail.
    package var firstPatches: [FirstPatch]
    /// The series heads of the range (version 2 or more, or a resend) with earlier patch mails
    /// of the same title by the same author before the range, in patch-list order.
    package var revisedSeries: [RevisedSeries]

    package init(firstPatches: [FirstPatch] = [], revisedSeries: [RevisedSeries] = []) {
        self.firstPatches = firstPatches
        self.revisedSeries = revisedSeries
    }
}

/// An author who sent their first patch mail to the list inside the range.
package struct FirstPatch: Sendable, Codable, Equatable {
    /// The name and address as the contributor table shows them.
    package var name: String
    package var email: String
    /// The commit time of the first patch mail, `YYYY-MM-DD` (UTC).
    package var date: String
    package var commit: String
}

/// A series head of the range and the earlier versions the index holds.
package struct RevisedSeries: Sendable, Codable, Equatable {
    /// The head's whole subject, e.g. `[PATCH v3 0/5] KVM: x86: frob the widgets`.
    package var subject: String
    /// The subject without its tags: what the earlier mails were matched on (exactly).
    package var title: String
    package var authorName: String
    package var authorEmail: String
    package var commit: String
    /// One per earlier version, newest version first.
    package var earlierVersions: [EarlierVersion]
}

/// The patch mails of one earlier version of a series (resends included).
package struct EarlierVersion: Sendable, Codable, Equatable {
    /// The version number; 1 for a subject without `vN`.
    package var version: Int
    /// The commit time of its first mail, `YYYY-MM-DD` (UTC).
    package var firstDate: String
    /// How many patch or cover mails of that title and version the index holds before the range.
    package var mails: Int
    /// The commit of its first mail.
    package var commit: String
}
