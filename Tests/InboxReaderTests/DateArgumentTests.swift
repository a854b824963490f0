import Foundation
import MailParser
import Testing

@testable import InboxReader

/// `2025-10-01 00:00:00 UTC`.
private let october1: Int64 = 1_759_276_800

/// Absolute forms and the seconds they mean (expected values from Python's `datetime`).
private let absoluteForms: [(String, Int64)] = [
    ("2025-10-01", october1),
    ("2025-10-01 12:00", october1 + 43_200),
    ("2025-10-01T12:00", october1 + 43_200),
    ("2025-10-01t12:00:07", october1 + 43_207),
    ("2025-10-01T12:00:00.999Z", october1 + 43_200),
    ("2025-10-01T12:00:00Z", october1 + 43_200),
    ("2025-10-01 12:00 UTC", october1 + 43_200),
    ("2025-10-01T12:00:00+02:00", october1 + 36_000),
    ("2025-10-01 12:00 +0200", october1 + 36_000),
    ("2025-10-01 12:00-0530", october1 + 43_200 + 19_800),
    ("2025-10-01T12:00+02", october1 + 36_000),
    ("1900-01-01", -2_208_988_800),
    ("9999-12-31", 253_402_214_400),
    ("9999-12-31T23:59:59", 253_402_300_799),
    ("2000-02-29", 951_782_400),
    ("0001-01-01", -62_135_596_800),
    ("@0", 0), ("@1", 1), ("@-1", -1), ("@1759276800", october1),
]

/// Values that name no real time, and what is wrong with them.
private let impossibleForms: [(String, String)] = [
    ("2022-13-45", "there is no month 13"),
    ("2022-00-10", "there is no month 0"),
    ("2022-02-30", "2022-02 has 28 days"),
    ("2023-02-29", "2023-02 has 28 days"),
    ("1900-02-29", "1900-02 has 28 days"),
    ("2025-04-31", "2025-04 has 30 days"),
    ("2025-10-01 24:00", "there is no hour 24"),
    ("2025-10-01 12:60", "there is no minute 60"),
    ("2025-10-01 12:00:60", "there is no second 60"),
    ("2025-10-01 12:00 +2500", "there is no zone offset +25:00"),
]

/// Ambiguous or misread by git: refused.
private let unknownForms = [
    "01/11/2022", "2022/11/01", "1.11.2022", "11-01-2022", "20251001", "2025-1-01", "2025-10-1",
    "Oct 1 2025", "5pm", "2025-10-01 12", "2025-10-01T12:00 Europe/Paris", "2025-10-01X", "@", "@1.5", "@x",
    "@99999999999999999999", "2 weeks ago 3", "12:00",
]

private let relativeForms = [
    "2 weeks ago", "2.weeks.ago", "yesterday", "now", "last friday", "10 minutes ago", "today",
]

@Suite struct DateArgumentTests {
    @Test(arguments: absoluteForms)
    func absoluteFormsAreReadExactly(value: String, expected: Int64) {
        #expect(DateArgument.read(value) == .seconds(expected))
    }

    @Test(arguments: impossibleForms)
    func impossibleFieldsAreNamed(value: String, reason: String) {
        #expect(DateArgument.read(value) == .refused(.noSuchTime(reason)))
    }

    @Test(arguments: unknownForms)
    func ambiguousFormsAreRefused(value: String) {
        #expect(DateArgument.read(value) == .refused(.unknownForm))
    }

    @Test(arguments: relativeForms)
    func relativeFormsAreLeftToGit(value: String) {
        #expect(DateArgument.read(value) == .relative)
    }

    @Test func daysCountFromTheEpochBothWays() {
        #expect(DateParser.daysSince1970(year: 1970, month: 1, day: 1) == 0)
        #expect(DateParser.daysSince1970(year: 1969, month: 12, day: 31) == -1)
        #expect(DateParser.daysSince1970(year: 2025, month: 10, day: 1) == october1 / 86_400)
    }
}
