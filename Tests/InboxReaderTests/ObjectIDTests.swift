import Testing

@testable import InboxReader

@Suite struct ObjectIDTests {
    static let sha1 = "0123456789abcdef0123456789abcdef01234567"

    @Test func aSHA1IdIsKeptExactlyAndGivesItsTwentyBytes() {
        let id = ObjectID(Self.sha1)
        #expect(id.text == Self.sha1)
        #expect(
            id.sha1Bytes == [
                0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0x01, 0x23,
                0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0x01, 0x23, 0x45, 0x67,
            ])
        #expect(ObjectID(digits: Array(Self.sha1.utf8)) == id)
        #expect(ObjectID("ffffffffffffffffffffffffffffffffffffffff").text == String(repeating: "f", count: 40))
        #expect(ObjectID(String(repeating: "0", count: 40)).text == String(repeating: "0", count: 40))
    }

    @Test func anyOtherIdIsKeptAsItsTextWithoutBytes() {
        let others = [
            "c1", "",
            Self.sha1.uppercased(),  // git prints lower case: upper case is kept as given, not folded
            Self.sha1 + Self.sha1.prefix(24),  // SHA-256: 64 digits
            "0123456789abcdef0123456789abcdef0123456g",
        ]
        for text in others {
            let id = ObjectID(text)
            #expect(id.text == text)
            #expect(id.sha1Bytes == nil)
        }
        #expect(ObjectID(Self.sha1.uppercased()) != ObjectID(Self.sha1))
    }

    @Test func aCommitRefGivesBackTheIdItWasMadeWith() {
        var commit = CommitRef(epoch: 0, oid: Self.sha1, commitTime: 1)
        #expect(commit.oid == Self.sha1)
        commit.oid = "c2"
        #expect(commit.oid == "c2")
        #expect(commit == CommitRef(epoch: 0, oid: "c2", commitTime: 1))
    }

    @Test func aCommitRefTakesNoMoreThanSixtyFourBytes() {
        #expect(MemoryLayout<CommitRef>.stride <= 64)
    }
}

@Suite struct LineSplitterTests {
    /// The lines of `chunks` fed one after another.
    static func lines(_ chunks: [String]) throws -> [String] {
        var splitter = LineSplitter()
        var lines: [String] = []
        for chunk in chunks {
            try Array(chunk.utf8).withUnsafeBytes { bytes in
                try splitter.append(bytes) { lines.append(String(decoding: $0, as: UTF8.self)) }
            }
        }
        try splitter.finish { lines.append(String(decoding: $0, as: UTF8.self)) }
        return lines
    }

    @Test func linesAcrossChunksAreJoinedAndTheLastNeedsNoLineEnd() throws {
        #expect(try Self.lines(["ab\ncd", "ef\n", "gh"]) == ["ab", "cdef", "gh"])
        #expect(try Self.lines(["a", "b", "c\n"]) == ["abc"])
        #expect(try Self.lines(["\n\nx\n"]) == ["", "", "x"])
        #expect(try Self.lines([]) == [])
    }
}
