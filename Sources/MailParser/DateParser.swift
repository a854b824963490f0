/// RFC 5322 `Date:` values, plus what mailers really send.
///
/// Accepted beyond the RFC: no weekday; extra white space and commas; comments such as `(PDT)`;
/// two-digit years (below 50 → 20xx, else 19xx) and three-digit years (+1900); named zones UT,
/// GMT, Z and the US zones; military letter zones (taken as +0000, as RFC 5322 advises);
/// `+hh:mm` offsets; asctime order (`Tue Oct  7 17:28:12 2025`); ISO `2025-10-07`; a missing
/// zone (taken as UTC). Anything else, or a field out of range, gives nil.
package enum DateParser {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    private static let namedZones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0,
        "est": -300, "edt": -240, "cst": -360, "cdt": -300,
        "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
    ]

    static func parse(_ value: some Collection<UInt8>) -> MailDate? {
        var day: Int?
        var month: Int?
        var year: Int?
        var time: (hour: Int, minute: Int, second: Int)?
        var offset: Int?
        for token in tokens(value) {
            let first = token[token.startIndex]
            if first == ASCII.plus || first == ASCII.minus, token.count >= 3, year != nil || time != nil {
                guard offset == nil, let minutes = numericZone(token) else { return nil }
                offset = minutes
            } else if token.contains(ASCII.colon) {
                guard time == nil, let parsed = parseTime(token) else { return nil }
                time = parsed
            } else if token.allSatisfy(ASCII.isDigit) {
                guard token.count <= 4, let number = Int(String(decoding: token, as: UTF8.self)) else { return nil }
                if day == nil, token.count <= 2, year == nil || month != nil {
                    day = number
                } else if year == nil {
                    year = expandYear(number, digits: token.count)
                } else {
                    return nil
                }
            } else if token.contains(ASCII.minus), token.first.map(ASCII.isDigit) == true {
                // ISO 8601 date: 2025-10-07
                let parts = token.split(separator: ASCII.minus)
                guard parts.count == 3, year == nil, month == nil, day == nil,
                    let y = Int(String(decoding: parts[0], as: UTF8.self)),
                    let m = Int(String(decoding: parts[1], as: UTF8.self)),
                    let d = Int(String(decoding: parts[2], as: UTF8.self))
                else { return nil }
                (year, month, day) = (y, m, d)
            } else if token.allSatisfy(ASCII.isLetter) {
                let name = ASCII.lowercasedString(token)
                if let index = months.firstIndex(where: { name.hasPrefix($0) }), month == nil {
                    month = index + 1
                } else if weekdays.contains(where: { name.hasPrefix($0) }), time == nil {
                    continue
                } else if let zone = namedZones[name], offset == nil {
                    offset = zone
                } else if name.count == 1, offset == nil, time != nil {
                    offset = 0  // military zone: meaning unreliable, RFC 5322 says treat as -0000
                } else if day != nil, month != nil, year != nil, time != nil {
                    break  // trailing words after a complete date
                } else {
                    return nil
                }
            } else if day != nil, month != nil, year != nil, time != nil {
                break
            } else {
                return nil
            }
        }
        guard let day, let month, let year, let time,
            (1...12).contains(month), (1...31).contains(day), (0...23).contains(time.hour),
            (0...59).contains(time.minute), (0...60).contains(time.second)
        else { return nil }
        let offsetMinutes = offset ?? 0
        let days = daysSince1970(year: year, month: month, day: day)
        let seconds =
            Int64(days) * 86_400 + Int64(time.hour * 3600 + time.minute * 60 + time.second) - Int64(offsetMinutes * 60)
        return MailDate(secondsSince1970: seconds, offsetMinutes: offsetMinutes)
    }

    /// Splits on white space and commas and drops comments.
    private static func tokens(_ value: some Collection<UInt8>) -> [ArraySlice<UInt8>] {
        var cleaned: [UInt8] = []
        cleaned.reserveCapacity(value.count)
        var depth = 0
        for byte in value {
            if byte == ASCII.openParen {
                depth += 1
                cleaned.append(ASCII.space)
            } else if byte == ASCII.closeParen, depth > 0 {
                depth -= 1
            } else if depth == 0 {
                cleaned.append(byte == ASCII.comma ? ASCII.space : byte)
            }
        }
        return cleaned.split(whereSeparator: ASCII.isWhitespace)
    }

    private static func expandYear(_ year: Int, digits: Int) -> Int {
        switch digits {
        case 1, 2: year < 50 ? 2000 + year : 1900 + year
        case 3: 1900 + year
        default: year
        }
    }

    /// hh:mm or hh:mm:ss
    private static func parseTime(_ token: ArraySlice<UInt8>) -> (hour: Int, minute: Int, second: Int)? {
        let parts = token.split(separator: ASCII.colon, omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        var numbers: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 2, part.allSatisfy(ASCII.isDigit),
                let number = Int(String(decoding: part, as: UTF8.self))
            else { return nil }
            numbers.append(number)
        }
        return (numbers[0], numbers[1], numbers.count == 3 ? numbers[2] : 0)
    }

    /// +hhmm, -hhmm or +hh:mm as minutes east of UTC.
    private static func numericZone(_ token: ArraySlice<UInt8>) -> Int? {
        let digits = token.dropFirst().filter { $0 != ASCII.colon }
        guard digits.count == 4, digits.allSatisfy(ASCII.isDigit) else { return nil }
        let values = digits.map { Int($0 - ASCII.zero) }
        let hours = values[0] * 10 + values[1]
        let minutes = values[2] * 10 + values[3]
        guard minutes < 60, hours < 24 else { return nil }
        let sign = token[token.startIndex] == ASCII.minus ? -1 : 1
        return sign * (hours * 60 + minutes)
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date, negative before it (H. Hinnant's
    /// days_from_civil); the one such conversion, also behind `--since`/`--until` (DateArgument).
    package static func daysSince1970<Number: BinaryInteger>(year: Number, month: Number, day: Number) -> Number {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
