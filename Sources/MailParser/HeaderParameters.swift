/// The `value; name=value; …` syntax of Content-Type and Content-Disposition (RFC 2045, 2183),
/// with RFC 2231 extensions: `name*=charset'lang'%XX`, continuations `name*0=`, `name*1*=`.
///
/// Parameter names are lower-cased; values keep their case. RFC 2047 encoded words in a plain
/// value (`filename="=?UTF-8?…?="`, which mailers send) are decoded too.
package struct HeaderParameters: Sendable, Hashable {
    /// The lower-cased leading token, e.g. `text/plain` or `attachment`.
    package var head: String
    package var parameters: [String: String]

    package init(_ value: some Collection<UInt8>) {
        let bytes = HeaderText.unfold(value)
        var sections = bytes.split(separator: ASCII.semicolon, omittingEmptySubsequences: false, quoteAware: true)
        let headBytes = sections.isEmpty ? [] : HeaderText.firstToken(sections.removeFirst())
        head = ASCII.lowercasedString(headBytes)
        var pieces: [String: [(index: Int, extended: Bool, value: [UInt8])]] = [:]
        var plain: [String: [UInt8]] = [:]
        for section in sections {
            guard let equals = section.firstIndex(of: ASCII.equals) else { continue }
            let nameBytes = HeaderText.trimmed(section[section.startIndex..<equals])
            guard !nameBytes.isEmpty else { continue }
            var name = ASCII.lowercasedString(nameBytes)
            let value = HeaderParameters.unquote(HeaderText.trimmed(section[(equals + 1)...]))
            guard let star = name.firstIndex(of: "*") else {
                if plain[name] == nil { plain[name] = value }
                continue
            }
            // RFC 2231: name*  name*N  name*N*
            let suffix = name[name.index(after: star)...]
            name = String(name[..<star])
            let extended = suffix.hasSuffix("*") || suffix.isEmpty
            let number = Int(suffix.hasSuffix("*") ? suffix.dropLast() : suffix) ?? 0
            pieces[name, default: []].append((number, extended, value))
        }
        var result: [String: String] = [:]
        for (name, value) in plain {
            result[name] = value.contains(ASCII.equals) ? EncodedWords.decode(value) : Charset.decodeUTF8(value).string
        }
        for (name, list) in pieces {
            result[name] = HeaderParameters.joinContinuations(list.sorted { $0.index < $1.index })
        }
        parameters = result
    }

    /// Joins RFC 2231 sections: the first extended section names the charset for all of them.
    private static func joinContinuations(_ sections: [(index: Int, extended: Bool, value: [UInt8])]) -> String {
        var charset = Charset(label: Array("utf-8".utf8))
        var bytes: [UInt8] = []
        for (position, section) in sections.enumerated() {
            var value = section.value[...]
            if section.extended {
                if position == 0 {
                    // charset'language'value
                    let quotes = value.indices.filter { value[$0] == ASCII.apostrophe }.prefix(2)
                    if quotes.count == 2 {
                        let label = value[value.startIndex..<quotes[0]]
                        if !label.isEmpty { charset = Charset(label: label) }
                        value = value[(quotes[1] + 1)...]
                    }
                }
                bytes += percentDecoded(value)
            } else {
                bytes += value
            }
        }
        return charset.decode(bytes).text
    }

    private static func percentDecoded(_ value: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        var index = value.startIndex
        while index < value.endIndex {
            if value[index] == 0x25, index + 2 < value.endIndex,  // "%"
                let high = ASCII.hexValue(value[index + 1]), let low = ASCII.hexValue(value[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(value[index])
                index += 1
            }
        }
        return output
    }

    /// Removes surrounding quotes and backslash escapes.
    private static func unquote(_ value: ArraySlice<UInt8>) -> [UInt8] {
        guard value.first == ASCII.quote else { return Array(value) }
        var output: [UInt8] = []
        var index = value.startIndex + 1
        while index < value.endIndex, value[index] != ASCII.quote {
            if value[index] == ASCII.backslash, index + 1 < value.endIndex { index += 1 }
            output.append(value[index])
            index += 1
        }
        return output
    }
}

extension Array where Element == UInt8 {
    /// Splits on `separator` outside double quotes.
    fileprivate func split(separator: UInt8, omittingEmptySubsequences: Bool, quoteAware: Bool) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var start = 0
        var inQuotes = false
        var index = 0
        while index < count {
            let byte = self[index]
            if byte == ASCII.backslash, inQuotes {
                index += 2
                continue
            }
            if byte == ASCII.quote { inQuotes.toggle() }
            if byte == separator, !inQuotes {
                result.append(self[start..<index])
                start = index + 1
            }
            index += 1
        }
        result.append(self[start..<Swift.min(index, count)])
        return result
    }
}
