import Foundation
import TestSupport
import Testing

@testable import InboxReader

/// The listing walked through the packs is rev-list's, and it leaves every history it cannot be
/// sure of to rev-list.
@Suite struct CommitChainTests {
    /// An epoch of `count` mails and a deletion, packed, and its one epoch.
    static func packedEpoch(in directory: TemporaryDirectory, count: Int = 40) async throws -> (Epoch, String) {
        let git = directory.path + "/0.git"
        var entries = (0..<count).map { ArchiveEntry.mail(TestMail.bytes($0)) }
        entries.insert(.deletion(TestMail.bytes(2)), at: count / 2)
        try await ArchiveWriter.writeEpoch(
            entries: entries, to: git, commitTimes: (0..<(count + 1)).map { 1_700_000_000 + Int64($0 * 37 % 11) * 60 })
        try PackObjectReaderTests.run("cd '\(git)' && git repack -adq")
        let tip = try PackObjectReaderTests.run("git --git-dir='\(git)' rev-parse HEAD")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return (Epoch(number: 0, gitDirectory: git), tip)
    }

    @Test func theWalkedListingIsRevList() async throws {
        let directory = try TemporaryDirectory()
        let (epoch, tip) = try await Self.packedEpoch(in: directory)
        let walked = try #require(CommitChain.list(epoch, tip: tip))
        let listed = try await Inbox.list(epoch, [tip], isV1: false, walksPacks: false)
        #expect(walked.count == 41)
        #expect(walked == listed)
        #expect(try await Inbox.list(epoch, [tip], isV1: false) == listed)
        // The walk proved the history one chain: the merge search answers without git.
        #expect(CommitChain.isKnownLinear(epoch.gitDirectory, tip: tip))
        let inbox = try Inbox.open(epoch.gitDirectory)
        #expect(try await inbox.hasMerge(in: inbox.epochs[0], after: nil, through: tip) == false)
    }

