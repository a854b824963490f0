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
        storage = SHA1Name(hexDigits: text.utf8).map { .sha1($0.high, $0.middle, $0.low) } ?? .text(text)
    }

    /// The id from its digits as git printed them (no string is made for a SHA-1 id).
    package init(digits: some Collection<UInt8>) {
        storage =
            SHA1Name(hexDigits: digits).map { .sha1($0.high, $0.middle, $0.low) }
            ?? .text(String(decoding: digits, as: UTF8.self))
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
