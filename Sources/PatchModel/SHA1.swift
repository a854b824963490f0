/// SHA-1 (FIPS 180-4), streaming, for patch-ids: git computes them with SHA-1 and prints them as
/// 40 hex digits, so ours must be the same function. Not for security.
///
/// Written here because Linux has no SHA-1 in the standard library and swift-crypto would pull in
/// BoringSSL for one function. The state and the 64-byte block live inline (no heap allocation);
/// `update` hashes whole blocks straight from the caller's buffer.
/// - Complexity: O(*n*) in the bytes hashed.
package struct SHA1: Sendable {
    private var h0: UInt32 = 0x6745_2301
    private var h1: UInt32 = 0xEFCD_AB89
    private var h2: UInt32 = 0x98BA_DCFE
    private var h3: UInt32 = 0x1032_5476
    private var h4: UInt32 = 0xC3D2_E1F0
    /// The partial block: 64 bytes, inline.
    private var block: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var blockCount = 0
    private var totalBytes: UInt64 = 0

    package init() {}

    /// The digest of `bytes` in one call.
    package static func digest(of bytes: some Sequence<UInt8>) -> [UInt8] {
        var hasher = SHA1()
        let array = Array(bytes)
        array.withUnsafeBytes { hasher.update($0) }
        return hasher.finalize()
    }

    /// Adds bytes to the message.
    package mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var input = bytes.baseAddress, !bytes.isEmpty else { return }
        var remaining = bytes.count
        totalBytes &+= UInt64(remaining)
        if blockCount > 0 {
            let take = min(64 - blockCount, remaining)
            withUnsafeMutableBytes(of: &block) { buffer in
                // Safe to force unwrap: a tuple's bytes always have an address.
                (buffer.baseAddress! + blockCount).copyMemory(from: input, byteCount: take)
            }
            blockCount += take
            input += take
            remaining -= take
            guard blockCount == 64 else { return }
            var copy = block
            withUnsafeBytes(of: &copy) { compress($0.baseAddress!) }
            blockCount = 0
        }
        while remaining >= 64 {
            compress(input)
            input += 64
            remaining -= 64
        }
        if remaining > 0 {
            withUnsafeMutableBytes(of: &block) { buffer in
                buffer.baseAddress!.copyMemory(from: input, byteCount: remaining)
            }
            blockCount = remaining
        }
    }

    /// Pads, hashes the last block(s) and returns the 20-byte digest; the hasher starts over.
    package mutating func finalize() -> [UInt8] {
        let bitLength = totalBytes &* 8
        var padding: [UInt8] = [0x80]
        let padTo = blockCount < 56 ? 56 : 120
        padding += [UInt8](repeating: 0, count: padTo - blockCount - 1)
        for shift in stride(from: 56, through: 0, by: -8) {
            padding.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }
        let total = totalBytes
        padding.withUnsafeBytes { update($0) }
        totalBytes = total
        var digest: [UInt8] = []
        digest.reserveCapacity(20)
        for word in [h0, h1, h2, h3, h4] {
            digest.append(UInt8(truncatingIfNeeded: word >> 24))
            digest.append(UInt8(truncatingIfNeeded: word >> 16))
            digest.append(UInt8(truncatingIfNeeded: word >> 8))
            digest.append(UInt8(truncatingIfNeeded: word))
        }
        self = SHA1()
        return digest
    }

    @inline(__always)
    private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value << count) | (value >> (32 &- count))
    }

    /// One 64-byte block.
    private mutating func compress(_ pointer: UnsafeRawPointer) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 80) { w in
            for index in 0..<16 {
                let raw = pointer.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)
                w[index] = UInt32(bigEndian: raw)
            }
            for index in 16..<80 {
                w[index] = Self.rotate(w[index - 3] ^ w[index - 8] ^ w[index - 14] ^ w[index - 16], 1)
            }
            var a = h0
            var b = h1
            var c = h2
            var d = h3
            var e = h4
            for index in 0..<20 {
                let f = (b & c) | (~b & d)
                let temp = Self.rotate(a, 5) &+ f &+ e &+ 0x5A82_7999 &+ w[index]
                e = d
                d = c
                c = Self.rotate(b, 30)
                b = a
                a = temp
            }
            for index in 20..<40 {
                let temp = Self.rotate(a, 5) &+ (b ^ c ^ d) &+ e &+ 0x6ED9_EBA1 &+ w[index]
                e = d
                d = c
                c = Self.rotate(b, 30)
                b = a
                a = temp
            }
            for index in 40..<60 {
                let f = (b & c) | (b & d) | (c & d)
                let temp = Self.rotate(a, 5) &+ f &+ e &+ 0x8F1B_BCDC &+ w[index]
                e = d
                d = c
                c = Self.rotate(b, 30)
                b = a
                a = temp
            }
            for index in 60..<80 {
                let temp = Self.rotate(a, 5) &+ (b ^ c ^ d) &+ e &+ 0xCA62_C1D6 &+ w[index]
                e = d
                d = c
                c = Self.rotate(b, 30)
                b = a
                a = temp
            }
            h0 &+= a
            h1 &+= b
            h2 &+= c
            h3 &+= d
            h4 &+= e
        }
    }
}
