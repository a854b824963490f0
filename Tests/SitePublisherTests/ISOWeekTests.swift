import SitePublisher
import Testing

@Suite struct ISOWeekTests {
    @Test(arguments: [
        // (a time, its week, the week's days)
        (Int64(1_759_708_800), "2025-W41", "2025-10-06..2025-10-12"),  // Monday 2025-10-06 00:00 UTC
        (Int64(1_760_313_599), "2025-W41", "2025-10-06..2025-10-12"),  // Sunday 2025-10-12 23:59:59
        (Int64(1_760_313_600), "2025-W42", "2025-10-13..2025-10-19"),  // the next Monday
        (Int64(1_735_560_000), "2025-W01", "2024-12-30..2025-01-05"),  // 2024-12-30: week 1 of 2025
        (Int64(1_609_675_200), "2020-W53", "2020-12-28..2021-01-03"),  // 2021-01-03: week 53 of 2020
        (Int64(0), "1970-W01", "1969-12-29..1970-01-04"),  // Thursday 1970-01-01
    ])
    func weekOfATimeIsItsISOWeek(seconds: Int64, label: String, days: String) {
        let week = ISOWeek(containing: seconds)
        #expect(week.label == label)
        #expect(week.days == days)
        #expect(week.start <= seconds && seconds <= week.end)
    }

    @Test func weeksFollowEachOtherWithoutGaps() {
        var week = ISOWeek(containing: 1_700_000_000)
        for _ in 0..<600 {
            let next = week.next
            #expect(next.start == week.end + 1)
            #expect(next > week)
            week = next
        }
    }
}
