import Foundation
import Testing

@testable import InboxReader

@Suite struct BlobsTests {
    @Test func messagesComeInArchiveOrderAndDeletionsHaveNoBytes() async throws {
        let temporary = try TemporaryDirectory()
        let entries: [ArchiveEntry] = [
            .mail(TestMail.bytes(0)), .mail(TestMail.bytes(1)), .deletion(TestMail.bytes(1)),
            .mail(TestMail.bytes(3)),
        ]
        try await ArchiveWriter.writeEpoch(entries: entries, to: temporary.path + "/e.git")
        let inbox = try Inbox.open(temporary.path + "/e.git")
        let commits = try await inbox.resolve(RevisionRange()).commits
        var mails: [RawMail] = []
        for try await batch in inbox.blobs(for: commits, batchSize: 3) {
            #expect(batch.count <= 3)
            mails += batch
        }
        #expect(mails.map(\.commit) == commits)
        #expect(mails.map(\.bytes) == [TestMail.bytes(0), TestMail.bytes(1), nil, TestMail.bytes(3)])
    }

    @Test func messagesAcrossEpochs() async throws {
        let archive = try await TwoEpochInbox()
        var mails: [RawMail] = []
        for try await batch in archive.inbox.blobs(for: archive.commits, batchSize: 4, workers: 2, readAhead: 1) {
            mails += batch
        }
        #expect(mails.map(\.commit) == archive.commits)
        #expect(mails.map(\.bytes) == (0..<10).map { TestMail.bytes($0) })
    }

    @Test(arguments: [(1, 1), (2, 2), (2, 4), (nil, 2)] as [(Int?, Int)])
    func thousandMailsReadInOrder(workers: Int?, readAhead: Int) async throws {
        let temporary = try TemporaryDirectory()
        let expected = (0..<1000).map { TestMail.bytes($0) }
        try await ArchiveWriter.writeEpoch(mails: expected, to: temporary.path + "/big.git")
        let inbox = try Inbox.open(temporary.path + "/big.git")
        let commits = try await inbox.resolve(RevisionRange()).commits
        #expect(commits.count == 1000)
        var mails: [RawMail] = []
        var batchCount = 0
        let sequence = inbox.blobs(for: commits, batchSize: 64, workers: workers, readAhead: readAhead)
        for try await batch in sequence {
            #expect(batch.count == (batchCount < 15 ? 64 : 1000 - 15 * 64))
            batchCount += 1
            mails += batch
        }
        #expect(batchCount == 16)
        #expect(mails.map(\.commit) == commits)
        #expect(mails.map(\.bytes) == expected)
    }

    @Test func emptyCommitListYieldsNothing() async throws {
        let archive = try await TwoEpochInbox()
        var count = 0
        for try await _ in archive.inbox.blobs(for: [], batchSize: 10) { count += 1 }
        #expect(count == 0)
    }

    @Test func stoppingEarlyEndsTheWorkers() async throws {
        let temporary = try TemporaryDirectory()
        try await ArchiveWriter.writeEpoch(mails: (0..<600).map { TestMail.bytes($0) }, to: temporary.path + "/e.git")
        let inbox = try Inbox.open(temporary.path + "/e.git")
        let commits = try await inbox.resolve(RevisionRange()).commits
        var seen = 0
        for try await batch in inbox.blobs(for: commits, batchSize: 8, workers: 2, readAhead: 1) {
            seen += batch.count
            if seen >= 16 { break }
        }
        #expect(seen == 16)
    }

    @Test func anUnreadableCommitIsADamagedArchiveNotADeletion() async throws {
        let archive = try await TwoEpochInbox()
        let bogus = CommitRef(epoch: 0, oid: String(repeating: "0", count: 40), commitTime: 0)
        // cat-file says "missing"; the deletion check finds no tree: the archive is damaged.
        await #expect {
            for try await _ in archive.inbox.blobs(for: [bogus], batchSize: 10) {}
        } throws: { error in
            (error as? InboxError)?.code == .damagedArchive
        }
    }
}

@Suite struct BatchChannelTests {
    @Test func producerWaitsWhenTheChannelIsFull() async throws {
        let channel = BatchChannel(capacity: 2)
        let sent = Counter()
        let producer = Task {
            for index in 0..<10 {
                guard
                    await channel.send([
                        RawMail(commit: CommitRef(epoch: 0, oid: "\(index)", commitTime: 0), bytes: nil)
                    ])
                else { return }
                sent.increment()
            }
            channel.finish()
        }
        try await Task.sleep(for: .milliseconds(200))
        #expect(sent.value == 2)  // the read-ahead window, not the whole input
        var received: [String] = []
        while let batch = try await channel.receive() {
            received += batch.map(\.commit.oid)
            #expect(sent.value <= received.count + 2)
        }
        #expect(received == (0..<10).map { "\($0)" })
        await producer.value
    }

    @Test func cancelWakesAWaitingProducer() async throws {
        let channel = BatchChannel(capacity: 1)
        let producer = Task { () -> [Bool] in
            var results: [Bool] = []
            for _ in 0..<3 { results.append(await channel.send([])) }
            return results
        }
        try await Task.sleep(for: .milliseconds(100))
        channel.cancel()
        #expect(await producer.value == [true, false, false])
    }

    @Test func errorReachesTheConsumerAfterTheQueuedBatches() async throws {
        let channel = BatchChannel(capacity: 4)
        _ = await channel.send([])
        channel.finish(.failure(InboxError(.gitFailed, "boom")))
        #expect(try await channel.receive() == [])
        await #expect(throws: InboxError(.gitFailed, "boom")) { try await channel.receive() }
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() { lock.withLock { count += 1 } }
}

@Suite struct ArchiveWriterTests {
    @Test func sameMailsGiveTheSameCommits() async throws {
        let temporary = try TemporaryDirectory()
        let mails = (0..<20).map { TestMail.bytes($0) }
        try await ArchiveWriter.writeEpoch(mails: mails, to: temporary.path + "/a.git")
        try await ArchiveWriter.writeEpoch(mails: mails, to: temporary.path + "/b.git")
        let a = try await Inbox.open(temporary.path + "/a.git").resolve(RevisionRange()).commits
        let b = try await Inbox.open(temporary.path + "/b.git").resolve(RevisionRange()).commits
        #expect(a.count == 20)
        #expect(a == b)
    }

    @Test func givenCommitTimesAreUsed() async throws {
        let temporary = try TemporaryDirectory()
        try await ArchiveWriter.writeEpoch(
            entries: [.mail(TestMail.bytes(0)), .mail(TestMail.bytes(1))], to: temporary.path + "/a.git",
            commitTimes: [1_000, 2_000])
        let commits = try await Inbox.open(temporary.path + "/a.git").resolve(RevisionRange()).commits
        #expect(commits.map(\.commitTime) == [1_000, 2_000])
    }
}
