internal import MailParser

/// The UTC calendar day of a time, without Foundation: `2025-09-30` (MailParser's `DateText`).
enum CalendarDay {
    static func text(_ seconds: Int64) -> String { DateText.day(seconds) }
}
