internal import MailParser

/// What a `--since`/`--until` value says, read without git wherever the form is absolute.
///
/// git's date reader ("approxidate") accepts almost anything and silently answers something
/// else for much of it: `1900-01-01` becomes next January, `9999-12-31` becomes 2012, `@0` becomes
/// now, `2022-13-45` becomes 2022-12-13, `01/11/2022` becomes 11 January at the current time of
/// day. So the absolute forms are read here, every field checked against the calendar, and only
/// relative forms made of words and counts (`2 weeks ago`, `yesterday`, `last friday`) are left to
/// git, whose answer the caller checks for plausibility.
///
/// Accepted absolute forms (a missing zone is UTC):
/// - `YYYY-MM-DD` (its midnight);
/// - `YYYY-MM-DD HH:MM[:SS[.fraction]]` or with `T` between, optionally followed (with or without a
///   space) by a zone: `Z`, `UTC`, `GMT`, `±HH:MM`, `±HHMM`, `±HH`;
/// - `@SECONDS` since 1970, any sign (`@0`, `@-1`).
///
/// Everything else that holds a digit other than as a count before a unit (`01/11/2022`,
/// `Oct 1 2025`, `5pm`, `20251001`) is refused: git would read some of them in a way that
/// depends on the current time of day or on which of day and month comes first.
package enum DateArgument: Sendable, Equatable {
    /// An absolute time, in seconds since 1970 (UTC).
    case seconds(Int64)
    /// A relative form (`2 weeks ago`, `yesterday`, `now`) for git to read.
    case relative
    /// Not a date: the reason, as the end of a sentence that starts with the quoted value.
    case refused(Refusal)

    /// Why a value is not a date.
    package enum Refusal: Error, Sendable, Equatable {
        /// Not one of the accepted forms (e.g. `01/11/2022`, whose day and month are ambiguous).
        case unknownForm
        /// An ISO form whose fields name no real time: what is wrong, e.g. "there is no month 13".
        case noSuchTime(String)
    }

    /// Reads `text` (already trimmed of surrounding white space).
    package static func read(_ text: String) -> DateArgument {
        let bytes = Array(text.utf8)
        if bytes.first == UInt8(ascii: "@") { return epoch(bytes.dropFirst()) }
        if bytes.count >= 5, bytes[0..<4].allSatisfy(isDigit), bytes[4] == UInt8(ascii: "-") { return iso(bytes) }
        return isRelative(bytes) ? .relative : .refused(.unknownForm)
    }

    private static func epoch(_ digits: ArraySlice<UInt8>) -> DateArgument {
        var rest = digits
        let negative = rest.first == UInt8(ascii: "-")
        if negative || rest.first == UInt8(ascii: "+") { rest = rest.dropFirst() }
        guard !rest.isEmpty, rest.allSatisfy(isDigit), rest.count <= 18,
            let magnitude = Int64(String(decoding: rest, as: UTF8.self))
        else { return .refused(.unknownForm) }
        return .seconds(negative ? -magnitude : magnitude)
    }

    // MARK: ISO 8601 (and the space-separated form git prints)

    private static func iso(_ bytes: [UInt8]) -> DateArgument {
        var cursor = Cursor(bytes: bytes)
        guard let year = cursor.number(digits: 4), cursor.skip("-"), let month = cursor.number(digits: 2),
            cursor.skip("-"), let day = cursor.number(digits: 2)
        else { return .refused(.unknownForm) }
        guard (1...12).contains(month) else { return .refused(.noSuchTime("there is no month \(month)")) }
        let monthLength = daysIn(month: month, year: year)
        guard (1...monthLength).contains(day) else {
            return .refused(.noSuchTime("\(pad(year, 4))-\(pad(month, 2)) has \(monthLength) days"))
        }
        var seconds = DateParser.daysSince1970(year: year, month: month, day: day) * 86_400
        if cursor.atEnd { return .seconds(seconds) }
        guard cursor.skip("T") || cursor.skip("t") || cursor.skip(" "), let hour = cursor.number(digits: 2),
            cursor.skip(":"), let minute = cursor.number(digits: 2)
        else { return .refused(.unknownForm) }
        var second: Int64 = 0
        if cursor.skip(":") {
            guard let value = cursor.number(digits: 2) else { return .refused(.unknownForm) }
            second = value
            // A fraction of a second: the window is in whole seconds, so it is dropped.
            if cursor.skip(".") || cursor.skip(",") {
                guard cursor.digits() > 0 else { return .refused(.unknownForm) }
            }
        }
        guard hour <= 23 else { return .refused(.noSuchTime("there is no hour \(hour)")) }
        guard minute <= 59 else { return .refused(.noSuchTime("there is no minute \(minute)")) }
        guard second <= 59 else { return .refused(.noSuchTime("there is no second \(second)")) }
        seconds += hour * 3600 + minute * 60 + second
        _ = cursor.skip(" ")
        switch zoneOffset(&cursor) {
        case .failure(let refusal): return .refused(refusal)
        case .success(let offset):
            guard cursor.atEnd else { return .refused(.unknownForm) }
            return .seconds(seconds - offset)
        }
    }

    /// The zone at the cursor in seconds east of UTC (0 when the value ends here).
    private static func zoneOffset(_ cursor: inout Cursor) -> Result<Int64, Refusal> {
        if cursor.atEnd { return .success(0) }
        for name in ["Z", "z", "UTC", "GMT"] where cursor.skip(name) { return .success(0) }
        let sign: Int64
        if cursor.skip("+") { sign = 1 } else if cursor.skip("-") { sign = -1 } else { return .failure(.unknownForm) }
        guard let hours = cursor.number(digits: 2) else { return .failure(.unknownForm) }
        var minutes: Int64 = 0
        if cursor.skip(":") {
            guard let value = cursor.number(digits: 2) else { return .failure(.unknownForm) }
            minutes = value
        } else if let value = cursor.number(digits: 2) {
            minutes = value
        }
        guard hours <= 23, minutes <= 59 else {
            let written = "\(sign < 0 ? "-" : "+")\(pad(hours, 2)):\(pad(minutes, 2))"
            return .failure(.noSuchTime("there is no zone offset \(written)"))
        }
        return .success(sign * (hours * 3600 + minutes * 60))
    }

    // MARK: Relative forms, for git

    /// Units a count may precede (`2 weeks ago`, `3.days.ago`), singular and plural.
    private static let units: Set<String> = [
        "second", "minute", "hour", "day", "week", "month", "year",
        "seconds", "minutes", "hours", "days", "weeks", "months", "years",
    ]

    /// Words, and counts directly before a unit: no digit that could be a day, month or year.
    private static func isRelative(_ bytes: [UInt8]) -> Bool {
        let tokens = bytes.split(whereSeparator: {
            $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",")
        })
        guard !tokens.isEmpty else { return false }
        for (index, token) in tokens.enumerated() {
            if token.allSatisfy(isLetter) { continue }
            guard token.allSatisfy(isDigit), index + 1 < tokens.count,
                units.contains(String(decoding: tokens[index + 1], as: UTF8.self).lowercased())
            else { return false }
        }
        return true
    }

    // MARK: Calendar (proleptic Gregorian)

    private static func isLeap(_ year: Int64) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    /// A read position in the value's bytes.
    private struct Cursor {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index == bytes.count }

        /// Skips `literal` when the bytes continue with it.
        mutating func skip(_ literal: String) -> Bool {
            let expected = Array(literal.utf8)
            guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else {
                return false
            }
            index += expected.count
            return true
        }

        /// Exactly `digits` decimal digits, as a number.
        mutating func number(digits: Int) -> Int64? {
            guard bytes.count - index >= digits else { return nil }
            var value: Int64 = 0
            for byte in bytes[index..<index + digits] {
                guard DateArgument.isDigit(byte) else { return nil }
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            }
            index += digits
            return value
        }

        /// Skips a run of digits and returns how many.
        mutating func digits() -> Int {
            let start = index
            while index < bytes.count, DateArgument.isDigit(bytes[index]) { index += 1 }
            return index - start
        }
    }
}
