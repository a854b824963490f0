import MailParser
import Testing

/// 2025-10-01 00:00 UTC.
private let october1: Int64 = 1_759_276_800

private let printedDates: [(Int64, String)] = [
    (october1, "2025-10-01 00:00 UTC"), (october1 + 43_507, "2025-10-01 12:05:07 UTC"),
    (0, "1970-01-01 00:00 UTC"), (951_782_400, "2000-02-29 00:00 UTC"), (-1, "1969-12-31 23:59:59 UTC"),
]

@Suite struct DateTextTests {
    @Test(arguments: printedDates)
    func datesPrintInUTC(seconds: Int64, expected: String) {
        #expect(DateText.utc(seconds) == expected)
    }

    /// The `date` of `lore-digest messages` (MessageRecord).
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00Z"),
        (Int64(1_759_875_836), "2025-10-07T22:23:56Z"),
        (Int64(951_782_400), "2000-02-29T00:00:00Z"),
        (Int64(-1), "1969-12-31T23:59:59Z"),
        (Int64(4_102_444_800), "2100-01-01T00:00:00Z"),
    ])
    func formatsDatesAsUTCISO8601(seconds: Int64, expected: String) {
        #expect(DateText.iso8601(seconds) == expected)
    }

    /// The day of series versions ("v11 2025-09-30"): the first ten characters of `utc`.
    @Test(arguments: printedDates)
    func daysAreTheDateOfUTC(seconds: Int64, expected: String) {
        #expect(DateText.day(seconds) == String(expected.prefix(10)))
    }
}
