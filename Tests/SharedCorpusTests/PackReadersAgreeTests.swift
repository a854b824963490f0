import Foundation
import InboxReader
import TestSupport
import Testing

/// The real archives' packs read by each reader (the packs read here, libgit2, `git cat-file`):
/// the same bytes for every mail.
@Suite(.enabled(if: SharedData.isAvailable, Comment(rawValue: SharedData.skipReason)))
struct PackReadersAgreeTests {
    /// Per mail: its commit, size and a hash of its bytes (holding three copies of a 200 MB
    /// archive would be the test's whole memory).
    struct Fingerprint: Equatable {
        var commit: String
        var size: Int?
        var hash: Int?
    }

    static func fingerprints(_ inbox: Inbox, _ commits: [CommitRef], reader: BlobReader) async throws -> [Fingerprint] {
        var prints: [Fingerprint] = []
        prints.reserveCapacity(commits.count)
        let batches = inbox.blobs(for: commits, batchSize: 256, workers: 2, readAhead: 2, reader: reader)
        for try await batch in batches {
            for mail in batch {
                prints.append(
                    Fingerprint(commit: mail.commit.oid, size: mail.bytes?.count, hash: mail.bytes?.hashValue))
            }
        }
        return prints
    }

    @Test(arguments: ["kvm-ppc-0", "kvmarm-0"])
    func everyReaderReadsTheSameMails(corpus: String) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let epoch = directory.url.appendingPathComponent("list/git/0.git").path
        let clone = try CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["git", "clone", "-q", "--bare", SharedData.corpusBundle(corpus).path, epoch])
        try #require(clone.exitCode == 0, "git clone failed: \(clone.standardError)")
        let inbox = try Inbox.open(directory.url.appendingPathComponent("list").path)
        let commits = try await inbox.resolve(RevisionRange()).commits
        // The listing walked through the packs is git's own, commit for commit and time for time.
        let revList = try CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["git", "--git-dir=\(epoch)", "rev-list", "--reverse", "--timestamp", "HEAD"])
        #expect(
            commits.map { "\($0.commitTime) \($0.oid)" }
                == revList.standardOutput.split(separator: "\n").map(String.init))
        let packs = try await Self.fingerprints(inbox, commits, reader: .packs)
        #expect(packs.count == commits.count)
        #expect(packs.allSatisfy { $0.size != nil })
        #expect(packs == (try await Self.fingerprints(inbox, commits, reader: .libgit2)))
        #expect(packs == (try await Self.fingerprints(inbox, commits, reader: .catFile)))
    }
}
