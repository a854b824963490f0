import Foundation
import TestSupport
import Testing

@testable import InboxReader

/// The pack reader against libgit2 (and git) on packs of every shape git writes: deltas against
/// offsets and against names, long chains, 64-bit offsets, objects left loose, damage.
@Suite struct PackObjectReaderTests {
    /// Mails alike enough for git to store most as deltas against each other: each differs from
    /// the one before in one line and from others in more, so the pack chains them deeply.
    static func similarMail(_ index: Int) -> [UInt8] {
        let body = (0..<150).map { $0 < index ? "line \($0) was changed\n" : "line \($0) is original\n" }.joined()
        return Array(
            "From: Tester <t@example.org>\nSubject: [PATCH] similar \(index)\nMessage-ID: <\(index)@example.org>\n\n\(body)"
                .utf8)
    }

    /// An epoch of 120 similar mails and one deletion at `git`, repacked by `repack` (a shell
    /// command run in the git directory).
    static func epoch(at git: String, repack: String) async throws -> [CommitRef] {
        var entries = (0..<120).map { ArchiveEntry.mail(similarMail($0)) }
        entries.insert(.deletion(similarMail(3)), at: 60)
        try await ArchiveWriter.writeEpoch(entries: entries, to: git)
        try run("cd '\(git)' && \(repack)")
        let inbox = try Inbox.open(git)
        return try await inbox.resolve(RevisionRange()).commits
    }

    @discardableResult
    static func run(_ script: String) throws -> String {
        let result = try CommandRunner.shell(script)
        #expect(result.exitCode == 0, "\(script): \(result.standardError)")
        return result.standardOutput
    }

    /// Every commit read by the pack reader, checked against libgit2; returns the answers.
    static func readAll(_ commits: [CommitRef], in git: String) throws -> [PackObjectReader.Answer] {
        let store = try #require(PackObjectStore(gitDirectory: git))
        let reader = try #require(PackObjectReader(store: store, baseCacheBytes: 64 << 10))
        let libgit2 = try #require(PackRepository(gitDirectory: git))
        return try commits.map { commit in
            let answer = reader.file("m", of: commit.objectID)
            if case .elsewhere = answer { return answer }
            let expected = try libgit2.file("m", of: commit)
            #expect(answer == (expected.map { .file($0) } ?? .noSuchFile), "commit \(commit.oid)")
            return answer
        }
    }

