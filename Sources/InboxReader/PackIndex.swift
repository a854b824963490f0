/// A version 2 pack index (`objects/pack/pack-*.idx`): where each object of its pack starts.
///
/// Layout (git's Documentation/gitformat-pack.txt): magic `\377tOc`, version 2, 256 fan-out counts,
/// the sorted 20-byte names, their CRC-32s, 4-byte offsets (high bit set: an index into the
/// 8-byte offsets that follow, for packs over 2 GiB), then two checksums. Every read is bounds
/// checked at opening, so a truncated or hostile index is refused, never read past its end.
struct PackIndex: Sendable {
    private let file: MappedFile
    let count: Int
    private let namesStart = 8 + 256 * 4
    private var offsetsStart: Int { namesStart + count * 24 }
    private var largeOffsetsStart: Int { namesStart + count * 28 }
    private let largeOffsetCount: Int

    /// Opens the index at `path`; nil when it is not a well-formed version 2 index (the reader
    /// then leaves the repository to libgit2).
    init?(path: String) {
        guard let file = MappedFile(path: path) else { return nil }
        let bytes = file.bytes
        guard bytes.count >= 8 + 1024 + 40, bytes.loadBigEndianUInt32(at: 0) == 0xff74_4f63,
            bytes.loadBigEndianUInt32(at: 4) == 2
        else { return nil }
        let count = Int(bytes.loadBigEndianUInt32(at: 8 + 255 * 4))
        let fixed = 8 + 1024 + count * 28 + 40
        guard bytes.count >= fixed, (bytes.count - fixed) % 8 == 0 else { return nil }
        self.file = file
        self.count = count
        self.largeOffsetCount = (bytes.count - fixed) / 8
    }

    /// Where the object named `id` starts in the pack; nil when the pack does not hold it (or the
    /// index names an offset it does not have).
    func offset(of id: SHA1Name) -> Int? {
        let bytes = file.bytes
        let first = Int(id.firstByte)
        var low = first == 0 ? 0 : Int(bytes.loadBigEndianUInt32(at: 8 + (first - 1) * 4))
        var high = Int(bytes.loadBigEndianUInt32(at: 8 + first * 4))
        guard low <= high, high <= count else { return nil }
        while low < high {
            let middle = (low + high) / 2
            let name = SHA1Name(bytes, at: namesStart + middle * 20)
            if name == id { return offset(at: middle) }
            if name < id { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    private func offset(at position: Int) -> Int? {
        let small = file.bytes.loadBigEndianUInt32(at: offsetsStart + position * 4)
        if small & 0x8000_0000 == 0 { return Int(small) }
        let large = Int(small & 0x7fff_ffff)
        guard large < largeOffsetCount else { return nil }
        let value = file.bytes.loadBigEndianUInt64(at: largeOffsetsStart + large * 8)
        return value > UInt64(Int.max) ? nil : Int(value)
    }
}

/// A SHA-1 object name as three big-endian words, so that names compare as their bytes do.
struct SHA1Name: Hashable, Comparable, Sendable {
    var high: UInt64
    var middle: UInt64
    var low: UInt32

    var firstByte: UInt8 { UInt8(truncatingIfNeeded: high >> 56) }

    /// The name in the 20 bytes at `start` of `bytes` (the caller checked the bounds).
    init(_ bytes: UnsafeRawBufferPointer, at start: Int) {
        high = bytes.loadBigEndianUInt64(at: start)
        middle = bytes.loadBigEndianUInt64(at: start + 8)
        low = bytes.loadBigEndianUInt32(at: start + 16)
    }

    init(high: UInt64, middle: UInt64, low: UInt32) {
        self.high = high
        self.middle = middle
        self.low = low
    }

    /// The name written as 40 lower-case hexadecimal digits at `start`; nil for anything else.
    init?(hexDigits bytes: UnsafeRawBufferPointer, at start: Int) {
        guard start >= 0, start + 40 <= bytes.count else { return nil }
        self.init(hexDigits: bytes[start..<(start + 40)])
    }

    /// The name written as exactly 40 lower-case hexadecimal digits (as git prints it); nil for
    /// anything else.
    init?(hexDigits digits: some Collection<UInt8>) {
        guard digits.count == 40 else { return nil }
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
        for (position, digit) in digits.enumerated() {
            let value: UInt64
            if digit >= 0x30, digit <= 0x39 {
                value = UInt64(digit &- 0x30)
            } else if digit >= 0x61, digit <= 0x66 {
                value = UInt64(digit &- 0x57)
            } else {
                return nil
            }
            switch position {
            case 0..<16: words.0 = words.0 << 4 | value
            case 16..<32: words.1 = words.1 << 4 | value
            default: words.2 = words.2 << 4 | value
            }
        }
        self.init(high: words.0, middle: words.1, low: UInt32(truncatingIfNeeded: words.2))
    }

    static func < (left: SHA1Name, right: SHA1Name) -> Bool {
        if left.high != right.high { return left.high < right.high }
        if left.middle != right.middle { return left.middle < right.middle }
        return left.low < right.low
    }
}

extension UnsafeRawBufferPointer {
    /// The big-endian 32-bit word at `offset` (unaligned; the caller checked the bounds).
    func loadBigEndianUInt32(at offset: Int) -> UInt32 {
        UInt32(bigEndian: loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    /// The big-endian 64-bit word at `offset` (unaligned; the caller checked the bounds).
    func loadBigEndianUInt64(at offset: Int) -> UInt64 {
        UInt64(bigEndian: loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
}
