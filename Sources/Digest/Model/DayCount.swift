internal import MailParser

/// Patch mails the archive received on one UTC day (JSON: `patch_mails_per_day[]`).
package struct DayCount: Sendable, Codable, Equatable {
    /// `2025-10-06`: the UTC calendar day.
    package var day: String
    package var patchMails: Int

    package init(day: String, patchMails: Int) {
        self.day = day
        self.patchMails = patchMails
    }

    /// One entry per day from the day of `first` through the day of `last` (seconds since 1970,
    /// UTC), each with the count `counts` holds for its day number (days since 1970), else zero:
    /// a day without mail is a day, not a gap. Empty when either bound is missing or
    /// `last < first`; at most `limit` days (the last ones) so that a window of years stays small.
    package static func days(
        from first: Int64?, through last: Int64?, counts: [Int64: Int], limit: Int = 366
    ) -> [DayCount] {
        guard let first, let last, last >= first else { return [] }
        let lastDay = dayNumber(last)
        let firstDay = max(dayNumber(first), lastDay - Int64(limit) + 1)
        return (firstDay...lastDay).map { day in
            DayCount(day: DateText.day(day * 86_400), patchMails: counts[day] ?? 0)
        }
    }

    /// Days since 1970 of a UTC time (floor, also before 1970).
    package static func dayNumber(_ seconds: Int64) -> Int64 {
        seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    }
}
