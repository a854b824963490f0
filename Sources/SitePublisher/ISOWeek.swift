internal import MailParser

/// One ISO 8601 week in UTC: Monday 00:00 to Sunday 23:59:59, named `2025-W41`.
///
/// The week's year is the year of its Thursday (ISO 8601), so 2024-12-30 lies in `2025-W01`.
/// Computed from days since 1970 (a Thursday), with no calendar or time zone database.
package struct ISOWeek: Sendable, Hashable, Comparable, Codable {
    /// Monday 00:00 UTC of the week, in seconds since 1970.
    package let start: Int64

    /// The week that holds `seconds` (seconds since 1970, UTC).
    package init(containing seconds: Int64) {
        let days = Self.floorDivide(seconds, 86_400)
        // 1970-01-01 was a Thursday: Monday is 3 days before it.
        let weekday = Self.floorModulo(days + 3, 7)
        start = (days - weekday) * 86_400
    }

    /// The last second of the week (Sunday 23:59:59 UTC).
    package var end: Int64 { start + 7 * 86_400 - 1 }

    /// The next week.
    package var next: ISOWeek { ISOWeek(containing: start + 7 * 86_400) }

    /// The ISO year and week number, e.g. (2025, 41).
    package var yearAndNumber: (year: Int, week: Int) {
        let thursday = start + 3 * 86_400
        // `DateText.day` writes YYYY-MM-DD: its year is the year of the Thursday.
        let year = Int(DateText.day(thursday).prefix(while: { $0 != "-" })) ?? 1970
        let firstDay = Int64(DateParser.daysSince1970(year: year, month: 1, day: 1))
        let week = Int((thursday / 86_400 - firstDay) / 7) + 1
        return (year, week)
    }

    /// `2025-W41`: the file name of its pages and the title of its feed entry.
    package var label: String {
        let (year, week) = yearAndNumber
        return "\(year)-W\(week < 10 ? "0" : "")\(week)"
    }

    /// `2025-10-06..2025-10-12`: its first and last day.
    package var days: String { "\(DateText.day(start))..\(DateText.day(end))" }

    package static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool { lhs.start < rhs.start }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : (value - divisor + 1) / divisor
    }

    private static func floorModulo(_ value: Int64, _ divisor: Int64) -> Int64 {
        value - floorDivide(value, divisor) * divisor
    }
}
