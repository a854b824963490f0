import PatchModel
import Testing

/// The FIPS 180 test vectors (and the longer ones of the NIST examples), whole and fed in pieces.
@Suite struct SHA1Tests {
    static let vectors: [(String, String)] = [
        ("", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        ("abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1"),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "a49b2446a02c645bf419f995b67091253a04a259"
        ),
        ("The quick brown fox jumps over the lazy dog", "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12"),
    ]

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    @Test("FIPS 180 vectors", arguments: vectors)
    func vector(_ input: String, _ expected: String) {
        #expect(Self.hex(SHA1.digest(of: Array(input.utf8))) == expected)
    }

    @Test func aMillionAs() {
        var hasher = SHA1()
        let chunk = [UInt8](repeating: 0x61, count: 1000)
        for _ in 0..<1000 { chunk.withUnsafeBytes { hasher.update($0) } }
        #expect(Self.hex(hasher.finalize()) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    }

    /// Every padding boundary (55, 56, 63, 64, 119, 120 bytes) and every way of cutting the input.
    @Test(arguments: [1, 3, 7, 55, 56, 63, 64, 65, 127])
    func piecesGiveTheSameDigest(chunkSize: Int) {
        for length in [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 200] {
            let input = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let whole = SHA1.digest(of: input)
            var hasher = SHA1()
            var start = 0
            while start < input.count {
                let end = min(start + chunkSize, input.count)
                input[start..<end].withUnsafeBytes { hasher.update($0) }
                // An empty update changes nothing.
                [UInt8]().withUnsafeBytes { hasher.update($0) }
                start = end
            }
            #expect(hasher.finalize() == whole, "length \(length)")
        }
    }

    @Test func finalizeStartsOver() {
        var hasher = SHA1()
        Array("abc".utf8).withUnsafeBytes { hasher.update($0) }
        _ = hasher.finalize()
        Array("abc".utf8).withUnsafeBytes { hasher.update($0) }
        #expect(Self.hex(hasher.finalize()) == "a9993e364706816aba3e25717850c26c9cd0d89d")
    }
}
