internal import MailParser

/// Finds line feeds in UTF-8 bytes eight at a time: the body scanners of patch mails (patch-id,
/// change-id, diff detection) walk every line of every patch, and a byte-by-byte search was most
/// of their cost.
enum LineFeedSearch {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080
    private static let lineFeeds: UInt64 = 0x0A0A_0A0A_0A0A_0A0A

    /// The index of the first LF at or after `start`, or `bytes.count` when there is none.
    /// - Complexity: O(*n*), a word per step.
    @inline(__always)
    static func next(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        let count = bytes.count
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) ^ lineFeeds
                // A zero byte of `word` is an LF of the input (the classic has-zero-byte test; its
                // lowest set high bit marks the first one).
                let found = (word &- ones) & ~word & highs
                if found != 0 { return index + found.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < count, bytes[index] != ASCII.lf { index += 1 }
        return index
    }
}
