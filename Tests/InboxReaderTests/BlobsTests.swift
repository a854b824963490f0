import Foundation
import Synchronization
import Testing

@testable import InboxReader

@Suite struct BlobsTests {
    @Test(arguments: BlobReader.allCases)
    func messagesComeInArchiveOrderAndDeletionsHaveNoBytes(reader: BlobReader) async throws {
        let temporary = try TemporaryDirectory()
        let entries: [ArchiveEntry] = [
            .mail(TestMail.bytes(0)), .mail(TestMail.bytes(1)), .deletion(TestMail.bytes(1)),
            .mail(TestMail.bytes(3)),
        ]
        try await ArchiveWriter.writeEpoch(entries: entries, to: temporary.path + "/e.git")
        let inbox = try Inbox.open(temporary.path + "/e.git")
        let commits = try await inbox.resolve(RevisionRange()).commits
        var mails: [RawMail] = []
        for try await batch in inbox.blobs(for: commits, batchSize: 3, workers: nil, readAhead: 2, reader: reader) {
            #expect(batch.count <= 3)
            mails += batch
        }
        #expect(mails.map(\.commit) == commits)
        #expect(mails.map(\.bytes) == [TestMail.bytes(0), TestMail.bytes(1), nil, TestMail.bytes(3)])
    }

    @Test(arguments: BlobReader.allCases)
    func messagesAcrossEpochs(reader: BlobReader) async throws {
        let archive = try await TwoEpochInbox()
        var mails: [RawMail] = []
        let sequence = archive.inbox.blobs(
            for: archive.commits, batchSize: 4, workers: 2, readAhead: 1, reader: reader)
        for try await batch in sequence {
            mails += batch
        }
        #expect(mails.map(\.commit) == archive.commits)
        #expect(mails.map(\.bytes) == (0..<10).map { TestMail.bytes($0) })
    }

    @Test(arguments: [(1, 1), (2, 2), (2, 4), (nil, 2)] as [(Int?, Int)], BlobReader.allCases)
    func thousandMailsReadInOrder(configuration: (workers: Int?, readAhead: Int), reader: BlobReader) async throws {
        let (workers, readAhead) = configuration
        let temporary = try TemporaryDirectory()
        let expected = (0..<1000).map { TestMail.bytes($0) }
        try await ArchiveWriter.writeEpoch(mails: expected, to: temporary.path + "/big.git")
        let inbox = try Inbox.open(temporary.path + "/big.git")
        let commits = try await inbox.resolve(RevisionRange()).commits
        #expect(commits.count == 1000)
        var mails: [RawMail] = []
        var batchCount = 0
        let sequence = inbox.blobs(for: commits, batchSize: 64, workers: workers, readAhead: readAhead, reader: reader)
        for try await batch in sequence {
            #expect(batch.count == (batchCount < 15 ? 64 : 1000 - 15 * 64))
            batchCount += 1
            mails += batch
        }
        #expect(batchCount == 16)
        #expect(mails.map(\.commit) == commits)
        #expect(mails.map(\.bytes) == expected)
    }

    /// The in-process readers make each batch into what the consumer asked for on their own
    /// thread; `cat-file`'s hand the mails over for the consumer to do it.
    @Test(arguments: BlobReader.allCases)
    func preparedBatchesArePreparedByTheThreadsThatReadThem(reader: BlobReader) async throws {
        let temporary = try TemporaryDirectory()
        let expected = (0..<600).map { TestMail.bytes($0) }
        try await ArchiveWriter.writeEpoch(mails: expected, to: temporary.path + "/e.git")
        let inbox = try Inbox.open(temporary.path + "/e.git")
        let commits = try await inbox.resolve(RevisionRange()).commits
        var lengths: [Int] = []
        var batchCount = 0
        let sequence = inbox.preparedBatches(for: commits, batchSize: 64, reader: reader) { mails in
            mails.map { $0.bytes?.count ?? -1 }
        }
        for try await batch in sequence {
            batchCount += 1
            if reader == .catFile {
                #expect(batch.prepared == nil)
                lengths += batch.mails.map { $0.bytes?.count ?? -1 }
            } else {
                #expect(batch.mails.isEmpty)
                lengths += try #require(batch.prepared as? [Int])
            }
        }
        #expect(batchCount == 10)
        #expect(lengths == expected.map(\.count))
    }

    @Test func aRepositoryLibgit2CannotOpenIsReadWithCatFile() async throws {
        let temporary = try TemporaryDirectory()
        let git = temporary.path + "/e.git"
        let expected = (0..<5).map { TestMail.bytes($0) }
        try await ArchiveWriter.writeEpoch(mails: expected, to: git)
        // An extension git reads past (it only stops gc): any extension leaves the repository to
        // git (libgit2 1.5 would read a SHA-256 repository as SHA-1).
        for (key, value) in [("core.repositoryformatversion", "1"), ("extensions.preciousObjects", "true")] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "--git-dir=\(git)", "config", key, value]
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        #expect(PackRepository(gitDirectory: git) == nil)
        if BlobReader.fromEnvironment == nil { #expect(BlobReader.choose(for: [git], requested: nil) == .catFile) }
        let inbox = try Inbox.open(git)
        let commits = try await inbox.resolve(RevisionRange()).commits
        var mails: [RawMail] = []
        for try await batch in inbox.blobs(for: commits, batchSize: 2) { mails += batch }
        #expect(mails.map(\.bytes) == expected)
    }

