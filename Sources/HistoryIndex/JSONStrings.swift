internal import Foundation

/// A list of strings as a JSON array, the shape of the `tags` and `problems` columns.
///
/// Written and read by hand: a `JSONEncoder`/`JSONDecoder` call per row cost about as much as the
/// row's insert or read (about 0.4 s on kvmarm's 21,000 rows each way). The text is what version 1
/// wrote: `"`, `\` and control characters escaped, `/` and non-ASCII text as they are.
enum JSONStrings {
    static func encode(_ values: [String]) -> String {
        if values.isEmpty { return "[]" }
        var json = "["
        for (index, value) in values.enumerated() {
            if index > 0 { json += "," }
            json += "\""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": json += "\\\""
                case "\\": json += "\\\\"
                case "\n": json += "\\n"
                case "\r": json += "\\r"
                case "\t": json += "\\t"
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        json += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        json.unicodeScalars.append(scalar)
                    }
                }
            }
            json += "\""
        }
        return json + "]"
    }

    /// The strings of a JSON array of strings. The escapes `encode` writes are read by hand;
    /// anything else (a `\u` escape of a non-control character, white space between the
    /// items: text another writer may have left) goes through `JSONDecoder`.
    /// - Throws: `DecodingError` when the text is not a JSON array of strings.
    static func decode(_ json: String) throws -> [String] {
        if json == "[]" { return [] }
        if let values = decodeSimple(Array(json.utf8)) { return values }
        return try JSONDecoder().decode([String].self, from: Data(json.utf8))
    }

    /// `["a","b\"c"]` without white space; nil for anything this reader does not know.
    private static func decodeSimple(_ bytes: [UInt8]) -> [String]? {
        guard bytes.count >= 2, bytes.first == UInt8(ascii: "["), bytes.last == UInt8(ascii: "]") else { return nil }
        var values: [String] = []
        var position = 1
        let end = bytes.count - 1
        while position < end {
            if !values.isEmpty {
                guard bytes[position] == UInt8(ascii: ",") else { return nil }
                position += 1
            }
            guard position < end, bytes[position] == UInt8(ascii: "\"") else { return nil }
            position += 1
            var value: [UInt8] = []
            var closed = false
            while position < end {
                let byte = bytes[position]
                position += 1
                if byte == UInt8(ascii: "\"") {
                    closed = true
                    break
                }
                guard byte == UInt8(ascii: "\\") else {
                    value.append(byte)
                    continue
                }
                guard position < end else { return nil }
                let escaped = bytes[position]
                position += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): value.append(escaped)
                case UInt8(ascii: "n"): value.append(0x0A)
                case UInt8(ascii: "r"): value.append(0x0D)
                case UInt8(ascii: "t"): value.append(0x09)
                case UInt8(ascii: "b"): value.append(0x08)
                case UInt8(ascii: "f"): value.append(0x0C)
                case UInt8(ascii: "u"):
                    // Only the control characters `encode` writes as `\u00XX`.
                    guard position + 4 <= end,
                        let code = UInt8(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16),
                        code < 0x20
                    else { return nil }
                    value.append(code)
                    position += 4
                default: return nil
                }
            }
            guard closed else { return nil }
            values.append(String(decoding: value, as: UTF8.self))
        }
        return values
    }
}
