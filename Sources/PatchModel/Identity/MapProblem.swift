/// A line of a mailmap or company map that could not be read: it is skipped, never fatal
/// (issue 11, "Bad input"). The caller prints it as one line on stderr.
package struct MapProblem: Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it (or a label such as "default company map").
    package var file: String
    /// 1-based line number within that file.
    package var line: Int
    package var message: String

    package init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `FILE:LINE: message`, the shape compilers and git use, so editors can jump to it.
    package var description: String { "\(file):\(line): \(message)" }
}

/// Splits a map file into lines (LF or CRLF), numbered from 1, without building Strings for them.
enum MapLines {
    static func numbered(_ bytes: some Collection<UInt8>) -> [(number: Int, text: ArraySlice<UInt8>)] {
        let all = Array(bytes)
        var lines: [(number: Int, text: ArraySlice<UInt8>)] = []
        var start = 0
        var number = 1
        for index in all.indices where all[index] == 0x0A {
            lines.append((number, trimmingCarriageReturn(all[start..<index])))
            start = index + 1
            number += 1
        }
        if start < all.count { lines.append((number, trimmingCarriageReturn(all[start...]))) }
        return lines
    }

    private static func trimmingCarriageReturn(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        line.last == 0x0D ? line.dropLast() : line
    }

    /// ASCII white space as C's isspace() sees it: git and gitdm trim exactly these.
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while let first = slice.first, isSpace(first) { slice = slice.dropFirst() }
        while let last = slice.last, isSpace(last) { slice = slice.dropLast() }
        return slice
    }
}

/// ASCII-only case folding, as git's strcasecmp() and gitdm's lower() of ASCII addresses do:
/// `Ä` and `ä` stay different keys, `A` and `a` do not.
extension String {
    var asciiLowercased: String {
        String(decoding: utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
