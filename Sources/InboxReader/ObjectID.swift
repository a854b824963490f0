/// A commit id held in place: a SHA-1 id's 40 hexadecimal digits as 20 bytes inside the value,
/// anything else (a SHA-256 id, a test's made-up id) as its text.
///
/// A report or index over a million messages keeps a million `CommitRef`s: as `String`s their
/// ids were an allocation of 80 bytes each; packed they are no allocation at all.
package struct ObjectID: Sendable, Hashable {
    private enum Storage: Sendable, Hashable {
        /// The 20 bytes, big-endian in three words (the last holds 4 bytes).
        case sha1(UInt64, UInt64, UInt32)
        case text(String)
    }

    private let storage: Storage

    /// `text` is kept exactly: only 40 lower-case hexadecimal digits (what git prints) are packed.
    package init(_ text: String) {
        storage = Self.packed(text.utf8).map { .sha1($0.0, $0.1, $0.2) } ?? .text(text)
    }

    /// The id from its digits as git printed them (no string is made for a SHA-1 id).
    package init(digits: some Collection<UInt8>) {
        storage = Self.packed(digits).map { .sha1($0.0, $0.1, $0.2) } ?? .text(String(decoding: digits, as: UTF8.self))
    }

    /// The id as git prints it.
    package var text: String {
        switch storage {
        case .text(let text): return text
        case .sha1(let first, let second, let third):
            return String(unsafeUninitializedCapacity: 40) { buffer in
                Self.writeHex(first, digits: 16, into: buffer, at: 0)
                Self.writeHex(second, digits: 16, into: buffer, at: 16)
                Self.writeHex(UInt64(third), digits: 8, into: buffer, at: 32)
                return 40
            }
        }
    }

    /// The 20 bytes of a SHA-1 id; nil for any other id.
    package var sha1Bytes: [UInt8]? {
        guard case .sha1(let first, let second, let third) = storage else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: first >> shift)) }
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: second >> shift)) }
        for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: third >> shift)) }
        return bytes
    }

    private static func packed(_ digits: some Collection<UInt8>) -> (UInt64, UInt64, UInt32)? {
        guard digits.count == 40 else { return nil }
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
        for (position, digit) in digits.enumerated() {
            let value: UInt64
            switch digit {
            case 0x30...0x39: value = UInt64(digit - 0x30)
            case 0x61...0x66: value = UInt64(digit - 0x61 + 10)
            default: return nil
            }
            switch position {
            case 0..<16: words.0 = words.0 << 4 | value
            case 16..<32: words.1 = words.1 << 4 | value
            default: words.2 = words.2 << 4 | value
            }
        }
        return (words.0, words.1, UInt32(words.2))
    }

    private static func writeHex(
        _ word: UInt64, digits: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int
    ) {
        let alphabet: StaticString = "0123456789abcdef"
        for index in 0..<digits {
            let nibble = Int(truncatingIfNeeded: word >> UInt64(4 * (digits - 1 - index))) & 0xF
            buffer[start + index] = alphabet.utf8Start[nibble]
        }
    }
}

extension ObjectID {
    /// The id as a pack index names it; nil for an id that is not SHA-1.
    var sha1Name: SHA1Name? {
        guard case .sha1(let first, let second, let third) = storage else { return nil }
        return SHA1Name(high: first, middle: second, low: third)
    }
}

extension ObjectID {
    /// The id of a name read from a pack or commit.
    init(_ name: SHA1Name) {
        storage = .sha1(name.high, name.middle, name.low)
    }
}