    @Test func aSHA256RepositoryIsReadWithCatFile() async throws {
        let temporary = try TemporaryDirectory()
        let git = temporary.path + "/sha256.git"
        let mail = "From: A <a@example.com>\nSubject: [PATCH] x\nMessage-ID: <1@example.com>\n\nbody\n"
        let script = """
            set -e
            git init -q --bare --object-format=sha256 "$1"
            blob=$(printf '%s' "$2" | git --git-dir="$1" hash-object -w --stdin)
            tree=$(printf '100644 blob %s\\tm\\n' "$blob" | git --git-dir="$1" mktree)
            commit=$(GIT_AUTHOR_NAME=a GIT_AUTHOR_EMAIL=a@example.com GIT_COMMITTER_NAME=a \\
                GIT_COMMITTER_EMAIL=a@example.com git --git-dir="$1" commit-tree -m x "$tree")
            git --git-dir="$1" update-ref refs/heads/master "$commit"
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, "sh", git, mail]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(PackRepository(gitDirectory: git) == nil)
        let inbox = try Inbox.open(git)
        let commits = try await inbox.resolve(RevisionRange()).commits
        #expect(commits.map(\.oid.utf8.count) == [64])
        var mails: [RawMail] = []
        for try await batch in inbox.blobs(for: commits, batchSize: 2) { mails += batch }
        #expect(mails.map(\.bytes) == [Array(mail.utf8)])
    }

    @Test func everyReaderGivesTheSameMail() async throws {
        let archive = try await TwoEpochInbox()
        var read: [BlobReader: [RawMail]] = [:]
        for reader in BlobReader.allCases {
            var mails: [RawMail] = []
            let sequence = archive.inbox.blobs(
                for: archive.commits, batchSize: 3, workers: 2, readAhead: 1, reader: reader)
            for try await batch in sequence { mails += batch }
            read[reader] = mails
        }
        #expect(read[.libgit2] == read[.catFile])
        #expect(read[.packs] == read[.catFile])
        if BlobReader.fromEnvironment == nil {
            #expect(BlobReader.choose(for: archive.inbox.epochs.map(\.gitDirectory), requested: nil) == .packs)
        }
    }

    @Test func emptyCommitListYieldsNothing() async throws {
        let archive = try await TwoEpochInbox()
        var count = 0
        for try await _ in archive.inbox.blobs(for: [], batchSize: 10) { count += 1 }
        #expect(count == 0)
    }

    @Test(arguments: BlobReader.allCases)
    func stoppingEarlyEndsTheWorkers(reader: BlobReader) async throws {
        let temporary = try TemporaryDirectory()
        try await ArchiveWriter.writeEpoch(mails: (0..<600).map { TestMail.bytes($0) }, to: temporary.path + "/e.git")
        let inbox = try Inbox.open(temporary.path + "/e.git")
        let commits = try await inbox.resolve(RevisionRange()).commits
        var seen = 0
        for try await batch in inbox.blobs(for: commits, batchSize: 8, workers: 2, readAhead: 1, reader: reader) {
            seen += batch.count
            if seen >= 16 { break }
        }
        #expect(seen == 16)
    }

    @Test(arguments: BlobReader.allCases)
    func anUnreadableCommitIsADamagedArchiveNotADeletion(reader: BlobReader) async throws {
        let archive = try await TwoEpochInbox()
        let bogus = CommitRef(epoch: 0, oid: String(repeating: "0", count: 40), commitTime: 0)
        // cat-file says "missing" and the deletion check finds no tree; libgit2 finds no commit:
        // either way the archive is damaged.
        await #expect {
            for try await _ in archive.inbox.blobs(
                for: [bogus], batchSize: 10, workers: nil, readAhead: 2, reader: reader)
            {}
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
                    await channel.send(
                        ReadBatch(mails: [
                            RawMail(commit: CommitRef(epoch: 0, oid: "\(index)", commitTime: 0), bytes: nil)
                        ]))
                else { return }
                sent.increment()
            }
            channel.finish()
        }
        try await Task.sleep(for: .milliseconds(200))
        #expect(sent.value == 2)  // the read-ahead window, not the whole input
        var received: [String] = []
        while let batch = try await channel.receive() {
            received += batch.mails.map(\.commit.oid)
            #expect(sent.value <= received.count + 2)
        }
        #expect(received == (0..<10).map { "\($0)" })
        await producer.value
    }

    @Test func cancelWakesAWaitingProducer() async throws {
        let channel = BatchChannel(capacity: 1)
        let producer = Task { () -> [Bool] in
            var results: [Bool] = []
            for _ in 0..<3 { results.append(await channel.send(ReadBatch(mails: []))) }
            return results
        }
        try await Task.sleep(for: .milliseconds(100))
        channel.cancel()
        #expect(await producer.value == [true, false, false])
    }

    @Test func aThreadProducerBlocksWhileFullAndIsWokenByReceiveAndByCancel() async throws {
        let channel = BatchChannel(capacity: 1)
        let results = Mutex<[Bool]>([])
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            for _ in 0..<4 {
                let accepted = channel.sendWaiting(ReadBatch(mails: []))
                results.withLock { $0.append(accepted) }
            }
            done.signal()
        }
        thread.start()
        try await Task.sleep(for: .milliseconds(200))
        #expect(results.withLock { $0 } == [true])  // the second send waits: the channel is full
        #expect(try await channel.receive()?.mails == [])
        try await Task.sleep(for: .milliseconds(200))
        #expect(results.withLock { $0 } == [true, true])  // woken by the receive, then full again
        channel.cancel()
        done.wait()
        #expect(results.withLock { $0 } == [true, true, false, false])
    }

    @Test func errorReachesTheConsumerAfterTheQueuedBatches() async throws {
        let channel = BatchChannel(capacity: 4)
        _ = await channel.send(ReadBatch(mails: []))
        channel.finish(.failure(InboxError(.gitFailed, "boom")))
        #expect(try await channel.receive()?.mails == [])
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
