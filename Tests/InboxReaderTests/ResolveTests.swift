import Foundation
import Testing

@testable import InboxReader

/// An inbox with epochs 0 (mails 0…4) and 1 (mails 5…9).
struct TwoEpochInbox: Sendable {
    let temporary: TemporaryDirectory
    let inbox: Inbox
    /// All ten commits, oldest first.
    let commits: [CommitRef]

    init() async throws {
        temporary = try TemporaryDirectory()
        let path = temporary.path + "/list"
        try await writeV2Inbox(
            at: path,
            epochs: [
                0: (0..<5).map { .mail(TestMail.bytes($0)) },
                1: (5..<10).map { .mail(TestMail.bytes($0)) },
            ])
        inbox = try Inbox.open(path)
        commits = try await inbox.resolve(RevisionRange()).commits
    }

    func oids(_ range: ClosedRange<Int>) -> [String] { commits[range].map(\.oid) }
}

@Suite struct ResolveTests {
    @Test func wholeArchiveWhenBothAreOmitted() async throws {
        let archive = try await TwoEpochInbox()
        #expect(archive.commits.count == 10)
        #expect(archive.commits.map(\.epoch) == [0, 0, 0, 0, 0, 1, 1, 1, 1, 1])
        let times: [Int64] = (0..<5).map { ArchiveWriter.defaultFirstCommitTime + Int64($0) * 60 }
        #expect(archive.commits.map(\.commitTime) == times + times)
        let resolved = try await archive.inbox.resolve(RevisionRange())
        #expect(resolved.fromLabel == nil)
        #expect(resolved.toLabel == String(archive.commits[9].oid.prefix(resolved.toLabel.count)))
    }

    @Test func fromAndToInTheSameEpoch() async throws {
        let archive = try await TwoEpochInbox()
        let resolved = try await archive.inbox.resolve(
            RevisionRange(from: archive.commits[1].oid, to: archive.commits[3].oid))
        #expect(resolved.commits.map(\.oid) == archive.oids(2...3))
        let epoch0 = archive.inbox.epochs[0]
        #expect(resolved.fromLabel == (try await Inbox.abbreviate(archive.commits[1].oid, in: epoch0)))
        #expect(resolved.toLabel == (try await Inbox.abbreviate(archive.commits[3].oid, in: epoch0)))
        #expect(resolved.fromLabel.map { archive.commits[1].oid.hasPrefix($0) && $0.count >= 7 } == true)
    }

    @Test func abbreviatedRevisionsWork() async throws {
        let archive = try await TwoEpochInbox()
        let resolved = try await archive.inbox.resolve(
            RevisionRange(from: String(archive.commits[0].oid.prefix(12)), to: archive.commits[2].oid + "~0"))
        #expect(resolved.commits.map(\.oid) == archive.oids(1...2))
    }

    @Test func rangeAcrossEpochs() async throws {
        let archive = try await TwoEpochInbox()
        let resolved = try await archive.inbox.resolve(
            RevisionRange(from: archive.commits[3].oid, to: archive.commits[7].oid))
        #expect(resolved.commits.map(\.oid) == archive.oids(4...7))
        #expect(resolved.commits.map(\.epoch) == [0, 1, 1, 1])
    }

    @Test func omittedFromStartsAtTheFirstMessage() async throws {
        let archive = try await TwoEpochInbox()
        let resolved = try await archive.inbox.resolve(RevisionRange(to: archive.commits[6].oid))
        #expect(resolved.commits.map(\.oid) == archive.oids(0...6))
        #expect(resolved.fromLabel == nil)
    }

    @Test func omittedToEndsAtTheNewestMessage() async throws {
        let archive = try await TwoEpochInbox()
        let resolved = try await archive.inbox.resolve(RevisionRange(from: archive.commits[2].oid))
        #expect(resolved.commits.map(\.oid) == archive.oids(3...9))
    }

    @Test func unknownRevisionSaysWhereToLook() async throws {
        let archive = try await TwoEpochInbox()
        let path = archive.inbox.path
        let error = await #expect(throws: InboxError.self) {
            try await archive.inbox.resolve(RevisionRange(from: "v6.99"))
        }
        #expect(error?.code == .unknownRevision)
        #expect(
            error?.description
                == "unknown revision 'v6.99' in \(path): no epoch has it; list revisions with 'git -C \(path)/git/1.git log --oneline'"
        )
    }

    @Test(arguments: ["-n", "--all", "--output=OUTPUT"])
    func revisionStartingWithDashNeverReachesGit(revision: String) async throws {
        let archive = try await TwoEpochInbox()
        let output = archive.temporary.path + "/injected"
        let revision = revision.replacingOccurrences(of: "OUTPUT", with: output)
        for range in [RevisionRange(from: revision), RevisionRange(to: revision)] {
            let error = await #expect(throws: InboxError.self) { try await archive.inbox.resolve(range) }
            #expect(error?.code == .invalidRevision)
            #expect(
                error?.description
                    == "invalid revision '\(revision)': a revision cannot start with '-'; give a commit id, tag or branch name"
            )
        }
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func endOfOptionsKeepsGitFromReadingAnOption() async throws {
        let archive = try await TwoEpochInbox()
        // Below the validation: rev-parse itself must treat it as a revision, not an option.
        let found = try await Inbox.commit("--output=/dev/null", in: archive.inbox.epochs[0])
        #expect(found == nil)
    }

    @Test func sameCommitIsNotAfter() async throws {
        let archive = try await TwoEpochInbox()
        let oid = archive.commits[2].oid
        let error = await #expect(throws: InboxError.self) {
            try await archive.inbox.resolve(RevisionRange(from: oid, to: oid))
        }
        #expect(error?.code == .emptyRange)
        #expect(
            error?.description
                == "'\(oid)' is not after '\(oid)' in \(archive.inbox.path): the range is empty; give a later --to or an earlier --from"
        )
    }

    @Test func ancestorIsNotAfter() async throws {
        let archive = try await TwoEpochInbox()
        let error = await #expect(throws: InboxError.self) {
            try await archive.inbox.resolve(RevisionRange(from: archive.commits[3].oid, to: archive.commits[1].oid))
        }
        #expect(error?.code == .emptyRange)
    }

    @Test func earlierEpochIsNotAfter() async throws {
        let archive = try await TwoEpochInbox()
        let error = await #expect(throws: InboxError.self) {
            try await archive.inbox.resolve(RevisionRange(from: archive.commits[6].oid, to: archive.commits[4].oid))
        }
        #expect(error?.code == .emptyRange)
    }

    @Test func fromAtTheNewestCommitIsNotAfter() async throws {
        let archive = try await TwoEpochInbox()
        let error = await #expect(throws: InboxError.self) {
            try await archive.inbox.resolve(RevisionRange(from: archive.commits[9].oid))
        }
        #expect(error?.code == .emptyRange)
    }

    @Test func branchNameInEveryEpochMeansTheNewestEpoch() async throws {
        let archive = try await TwoEpochInbox()
        let resolved = try await archive.inbox.resolve(RevisionRange(from: archive.commits[2].oid, to: "master"))
        #expect(resolved.commits.map(\.oid) == archive.oids(3...9))
    }
}
