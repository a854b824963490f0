/// Everything the thread, series and review rules find in a set of messages.
package struct SeriesReport: Sendable, Hashable {
    /// The series with a patch mail in the set, by `receivedAt` of their root, then id.
    package var series: [PatchSeries]
    /// People who gave trailers or replied to someone else's series, most trailers first.
    package var reviewers: [Reviewer]
    /// Ids of the set's series without any reply from someone other than their author or a robot.
    package var waiting: [String]
    /// Series posted before the set that the set's replies answered, oldest first.
    package var earlierActivity: [EarlierSeriesActivity]
    /// Every review counted in `reviewers`, one per trailer and per reply, with the date of the
    /// mail that gave it: what a report credits to the reviewer's company at that date.
    package var reviewCredits: [ReviewCredit] = []
}

/// One review counted for a person: a review trailer given, or a reply written.
package struct ReviewCredit: Sendable, Hashable {
    /// The reviewer's address as in ``Reviewer/email``.
    package var email: String
    /// When the archive received the mail that gave it (its commit time).
    package var receivedAt: Int64
    /// True for a review trailer, false for a reply.
    package var isTrailer: Bool

    package init(email: String, receivedAt: Int64, isTrailer: Bool) {
        self.email = email
        self.receivedAt = receivedAt
        self.isTrailer = isTrailer
    }
}

/// A person's reviews in the set.
package struct Reviewer: Sendable, Hashable {
    package var name: String
    package var email: String
    /// Review trailers (not `other`) naming this person, each counted once per series and position.
    package var trailers: Int
    /// Replies written to other people's series.
    package var replies: Int
}

/// What the set's replies did to a series posted before it.
package struct EarlierSeriesActivity: Sendable, Hashable {
    /// The root of that series (its cover, else its first patch).
    package var seriesID: String
    package var title: String
    package var version: Int?
    package var author: SeriesPerson
    package var receivedAt: Int64
    package var responses: SeriesResponses
}