    /// The entry types (1-4 whole, 6 offset delta, 7 name delta) and the deepest chain of `git`'s pack.
    static func packShape(_ git: String) throws -> (types: Set<UInt8>, depth: Int) {
        let listing = try run("cd '\(git)' && git verify-pack -v objects/pack/pack-*.idx")
        let pack = try Data(
            contentsOf: URL(
                fileURLWithPath: try run("ls '\(git)'/objects/pack/pack-*.pack").trimmingCharacters(
                    in: .whitespacesAndNewlines)))
        var types: Set<UInt8> = []
        var depth = 0
        for line in listing.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 5, fields[0].count == 40, let offset = Int(fields[4]) else { continue }
            types.insert((pack[offset] >> 4) & 7)
            if fields.count >= 7, let chain = Int(fields[5]) { depth = max(depth, chain) }
        }
        return (types, depth)
    }

    @Test func readsOffsetDeltasAndLongChainsAsLibgit2Does() async throws {
        let directory = try TemporaryDirectory()
        let git = directory.path + "/0.git"
        let commits = try await Self.epoch(at: git, repack: "git repack -adfq --window=250 --depth=50")
        let shape = try Self.packShape(git)
        #expect(shape.types.contains(6) && !shape.types.contains(7))
        #expect(shape.depth >= 10, "the pack should hold long delta chains, deepest \(shape.depth)")
        let answers = try Self.readAll(commits, in: git)
        #expect(answers.filter { $0 == .noSuchFile }.count == 1)
        #expect(!answers.contains(.elsewhere))
    }

    @Test func readsNameDeltas() async throws {
        let directory = try TemporaryDirectory()
        let git = directory.path + "/0.git"
        let commits = try await Self.epoch(
            at: git, repack: "git -c repack.useDeltaBaseOffset=false repack -adfq --window=250 --depth=50")
        #expect(try Self.packShape(git).types.contains(7))
        let answers = try Self.readAll(commits, in: git)
        #expect(!answers.contains(.elsewhere))
    }

    @Test func readsAnIndexWithLargeOffsets() async throws {
        let directory = try TemporaryDirectory()
        let git = directory.path + "/0.git"
        // Every offset but the first (12) in the index's 64-bit table, as in a pack over 2 GiB (git
        // refuses an index whose table has as many entries as the pack has objects).
        let commits = try await Self.epoch(
            at: git,
            repack: "git repack -adfq && cd objects/pack && for p in pack-*.pack; do i=${p%.pack}.idx; "
                + "chmod u+w \"$i\"; rm -f \"$i\"; git index-pack --index-version=2,13 \"$p\" >/dev/null; done")
        let index = try #require(
            PackIndex(
                path: try Self.run("ls '\(git)'/objects/pack/pack-*.idx").trimmingCharacters(
                    in: .whitespacesAndNewlines)))
        #expect(index.count == 121 + 121 + 120)  // commits, trees, blobs (the deletion's `d` is mail 3's)
        let answers = try Self.readAll(commits, in: git)
        #expect(!answers.contains(.elsewhere))
    }

    @Test func leavesLooseObjectsToLibgit2() async throws {
        let directory = try TemporaryDirectory()
        let git = directory.path + "/0.git"
        // The last three commits' objects loose, the rest in a pack, as after a small fetch.
        let commits = try await Self.epoch(
            at: git,
            repack:
                "mkdir ../old && mv objects/pack/* ../old/ && for p in ../old/*.pack; do git unpack-objects -q < \"$p\"; done && "
                + "git rev-list --objects HEAD~3 | git pack-objects -q objects/pack/pack >/dev/null && git prune-packed"
        )
        let answers = try Self.readAll(commits, in: git)
        #expect(answers.suffix(3) == [.elsewhere, .elsewhere, .elsewhere])
        #expect(!answers.dropLast(3).contains(.elsewhere))
        // Through the batches, libgit2 reads the loose three: every mail arrives.
        let inbox = try Inbox.open(git)
        var mails: [RawMail] = []
        for try await batch in inbox.blobs(for: commits, batchSize: 16, workers: 2, readAhead: 1, reader: .packs) {
            mails += batch
        }
        var expected: [RawMail] = []
        for try await batch in inbox.blobs(for: commits, batchSize: 16, workers: 2, readAhead: 1, reader: .catFile) {
            expected += batch
        }
        #expect(mails == expected)
    }

    @Test func aDamagedObjectIsLeftToLibgit2WhichReportsIt() async throws {
        let directory = try TemporaryDirectory()
        let git = directory.path + "/0.git"
        let commits = try await Self.epoch(at: git, repack: "git repack -adfq --depth=0")
        // One byte in the middle of the 40th mail's deflated blob, flipped.
        let blob = try Self.run("git --git-dir='\(git)' rev-parse \(commits[40].oid):m").trimmingCharacters(
            in: .whitespacesAndNewlines)
        let listing = try Self.run("cd '\(git)' && git verify-pack -v objects/pack/pack-*.idx | grep '^\(blob) '")
        let fields = listing.split(whereSeparator: \.isWhitespace)
        let packedSize = try #require(Int(fields[3]))
        let offset = try #require(Int(fields[4]))
        let packPath = try Self.run("ls '\(git)'/objects/pack/pack-*.pack").trimmingCharacters(
            in: .whitespacesAndNewlines)
        var pack = try Data(contentsOf: URL(fileURLWithPath: packPath))
        pack[offset + packedSize / 2] ^= 0x55
        try Self.run("chmod u+w '\(packPath)'")
        try pack.write(to: URL(fileURLWithPath: packPath))
        let store = try #require(PackObjectStore(gitDirectory: git))
        let reader = try #require(PackObjectReader(store: store))
        #expect(reader.file("m", of: commits[40].objectID) == .elsewhere)
        #expect(reader.file("m", of: commits[41].objectID) != .elsewhere)
        let inbox = try Inbox.open(git)
        await #expect {
            for try await _ in inbox.blobs(for: commits, batchSize: 16, workers: 1, readAhead: 1, reader: .packs) {}
        } throws: { error in
            (error as? InboxError)?.code == .damagedArchive
        }
    }

    @Test func aMalformedIndexLeavesTheRepositoryToLibgit2() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/bad.idx"
        // Right magic and version, fan-out claiming more objects than the file holds.
        var bytes: [UInt8] = [0xff, 0x74, 0x4f, 0x63, 0, 0, 0, 2]
        bytes += Array(repeating: 0, count: 255 * 4) + [0, 0, 1, 0]
        try Data(bytes + Array(repeating: 0, count: 40)).write(to: URL(fileURLWithPath: path))
        #expect(PackIndex(path: path) == nil)
        try Data([0xff, 0x74, 0x4f, 0x63, 0, 0, 0, 1] + Array(repeating: 0, count: 2000)).write(
            to: URL(fileURLWithPath: path))
        #expect(PackIndex(path: path) == nil)
    }
}

