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
        let total = totalBytes
        // 0x80, zeros up to 8 bytes short of a block's end, the length in bits: at most 72 bytes,
        // written on the stack (a patch-id finalizes once per file of the patch).
        let paddingLength = (blockCount < 56 ? 56 : 120) - blockCount + 8
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { padding in
            padding.initialize(repeating: 0)
            padding[0] = 0x80
            for index in 0..<8 {
                padding[paddingLength - 8 + index] = UInt8(truncatingIfNeeded: bitLength >> UInt64(56 - 8 * index))
            }
            update(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: padding[0..<paddingLength])))
        }
        totalBytes = total
        let words = (h0, h1, h2, h3, h4)
        let digest = [UInt8](unsafeUninitializedCapacity: 20) { buffer, count in
            withUnsafeBytes(of: words) { raw in
                for index in 0..<5 {
                    let word = raw.load(fromByteOffset: index * 4, as: UInt32.self)
                    for byte in 0..<4 {
                        buffer[index * 4 + byte] = UInt8(truncatingIfNeeded: word >> UInt32(24 - 8 * byte))
                    }
                }
            }
            count = 20
        }
        self = SHA1()
        return digest
    }

    @inline(__always)
    private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value << count) | (value >> (32 &- count))
    }

    /// One 64-byte block: 80 rounds over a 16-word ring, unrolled by five so that the five
    /// working variables change roles instead of places.
    private mutating func compress(_ pointer: UnsafeRawPointer) {
        var w0 = Self.word(pointer, 0)
        var w1 = Self.word(pointer, 1)
        var w2 = Self.word(pointer, 2)
        var w3 = Self.word(pointer, 3)
        var w4 = Self.word(pointer, 4)
        var w5 = Self.word(pointer, 5)
        var w6 = Self.word(pointer, 6)
        var w7 = Self.word(pointer, 7)
        var w8 = Self.word(pointer, 8)
        var w9 = Self.word(pointer, 9)
        var w10 = Self.word(pointer, 10)
        var w11 = Self.word(pointer, 11)
        var w12 = Self.word(pointer, 12)
        var w13 = Self.word(pointer, 13)
        var w14 = Self.word(pointer, 14)
        var w15 = Self.word(pointer, 15)
        var a = h0
        var b = h1
        var c = h2
        var d = h3
        var e = h4

        @inline(__always) func choose(_ b: UInt32, _ c: UInt32, _ d: UInt32) -> UInt32 { d ^ (b & (c ^ d)) }
        @inline(__always) func parity(_ b: UInt32, _ c: UInt32, _ d: UInt32) -> UInt32 { b ^ c ^ d }
        @inline(__always) func majority(_ b: UInt32, _ c: UInt32, _ d: UInt32) -> UInt32 { (b & c) | (d & (b | c)) }
        @inline(__always) func round(
            _ a: UInt32, _ b: inout UInt32, _ e: inout UInt32, _ f: UInt32, _ k: UInt32, _ w: UInt32
        ) {
            e = e &+ Self.rotate(a, 5) &+ f &+ k &+ w
            b = Self.rotate(b, 30)
        }
        /// The next schedule word, written back into the ring: w[t] = rotl1(w[t-3]^w[t-8]^w[t-14]^w[t-16]).
        @inline(__always) func next(_ w: inout UInt32, _ w3: UInt32, _ w8: UInt32, _ w14: UInt32) -> UInt32 {
            w = Self.rotate(w3 ^ w8 ^ w14 ^ w, 1)
            return w
        }

        let k0: UInt32 = 0x5A82_7999
        let k1: UInt32 = 0x6ED9_EBA1
        let k2: UInt32 = 0x8F1B_BCDC
        let k3: UInt32 = 0xCA62_C1D6
        // Rounds 0-15 take the block's own words, the later ones the next schedule word.
        round(a, &b, &e, choose(b, c, d), k0, w0)
        round(e, &a, &d, choose(a, b, c), k0, w1)
        round(d, &e, &c, choose(e, a, b), k0, w2)
        round(c, &d, &b, choose(d, e, a), k0, w3)
        round(b, &c, &a, choose(c, d, e), k0, w4)
        round(a, &b, &e, choose(b, c, d), k0, w5)
        round(e, &a, &d, choose(a, b, c), k0, w6)
        round(d, &e, &c, choose(e, a, b), k0, w7)
        round(c, &d, &b, choose(d, e, a), k0, w8)
        round(b, &c, &a, choose(c, d, e), k0, w9)
        round(a, &b, &e, choose(b, c, d), k0, w10)
        round(e, &a, &d, choose(a, b, c), k0, w11)
        round(d, &e, &c, choose(e, a, b), k0, w12)
        round(c, &d, &b, choose(d, e, a), k0, w13)
        round(b, &c, &a, choose(c, d, e), k0, w14)
        round(a, &b, &e, choose(b, c, d), k0, w15)
        round(e, &a, &d, choose(a, b, c), k0, next(&w0, w13, w8, w2))
        round(d, &e, &c, choose(e, a, b), k0, next(&w1, w14, w9, w3))
        round(c, &d, &b, choose(d, e, a), k0, next(&w2, w15, w10, w4))
        round(b, &c, &a, choose(c, d, e), k0, next(&w3, w0, w11, w5))
        round(a, &b, &e, parity(b, c, d), k1, next(&w4, w1, w12, w6))
        round(e, &a, &d, parity(a, b, c), k1, next(&w5, w2, w13, w7))
        round(d, &e, &c, parity(e, a, b), k1, next(&w6, w3, w14, w8))
        round(c, &d, &b, parity(d, e, a), k1, next(&w7, w4, w15, w9))
        round(b, &c, &a, parity(c, d, e), k1, next(&w8, w5, w0, w10))
        round(a, &b, &e, parity(b, c, d), k1, next(&w9, w6, w1, w11))
        round(e, &a, &d, parity(a, b, c), k1, next(&w10, w7, w2, w12))
        round(d, &e, &c, parity(e, a, b), k1, next(&w11, w8, w3, w13))
        round(c, &d, &b, parity(d, e, a), k1, next(&w12, w9, w4, w14))
        round(b, &c, &a, parity(c, d, e), k1, next(&w13, w10, w5, w15))
        round(a, &b, &e, parity(b, c, d), k1, next(&w14, w11, w6, w0))
        round(e, &a, &d, parity(a, b, c), k1, next(&w15, w12, w7, w1))
        round(d, &e, &c, parity(e, a, b), k1, next(&w0, w13, w8, w2))
        round(c, &d, &b, parity(d, e, a), k1, next(&w1, w14, w9, w3))
        round(b, &c, &a, parity(c, d, e), k1, next(&w2, w15, w10, w4))
        round(a, &b, &e, parity(b, c, d), k1, next(&w3, w0, w11, w5))
        round(e, &a, &d, parity(a, b, c), k1, next(&w4, w1, w12, w6))
        round(d, &e, &c, parity(e, a, b), k1, next(&w5, w2, w13, w7))
        round(c, &d, &b, parity(d, e, a), k1, next(&w6, w3, w14, w8))
        round(b, &c, &a, parity(c, d, e), k1, next(&w7, w4, w15, w9))
        round(a, &b, &e, majority(b, c, d), k2, next(&w8, w5, w0, w10))
        round(e, &a, &d, majority(a, b, c), k2, next(&w9, w6, w1, w11))
        round(d, &e, &c, majority(e, a, b), k2, next(&w10, w7, w2, w12))
        round(c, &d, &b, majority(d, e, a), k2, next(&w11, w8, w3, w13))
        round(b, &c, &a, majority(c, d, e), k2, next(&w12, w9, w4, w14))
        round(a, &b, &e, majority(b, c, d), k2, next(&w13, w10, w5, w15))
        round(e, &a, &d, majority(a, b, c), k2, next(&w14, w11, w6, w0))
        round(d, &e, &c, majority(e, a, b), k2, next(&w15, w12, w7, w1))
        round(c, &d, &b, majority(d, e, a), k2, next(&w0, w13, w8, w2))
        round(b, &c, &a, majority(c, d, e), k2, next(&w1, w14, w9, w3))
        round(a, &b, &e, majority(b, c, d), k2, next(&w2, w15, w10, w4))
        round(e, &a, &d, majority(a, b, c), k2, next(&w3, w0, w11, w5))
        round(d, &e, &c, majority(e, a, b), k2, next(&w4, w1, w12, w6))
        round(c, &d, &b, majority(d, e, a), k2, next(&w5, w2, w13, w7))
        round(b, &c, &a, majority(c, d, e), k2, next(&w6, w3, w14, w8))
        round(a, &b, &e, majority(b, c, d), k2, next(&w7, w4, w15, w9))
        round(e, &a, &d, majority(a, b, c), k2, next(&w8, w5, w0, w10))
        round(d, &e, &c, majority(e, a, b), k2, next(&w9, w6, w1, w11))
        round(c, &d, &b, majority(d, e, a), k2, next(&w10, w7, w2, w12))
        round(b, &c, &a, majority(c, d, e), k2, next(&w11, w8, w3, w13))
        round(a, &b, &e, parity(b, c, d), k3, next(&w12, w9, w4, w14))
        round(e, &a, &d, parity(a, b, c), k3, next(&w13, w10, w5, w15))
        round(d, &e, &c, parity(e, a, b), k3, next(&w14, w11, w6, w0))
        round(c, &d, &b, parity(d, e, a), k3, next(&w15, w12, w7, w1))
        round(b, &c, &a, parity(c, d, e), k3, next(&w0, w13, w8, w2))
        round(a, &b, &e, parity(b, c, d), k3, next(&w1, w14, w9, w3))
        round(e, &a, &d, parity(a, b, c), k3, next(&w2, w15, w10, w4))
        round(d, &e, &c, parity(e, a, b), k3, next(&w3, w0, w11, w5))
        round(c, &d, &b, parity(d, e, a), k3, next(&w4, w1, w12, w6))
        round(b, &c, &a, parity(c, d, e), k3, next(&w5, w2, w13, w7))
        round(a, &b, &e, parity(b, c, d), k3, next(&w6, w3, w14, w8))
        round(e, &a, &d, parity(a, b, c), k3, next(&w7, w4, w15, w9))
        round(d, &e, &c, parity(e, a, b), k3, next(&w8, w5, w0, w10))
        round(c, &d, &b, parity(d, e, a), k3, next(&w9, w6, w1, w11))
        round(b, &c, &a, parity(c, d, e), k3, next(&w10, w7, w2, w12))
        round(a, &b, &e, parity(b, c, d), k3, next(&w11, w8, w3, w13))
        round(e, &a, &d, parity(a, b, c), k3, next(&w12, w9, w4, w14))
        round(d, &e, &c, parity(e, a, b), k3, next(&w13, w10, w5, w15))
        round(c, &d, &b, parity(d, e, a), k3, next(&w14, w11, w6, w0))
        round(b, &c, &a, parity(c, d, e), k3, next(&w15, w12, w7, w1))
        h0 &+= a
        h1 &+= b
        h2 &+= c
        h3 &+= d
        h4 &+= e
    }

    @inline(__always)
    private static func word(_ pointer: UnsafeRawPointer, _ index: Int) -> UInt32 {
        UInt32(bigEndian: pointer.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
    }
}
