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