@Suite struct DeltaInstructionsTests {
    let base = Array("0123456789abcdefghij".utf8)

    @Test func copiesAndInserts() {
        // Base size 20, result size 9: copy 4 bytes at 2, insert "XY", copy 3 bytes at 17.
        let delta: [UInt8] = [20, 9, 0x91, 2, 4, 2, 0x58, 0x59, 0x91, 17, 3]
        #expect(DeltaInstructions.apply(delta, to: base, largest: 1 << 20) == Array("2345XYhij".utf8))
    }

    @Test func aCopyOfNoLengthCopies64KiB() {
        let large = [UInt8](repeating: 7, count: 0x10000)
        // Base size 65,536 and result size 65,536 as base-128 numbers; copy from 0 with no length.
        let delta: [UInt8] = [0x80, 0x80, 0x04, 0x80, 0x80, 0x04, 0x80]
        #expect(DeltaInstructions.apply(delta, to: large, largest: 1 << 20) == large)
    }

    @Test(arguments: [
        [21, 4, 0x91, 0, 4] as [UInt8],  // the base has another size
        [20, 4, 0x91, 18, 4],  // a copy past the base's end
        [20, 4, 0x91, 0, 5],  // more than the result's size
        [20, 4, 0x91, 0, 3],  // less than the result's size
        [20, 1, 0],  // the reserved instruction
        [20, 3, 5, 0x41],  // an insert past the delta's end
        [20, 4, 0x91, 0],  // a copy cut short
        [20, 0x80],  // a size cut short
    ])
    func aDeltaThatDoesNotFitIsRefused(delta: [UInt8]) {
        #expect(DeltaInstructions.apply(delta, to: base, largest: 1 << 20) == nil)
    }

    @Test func aResultLargerThanAllowedIsRefused() {
        #expect(DeltaInstructions.apply([20, 0x80, 0x08, 0x91, 0, 4], to: base, largest: 1000) == nil)
    }
}

@Suite struct TreeEntriesTests {
    static func entry(_ mode: String, _ name: String, id: UInt8) -> [UInt8] {
        Array("\(mode) \(name)".utf8) + [0] + Array(repeating: id, count: 20)
    }

    @Test func findsTheNamedEntryAmongOthers() {
        let tree =
            Self.entry("100644", "d", id: 1) + Self.entry("100644", "m", id: 2) + Self.entry("40000", "mm", id: 3)
        let two = SHA1Name(high: 0x0202_0202_0202_0202, middle: 0x0202_0202_0202_0202, low: 0x0202_0202)
        #expect(TreeEntries.find("m", in: tree) == .found(two))
        #expect(TreeEntries.find("x", in: tree) == .absent)
        #expect(TreeEntries.find("m", in: []) == .absent)
    }

    @Test func aCutTreeIsMalformed() {
        let tree = Self.entry("100644", "d", id: 1)
        #expect(TreeEntries.find("m", in: Array(tree.dropLast())) == .malformed)
        #expect(TreeEntries.find("m", in: Array("100644m".utf8)) == .malformed)
    }

    @Test func aCommitNamesItsTree() {
        let commit = Array("tree 0123456789abcdef0123456789abcdef01234567\nauthor x\n".utf8)
        #expect(
            PackObjectReader.treeName(ofCommit: commit)
                == SHA1Name(high: 0x0123_4567_89ab_cdef, middle: 0x0123_4567_89ab_cdef, low: 0x0123_4567))
        #expect(PackObjectReader.treeName(ofCommit: Array("tree 0123\n".utf8)) == nil)
        #expect(
            PackObjectReader.treeName(ofCommit: Array("tree 0123456789ABCDEF0123456789abcdef01234567\n".utf8)) == nil)
    }
}