    @Test func theWalkKeepsEachCommitsTreeForTheReadersWhoTakeIt() async throws {
        let directory = try TemporaryDirectory()
        let (epoch, tip) = try await Self.packedEpoch(in: directory)
        let walked = try #require(CommitChain.list(epoch, tip: tip))
        let trees = try #require(CommitTrees.take(for: epoch.gitDirectory))
        #expect(CommitTrees.take(for: epoch.gitDirectory) == nil)
        #expect(trees.count == walked.count)
        let named = try PackObjectReaderTests.run(
            "git --git-dir='\(epoch.gitDirectory)' log --format='%H %T' \(tip)"
        ).split(separator: "\n")
        #expect(named.count == walked.count)
        for line in named {
            let fields = line.split(separator: " ").map { SHA1Name(hexDigits: $0.utf8) }
            #expect(trees.tree(of: try #require(fields[0])) == fields[1], "\(line)")
        }
        #expect(trees.tree(of: SHA1Name(high: 0, middle: 0, low: 1)) == nil)
        // A reader given the trees reads each mail as one that inflates each commit for its tree.
        let store = try #require(PackObjectStore(gitDirectory: epoch.gitDirectory))
        let hinted = try #require(PackObjectReader(store: store, trees: trees))
        let plain = try #require(PackObjectReader(store: store))
        for commit in walked { #expect(hinted.file("m", of: commit.objectID) == plain.file("m", of: commit.objectID)) }
        #expect(walked.map { hinted.file("m", of: $0.objectID) }.filter { $0 == .noSuchFile }.count == 1)

        // Reading the epoch takes them: they are let go with the epoch.
        _ = try #require(CommitChain.list(epoch, tip: tip))
        let inbox = try Inbox.open(epoch.gitDirectory)
        var mails = 0
        for try await batch in inbox.blobs(for: walked, batchSize: 8, workers: 2, readAhead: 1, reader: .packs) {
            mails += batch.count
        }
        #expect(mails == walked.count)
        #expect(CommitTrees.take(for: epoch.gitDirectory) == nil)
    }

    @Test func treesBeyondTheBoundAreNotKept() {
        let pairs = (0..<3).map {
            CommitTrees.Pair(
                commit: SHA1Name(high: 1, middle: 0, low: UInt32($0)), tree: SHA1Name(high: 2, middle: 0, low: 0))
        }
        let directory = "/nonexistent/trees-beyond-the-bound.git"
        CommitTrees.record(CommitTrees(pairs), for: directory, limit: 2)
        #expect(CommitTrees.take(for: directory) == nil)
        CommitTrees.record(CommitTrees(pairs), for: directory)
        let kept = CommitTrees.take(for: directory)
        #expect(kept?.count == 3)
        #expect(kept?.tree(of: pairs[2].commit) == pairs[2].tree)
    }

    @Test func aMergeLeavesTheListingToRevList() async throws {
        let directory = try TemporaryDirectory()
        let (epoch, _) = try await Self.packedEpoch(in: directory)
        let git = epoch.gitDirectory
        let merge = try PackObjectReaderTests.run(
            "cd '\(git)' && t=$(git rev-parse HEAD^{tree}) && "
                + "GIT_AUTHOR_NAME=a GIT_AUTHOR_EMAIL=a@x GIT_COMMITTER_NAME=a GIT_COMMITTER_EMAIL=a@x "
                + "git commit-tree -p HEAD -p HEAD~5 -m merge $t"
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        try PackObjectReaderTests.run("cd '\(git)' && git update-ref HEAD \(merge) && git repack -adq")
        #expect(CommitChain.list(epoch, tip: merge) == nil)
        #expect(!CommitChain.isKnownLinear(git, tip: merge))
        let inbox = try Inbox.open(git)
        #expect(try await inbox.hasMerge(in: inbox.epochs[0], after: nil, through: merge))
        let listed = try await Inbox.list(epoch, [merge], isV1: false)
        #expect(listed == (try await Inbox.list(epoch, [merge], isV1: false, walksPacks: false)))
        #expect(listed.count == 42)
    }

    @Test(arguments: ["loose", "replaced", "shallow", "commit-graph"])
    func aHistoryGitSeesOtherwiseOrReadsFasterIsLeftToRevList(kind: String) async throws {
        let directory = try TemporaryDirectory()
        let (epoch, tip) = try await Self.packedEpoch(in: directory)
        let git = epoch.gitDirectory
        switch kind {
        case "loose":  // the newest commit loose, as a small fetch leaves it
            try PackObjectReaderTests.run(
                "cd '\(git)' && mkdir ../old && mv objects/pack/* ../old/ && "
                    + "for p in ../old/*.pack; do git unpack-objects -q < \"$p\"; done && "
                    + "git rev-list --objects HEAD~1 | git pack-objects -q objects/pack/pack >/dev/null && git prune-packed"
            )
        case "replaced":
            try PackObjectReaderTests.run("cd '\(git)' && git replace HEAD~3 HEAD~4")
        case "commit-graph":  // rev-list reads it faster than the walk
            try PackObjectReaderTests.run("cd '\(git)' && git commit-graph write --reachable")
        default:
            try PackObjectReaderTests.run("cd '\(git)' && git rev-parse HEAD~10 > shallow")
        }
        #expect(CommitChain.list(epoch, tip: tip) == nil)
        #expect(
            try await Inbox.list(epoch, [tip], isV1: false)
                == (try await Inbox.list(epoch, [tip], isV1: false, walksPacks: false)))
    }

    @Test func onlyACommitShapedAsGitWritesItIsRead() {
        let tree = "tree 0123456789abcdef0123456789abcdef01234567\n"
        let parent = "parent 89abcdef0123456789abcdef0123456789abcdef\n"
        let author = "author A <a@x> 1700000000 +0000\n"
        func header(_ text: String) -> CommitHeader? { CommitHeader(Array(text.utf8)) }
        let read = header(tree + parent + author + "committer C <c@x> 1700000123 -0700\n\nsubject\n")
        #expect(read?.committerTime == 1_700_000_123)
        #expect(read?.parent == SHA1Name(high: 0x89ab_cdef_0123_4567, middle: 0x89ab_cdef_0123_4567, low: 0x89ab_cdef))
        #expect(header(tree + author + "committer C <c@x> 5 +0000\n")?.parent == nil)
        #expect(header(tree + author + "committer C <c@x> 5 +0000\n")?.committerTime == 5)
        // A name with '>' in it: the last one ends the address, as git reads it.
        #expect(header(tree + author + "committer C > D <c@x> 7 +0000\n")?.committerTime == 7)
        for odd in [
            tree + parent + parent + author + "committer C <c@x> 1 +0000\n",  // a merge
            tree + "committer C <c@x> 1 +0000\n",  // no author
            tree + author + "mergetag x\ncommitter C <c@x> 1 +0000\n",  // another header between
            tree + author + "committer C <c@x> -1 +0000\n",  // before 1970
            tree + author + "committer C <c@x> 1\n",  // no zone
            tree + author + "committer C <c@x>  1 +0000\n",  // two spaces
            tree + author + "committer C <c@x> x +0000\n",
            tree + author + "committer C c@x 1 +0000\n",  // no '>'
            tree + author + "committer C <c@x> 1 +0000",  // no line feed
            "tree 0123\n" + author + "committer C <c@x> 1 +0000\n",
            tree + "parent 89ABCDEF0123456789abcdef0123456789abcdef\n" + author + "committer C <c@x> 1 +0000\n",
        ] {
            #expect(header(odd) == nil, "\(odd)")
        }
    }
}
