import Foundation
import Testing

@testable import InboxReader

/// A damaged repository is an error naming the problem, never a report with messages silently
/// "deleted" or an archive passed off as empty.
@Suite struct DamagedArchiveTests {
    /// A five-mail inbox with its objects loose (so single objects can be removed), plus one real
    /// deletion commit.
    private static func looseInbox(in directory: TemporaryDirectory) async throws -> (inbox: String, git: String) {
        let inbox = directory.path + "/list"
        let git = inbox + "/git/0.git"
        let entries: [ArchiveEntry] = [
            .mail(TestMail.bytes(1)), .mail(TestMail.bytes(2)), .deletion(TestMail.bytes(2)),
            .mail(TestMail.bytes(3)), .mail(TestMail.bytes(4)),
        ]
        try await writeV2Inbox(at: inbox, epochs: [0: entries])
        let packs = directory.path + "/packs"
        // fast-import leaves a small import loose already (fastimport.unpackLimit); unpack otherwise.
        try shell(
            "mkdir -p '\(packs)' && for p in '\(git)'/objects/pack/pack-*.pack; do [ -e \"$p\" ] || continue; "
                + "mv \"$p\" '\(packs)'/ && rm -f \"${p%.pack}\".* && git --git-dir='\(git)' unpack-objects -q < '\(packs)'/\"${p##*/}\" || exit 1; done"
        )
        return (inbox, git)
    }

    private static func removeObject(_ name: String, in git: String) throws {
        try shell(
            "oid=$(git --git-dir='\(git)' rev-parse '\(name)') && rm -f '\(git)'/objects/${oid%${oid#??}}/${oid#??}")
    }

    private static func shell(_ script: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(script): \(message)")
    }

    private static func readAll(_ inbox: String, reader: BlobReader) async throws -> [RawMail] {
        let opened = try Inbox.open(inbox)
        let range = try await opened.resolve(RevisionRange(from: nil, to: nil))
        var mails: [RawMail] = []
        let sequence = opened.blobs(for: range.commits, batchSize: 2, workers: nil, readAhead: 2, reader: reader)
        for try await batch in sequence { mails += batch }
        return mails
    }

    @Test(arguments: BlobReader.allCases)
    func aRealDeletionIsStillADeletion(reader: BlobReader) async throws {
        let directory = try TemporaryDirectory()
        let (inbox, _) = try await Self.looseInbox(in: directory)
        let mails = try await Self.readAll(inbox, reader: reader)
        #expect(mails.map { $0.bytes == nil } == [false, false, true, false, false])
    }

    @Test(arguments: BlobReader.allCases)
    func aLostMessageBlobIsAnError(reader: BlobReader) async throws {
        let directory = try TemporaryDirectory()
        let (inbox, git) = try await Self.looseInbox(in: directory)
        try Self.removeObject("HEAD~1:m", in: git)
        await #expect {
            _ = try await Self.readAll(inbox, reader: reader)
        } throws: { error in
            let error = try #require(error as? InboxError)
            return error.code == .damagedArchive && error.message.contains("is missing from the repository")
                && error.message.contains("fsck")
        }
    }

    @Test(arguments: BlobReader.allCases)
    func aLostTreeIsAnError(reader: BlobReader) async throws {
        let directory = try TemporaryDirectory()
        let (inbox, git) = try await Self.looseInbox(in: directory)
        try Self.removeObject("HEAD~3^{tree}", in: git)
        await #expect {
            _ = try await Self.readAll(inbox, reader: reader)
        } throws: { error in
            (error as? InboxError)?.code == .damagedArchive
        }
    }

    @Test(arguments: BlobReader.allCases)
    func aTruncatedPackIsDamagedNotEmpty(reader: BlobReader) async throws {
        let directory = try TemporaryDirectory()
        let inbox = directory.path + "/list"
        try await writeV2Inbox(at: inbox, epochs: [0: (1...50).map { .mail(TestMail.bytes($0)) }])
        try Self.shell(
            "cd '\(inbox)/git/0.git/objects/pack' && for p in *.pack; do chmod u+w \"$p\"; truncate -s 200 \"$p\"; done"
        )
        await #expect {
            _ = try await Self.readAll(inbox, reader: reader)
        } throws: { error in
            let error = try #require(error as? InboxError)
            return error.code == .damagedArchive && error.message.contains("cannot read the history")
        }
    }
}
