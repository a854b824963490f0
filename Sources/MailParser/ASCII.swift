/// Named byte values for the ASCII characters the mail grammar cares about; shared (`package`)
/// with PatchModel's scanners.
package enum ASCII {
    package static let nul: UInt8 = 0x00
    package static let tab: UInt8 = 0x09
    package static let lf: UInt8 = 0x0A
    package static let cr: UInt8 = 0x0D
    package static let space: UInt8 = 0x20
    package static let quote: UInt8 = 0x22
    package static let apostrophe: UInt8 = 0x27
    package static let openParen: UInt8 = 0x28
    package static let closeParen: UInt8 = 0x29
    package static let asterisk: UInt8 = 0x2A
    package static let plus: UInt8 = 0x2B
    package static let comma: UInt8 = 0x2C
    package static let minus: UInt8 = 0x2D
    package static let dot: UInt8 = 0x2E
    package static let slash: UInt8 = 0x2F
    package static let zero: UInt8 = 0x30
    package static let nine: UInt8 = 0x39
    package static let colon: UInt8 = 0x3A
    package static let semicolon: UInt8 = 0x3B
    package static let lessThan: UInt8 = 0x3C
    package static let equals: UInt8 = 0x3D
    package static let greaterThan: UInt8 = 0x3E
    package static let question: UInt8 = 0x3F
    package static let at: UInt8 = 0x40
    package static let upperA: UInt8 = 0x41
    package static let upperF: UInt8 = 0x46
    package static let upperZ: UInt8 = 0x5A
    package static let openBracket: UInt8 = 0x5B
    package static let backslash: UInt8 = 0x5C
    package static let closeBracket: UInt8 = 0x5D
    package static let underscore: UInt8 = 0x5F
    package static let lowerA: UInt8 = 0x61
    package static let lowerF: UInt8 = 0x66
    package static let lowerZ: UInt8 = 0x7A
    package static let delete: UInt8 = 0x7F
    package static let fromLine: [UInt8] = Array("From ".utf8)
    package static let replacementCharacterUTF8: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// SP or HTAB: the white space that may continue a folded header line.
    @inline(__always) package static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }

    /// SP, HTAB, CR or LF.
    @inline(__always) package static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == cr || byte == lf
    }

    @inline(__always) package static func isDigit(_ byte: UInt8) -> Bool { byte >= zero && byte <= nine }

    @inline(__always) package static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= upperA && byte <= upperZ) || (byte >= lowerA && byte <= lowerZ)
    }

    /// Lower-cases an ASCII letter; every other byte is returned unchanged.
    @inline(__always) package static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= upperA && byte <= upperZ ? byte | 0x20 : byte
    }

    /// The value of a hexadecimal digit (either case), or nil.
    @inline(__always) package static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case zero...nine: byte - zero
        case upperA...upperF: byte - upperA + 10
        case lowerA...lowerF: byte - lowerA + 10
        default: nil
        }
    }

    /// A lower-cased String of ASCII bytes (for short tokens such as charset names and MIME types).
    package static func lowercasedString(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes.map(lowercased), as: UTF8.self)
    }
}
