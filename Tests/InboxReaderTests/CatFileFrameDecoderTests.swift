import Testing

@testable import InboxReader

@Suite struct CatFileFrameDecoderTests {
    static let blobA: [UInt8] = Array("From: a\n\nhello\n".utf8)
    static let blobB: [UInt8] = Array(0...255).map { UInt8($0) } + Array("\n\n1234 blob 9\n".utf8)
    static let input: [UInt8] =
        Array("aaaa blob \(blobA.count)\n".utf8) + blobA + [0x0A]
        + Array("bbbb:m missing\n".utf8)
        + Array("cccc blob 0\n\n".utf8)
        + Array("dddd blob \(blobB.count)\n".utf8) + blobB + [0x0A]
        + Array("eeee ambiguous\n".utf8)
    static let expected: [CatFileFrame] = [
        .object(oid: "aaaa", type: "blob", bytes: blobA),
        .missing(name: "bbbb:m"),
        .object(oid: "cccc", type: "blob", bytes: []),
        .object(oid: "dddd", type: "blob", bytes: blobB),
        .missing(name: "eeee"),
    ]

    @Test(arguments: Array(1...64) + [100, 300, 1000])
    func dripFedInChunksDecodesEveryFrame(chunkSize: Int) throws {
        var decoder = CatFileFrameDecoder()
        var frames: [CatFileFrame] = []
        var generator = SystemRandomNumberGenerator()
        var offset = 0
        while offset < Self.input.count {
            if Bool.random(using: &generator) { decoder.append([UInt8]()) }  // empty chunks change nothing
            let end = min(offset + chunkSize, Self.input.count)
            decoder.append(Self.input[offset..<end])
            offset = end
            while let frame = try decoder.nextFrame() { frames.append(frame) }
        }
        #expect(frames == Self.expected)
        #expect(decoder.isAtFrameBoundary)
        #expect(decoder.bufferedByteCount == 0)
    }

    @Test func incompleteInputReturnsNilAndKeepsTheBytes() throws {
        var decoder = CatFileFrameDecoder()
        decoder.append(Array("aaaa blob 5\nhel".utf8))
        #expect(try decoder.nextFrame() == nil)
        #expect(!decoder.isAtFrameBoundary)
        #expect(decoder.bufferedByteCount == 3)
        decoder.append(Array("lo".utf8))
        #expect(try decoder.nextFrame() == nil)  // the line feed after the bytes is still missing
        decoder.append([0x0A])
        #expect(try decoder.nextFrame() == .object(oid: "aaaa", type: "blob", bytes: Array("hello".utf8)))
        #expect(try decoder.nextFrame() == nil)
        #expect(decoder.isAtFrameBoundary)
    }

    @Test func malformedHeaderThrows() {
        var decoder = CatFileFrameDecoder()
        decoder.append(Array("not a header at all\n".utf8))
        #expect(throws: InboxError.self) { try decoder.nextFrame() }
    }

    @Test func missingLineFeedAfterTheBytesThrows() {
        var decoder = CatFileFrameDecoder()
        decoder.append(Array("aaaa blob 2\nhiX".utf8))
        #expect(throws: InboxError.self) { try decoder.nextFrame() }
    }

    @Test func overlongHeaderThrows() {
        var decoder = CatFileFrameDecoder()
        decoder.append([UInt8](repeating: 0x61, count: 5000))
        #expect(throws: InboxError.self) { try decoder.nextFrame() }
    }
}
