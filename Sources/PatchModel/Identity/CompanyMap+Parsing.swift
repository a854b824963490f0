internal import MailParser

extension CompanyMap {
    /// Reads a map in gitdm's format. Lines that cannot be read are skipped and returned as
    /// problems with their line number; nothing here is fatal.
    package static func parse(_ bytes: some Collection<UInt8>, file: String) -> (
        map: CompanyMap, problems: [MapProblem]
    ) {
        var map = CompanyMap()
        var problems: [MapProblem] = []
        for (number, line) in MapLines.numbered(bytes) {
            if let message = map.read(line: line) {
                problems.append(MapProblem(file: file, line: number, message: message))
            }
        }
        return (map, problems)
    }

    package static func parse(_ text: String, file: String) -> (map: CompanyMap, problems: [MapProblem]) {
        parse(Array(text.utf8), file: file)
    }

    /// One line: `key  Organisation [< YYYY-MM-DD]`, `#` to the end of the line being a comment
    /// (gitdm's ReadConfigLine). Returns what is wrong with it, if anything.
    private mutating func read(line: ArraySlice<UInt8>) -> String? {
        var content = line
        if let hash = content.firstIndex(of: UInt8(ascii: "#")) { content = content[..<hash] }
        content = MapLines.trimmed(content)
        if content.isEmpty { return nil }
        let keyEnd = content.firstIndex(where: MapLines.isSpace) ?? content.endIndex
        let key = String(decoding: content[..<keyEnd], as: UTF8.self)
        var rest = MapLines.trimmed(content[keyEnd...])
        var endsAt: Int64?
        if let less = rest.firstIndex(of: UInt8(ascii: "<")) {
            let dateText = String(decoding: MapLines.trimmed(rest[(less + 1)...]), as: UTF8.self)
            guard let day = Self.dayStart(dateText) else { return "end date '\(dateText)' is not YYYY-MM-DD" }
            endsAt = day
            rest = MapLines.trimmed(rest[..<less])
        }
        guard !rest.isEmpty else { return "no organisation after '\(key)'" }
        guard Self.isValidKey(key) else { return "'\(key)' is neither a domain nor an address" }
        add(key: key, organisation: String(decoding: rest, as: UTF8.self), endsAt: endsAt)
        return nil
    }

    /// A domain (`intel.com`) or an address (`jane@intel.com`): a non-empty local part and a
    /// domain of letters, digits, `-`, `_` and dots.
    private static func isValidKey(_ key: String) -> Bool {
        var domain = Substring(key)
        if let at = key.lastIndex(of: "@") {
            guard at != key.startIndex else { return false }
            domain = key[key.index(after: at)...]
        }
        return !domain.isEmpty
            && domain.utf8.allSatisfy { byte in
                (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
            }
    }

    /// `YYYY-MM-DD` as Unix seconds at 00:00 UTC, or nil when it is no such date.
    static func dayStart(_ text: String) -> Int64? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        return Int64(DateParser.daysSince1970(year: year, month: month, day: day)) * 86_400
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

}
