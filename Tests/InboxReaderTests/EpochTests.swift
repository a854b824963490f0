import Foundation
import Testing

@testable import InboxReader

@Suite struct EpochTests {
    @Test func rangeFromEpochZeroToEpochOne() async throws {
        let archive = try await TwoEpochInbox()
        let resolved = try await archive.inbox.resolve(
            RevisionRange(from: archive.commits[3].oid, to: archive.commits[7].oid))
        #expect(resolved.commits.map(\.oid) == archive.oids(4...7))
        #expect(resolved.commits.map(\.epoch) == [0, 1, 1, 1])
        // Their messages are read from the right epochs.
        var read: [[UInt8]?] = []
        for try await batch in archive.inbox.blobs(for: resolved.commits, batchSize: 3) { read += batch.map(\.bytes) }
        #expect(read == (4...7).map { TestMail.bytes($0) })
    }

    @Test func aNewEpochIsPickedUpByTheNextOpen() async throws {
        let temporary = try TemporaryDirectory()
        let path = temporary.path + "/list"
        try await writeV2Inbox(at: path, epochs: [0: (0..<3).map { .mail(TestMail.bytes($0)) }])
        let firstRun = try await Inbox.open(path).resolve(RevisionRange())
        #expect(firstRun.commits.count == 3)
        let lastSeen = try #require(firstRun.commits.last).oid

        // The archive rolls over to a new epoch between two runs.
        try await writeV2Inbox(at: path, epochs: [1: (3..<5).map { .mail(TestMail.bytes($0)) }])
        let secondInbox = try Inbox.open(path)
        #expect(secondInbox.epochs.map(\.number) == [0, 1])
        let secondRun = try await secondInbox.resolve(RevisionRange(from: lastSeen))
        #expect(secondRun.commits.map(\.epoch) == [1, 1])
        var read: [[UInt8]?] = []
        for try await batch in secondInbox.blobs(for: secondRun.commits, batchSize: 8) { read += batch.map(\.bytes) }
        #expect(read == (3..<5).map { TestMail.bytes($0) })
    }

    @Test func anEpochWithoutCommitsYetIsSkipped() async throws {
        let temporary = try TemporaryDirectory()
        let path = temporary.path + "/list"
        try await writeV2Inbox(at: path, epochs: [0: (0..<2).map { .mail(TestMail.bytes($0)) }])
        // public-inbox creates the next epoch before its first commit.
        let result = try CommandLine.run(["git", "init", "--quiet", "--bare", path + "/git/1.git"])
        #expect(result == 0)
        let resolved = try await Inbox.open(path).resolve(RevisionRange())
        #expect(resolved.commits.count == 2)
    }
}

private enum CommandLine {
    static func run(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
