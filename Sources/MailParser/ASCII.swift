/// Named byte values for the ASCII characters the mail grammar cares about; shared (`package`)
/// with PatchModel's scanners. Inlinable, so that the constants fold in the other modules' loops
/// instead of costing a call to a global's accessor per byte.
package enum ASCII {
    @inlinable package static var nul: UInt8 { 0x00 }
    @inlinable package static var tab: UInt8 { 0x09 }
    @inlinable package static var lf: UInt8 { 0x0A }
    @inlinable package static var cr: UInt8 { 0x0D }
    @inlinable package static var space: UInt8 { 0x20 }
    @inlinable package static var quote: UInt8 { 0x22 }
    @inlinable package static var apostrophe: UInt8 { 0x27 }
    @inlinable package static var openParen: UInt8 { 0x28 }
    @inlinable package static var closeParen: UInt8 { 0x29 }
    @inlinable package static var asterisk: UInt8 { 0x2A }
    @inlinable package static var plus: UInt8 { 0x2B }
    @inlinable package static var comma: UInt8 { 0x2C }
    @inlinable package static var minus: UInt8 { 0x2D }
    @inlinable package static var dot: UInt8 { 0x2E }
    @inlinable package static var slash: UInt8 { 0x2F }
    @inlinable package static var zero: UInt8 { 0x30 }
    @inlinable package static var nine: UInt8 { 0x39 }
    @inlinable package static var colon: UInt8 { 0x3A }
    @inlinable package static var semicolon: UInt8 { 0x3B }
    @inlinable package static var lessThan: UInt8 { 0x3C }
    @inlinable package static var equals: UInt8 { 0x3D }
    @inlinable package static var greaterThan: UInt8 { 0x3E }
    @inlinable package static var question: UInt8 { 0x3F }
    @inlinable package static var at: UInt8 { 0x40 }
    @inlinable package static var upperA: UInt8 { 0x41 }
    @inlinable package static var upperF: UInt8 { 0x46 }
    @inlinable package static var upperZ: UInt8 { 0x5A }
    @inlinable package static var openBracket: UInt8 { 0x5B }
    @inlinable package static var backslash: UInt8 { 0x5C }
    @inlinable package static var closeBracket: UInt8 { 0x5D }
    @inlinable package static var underscore: UInt8 { 0x5F }
    @inlinable package static var lowerA: UInt8 { 0x61 }
    @inlinable package static var lowerF: UInt8 { 0x66 }
    @inlinable package static var lowerZ: UInt8 { 0x7A }
    @inlinable package static var delete: UInt8 { 0x7F }
    package static let fromLine: [UInt8] = Array("From ".utf8)
    package static let replacementCharacterUTF8: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// SP or HTAB: the white space that may continue a folded header line.
    @inlinable @inline(__always) package static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }

    /// SP, HTAB, CR or LF.
    @inlinable @inline(__always) package static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == cr || byte == lf
    }

    @inlinable @inline(__always) package static func isDigit(_ byte: UInt8) -> Bool { byte >= zero && byte <= nine }

    @inlinable @inline(__always) package static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= upperA && byte <= upperZ) || (byte >= lowerA && byte <= lowerZ)
    }

    /// Lower-cases an ASCII letter; every other byte is returned unchanged.
    @inlinable @inline(__always) package static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= upperA && byte <= upperZ ? byte | 0x20 : byte
    }

    /// The value of a hexadecimal digit (either case), or nil.
    @inlinable @inline(__always) package static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case zero...nine: byte - zero
        case upperA...upperF: byte - upperA + 10
        case lowerA...lowerF: byte - lowerA + 10
        default: nil
        }
    }

    /// A lower-cased String of ASCII bytes (for short tokens such as charset names and MIME types).
    @inlinable package static func lowercasedString(_ bytes: some Collection<UInt8>) -> String {
        // Written straight into the string (one allocation, none when short); invalid UTF-8 is
        // repaired as `String(decoding:as:)` does.
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            var count = 0
            for byte in bytes {
                buffer[count] = lowercased(byte)
                count += 1
            }
            return count
        }
    }
}
