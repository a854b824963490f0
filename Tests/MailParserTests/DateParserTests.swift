import Testing

@testable import MailParser

@Suite struct DateParserTests {
    // 2025-10-07 16:28:12 UTC
    static let instant: Int64 = 1_759_854_492

    @Test(arguments: [
        ("Tue, 7 Oct 2025 17:28:12 +0100", 60),
        ("Tue,  07 Oct 2025 16:28:12 +0000", 0),
        ("7 Oct 2025 09:28:12 -0700", -420),
        ("Tue, 7 Oct 2025 09:28:12 -0700 (PDT)", -420),
        ("Tue, 7 Oct 2025 09:28:12 PDT", -420),
        ("Tue, 7 Oct 2025 12:28:12 EDT", -240),
        ("Tue, 7 Oct 2025 16:28:12 GMT", 0),
        ("Tue, 7 Oct 2025 16:28:12 UT", 0),
        ("Tue, 7 Oct 2025 16:28:12 Z", 0),
        ("Tue, 7 Oct 2025 16:28:12 J", 0),
        ("Tue, 7 Oct 25 16:28:12 +0000", 0),
        ("  Tue ,\t7  Oct\r\n 2025   16:28:12   +0000  ", 0),
        ("Tue Oct  7 16:28:12 2025", 0),
        ("Tue, 7 Oct 2025 18:28:12 +02:00", 120),
        ("2025-10-07 16:28:12 +0000", 0),
    ])
    func parsesDateForm(value: String, offset: Int) {
        #expect(MailDate(headerValue: bytes(value)) == MailDate(secondsSince1970: Self.instant, offsetMinutes: offset))
    }

    @Test(arguments: [
        ("1 Jan 70 00:00:00 +0000", 0 as Int64), ("1 Jan 49 00:00:00 +0000", 2_493_072_000),
        ("1 Jan 99 00:00:00 +0000", 915_148_800),
    ])
    func twoDigitYearsPivotAtFifty(value: String, seconds: Int64) {
        #expect(MailDate(headerValue: bytes(value))?.secondsSince1970 == seconds)
    }

    @Test(arguments: [
        "", "xyz", "Tue, 7 Oct 2025", "32 Oct 2025 10:00:00 +0000", "7 Foo 2025 10:00:00 +0000",
        "7 Oct 2025 25:00:00 +0000", "7 Oct 2025 10:00:00 +9999",
    ])
    func garbageGivesNil(value: String) {
        #expect(MailDate(headerValue: bytes(value)) == nil)
    }

    @Test func unparseableDateIsAProblemOfTheMessage() {
        let message = MailMessage(bytes: mailBytes("Date: xyz\nSubject: s\n\n"))
        #expect(message.date == nil)
        #expect(message.problems.contains("unparseable Date 'xyz'"))
    }

    @Test func leapDayIsCounted() {
        #expect(
            DateParser.daysSince1970(year: 2024, month: 3, day: 1)
                - DateParser.daysSince1970(year: 2024, month: 2, day: 28) == 2)
    }
}
