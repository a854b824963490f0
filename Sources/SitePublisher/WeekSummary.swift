/// What the site keeps about one published week: how to tell whether its mail changed, and the
/// headline figures the index page and the feed show without building its report again.
package struct WeekSummary: Sendable, Codable, Equatable {
    package var week: ISOWeek
    /// Commits of the week (messages and deletions).
    package var commitCount: Int
    /// SHA-1 over the week's commit ids in archive order: any added, removed or rewritten commit
    /// changes it.
    package var fingerprint: String
    /// Commit time of the week's newest commit: the feed entry's `updated`.
    package var newestCommitTime: Int64
    /// The list name of the week's report (from List-Id or `--list`).
    package var listName: String
    package var figures: WeekFigures
    /// Titles of the week's new series, at most ``WeekFigures/highlightLimit`` (text, from mail).
    package var highlights: [String]
}

/// The headline figures of one week's report.
package struct WeekFigures: Sendable, Codable, Equatable {
    /// Messages received (deletions not counted).
    package var messages: Int
    /// Patches and cover letters.
    package var patchMails: Int
    /// Series whose first mail arrived this week; a series sent again within the week counts once.
    package var newSeries: Int
    /// Review trailers given this week (Reviewed-by, Acked-by, Tested-by, …).
    package var reviews: Int
    /// Series the week's notices applied.
    package var applied: Int

    package static let highlightLimit = 8

    /// `412 messages, 120 patch mails, 15 new series, 30 reviews, 4 applied`.
    package var sentence: String {
        [
            Self.counted(messages, "message"), Self.counted(patchMails, "patch mail"),
            Self.counted(newSeries, "new series", plural: "new series"), Self.counted(reviews, "review"),
            "\(applied) applied",
        ].joined(separator: ", ")
    }

    private static func counted(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
    }
}
