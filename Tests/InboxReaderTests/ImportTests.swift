import Foundation
import Testing

@testable import InboxReader

/// A mail with a Date header (or none).
private func mail(_ subject: String, date: String?, body: String = "body\n") -> String {
    var text = "From: A <a@example.org>\nSubject: \(subject)\nMessage-ID: <\(subject.hashValue)@x>\n"
    if let date { text += "Date: \(date)\n" }
    return text + "\n" + body
}

private func mboxrd(_ mails: [String]) -> String {
    mails.map { "From mboxrd@z Thu Jan  1 00:00:00 1970\n" + $0 + "\n" }.joined()
}

/// Every message of an inbox, in archive order, as text.
private func texts(_ inbox: Inbox) async throws -> [String] {
    let resolved = try await inbox.resolve(RevisionRange())
    var result: [String] = []
    for try await batch in inbox.blobs(for: resolved.commits, batchSize: 16) {
        result += batch.map { String(decoding: $0.bytes ?? [], as: UTF8.self) }
    }
    return result
}

@Suite struct ImportTests {
    @Test func mboxIsImportedInDateOrderWithDatesAsCommitTimes() async throws {
        let temporary = try TemporaryDirectory()
        let path = temporary.path + "/results.mbox"
        let second = mail("[PATCH] second", date: "Wed, 01 Oct 2025 12:00:00 +0200", body: "Hi\n\n>From here on\n")
        let first = mail("[PATCH] first", date: "Tue, 30 Sep 2025 23:00:00 -0000")
        try mboxrd([second, first]).write(toFile: path, atomically: true, encoding: .utf8)

        let inbox = try await Inbox.openOrImport(path)
        #expect(inbox.importedFrom == ImportedMailbox(name: "results.mbox", path: path, kind: .mbox, messageCount: 2))
        #expect(inbox.displayName == "results")
        #expect(inbox.path == path)
        let resolved = try await inbox.resolve(RevisionRange())
        #expect(resolved.commits.map(\.commitTime) == [1_759_273_200, 1_759_312_800])
        #expect(resolved.importedFrom?.name == "results.mbox")
        #expect(try await texts(inbox) == [first, second.replacingOccurrences(of: ">From", with: "From")])
    }

    @Test func sinceAndUntilSelectByTheMailsDates() async throws {
        let temporary = try TemporaryDirectory()
        let path = temporary.path + "/week.mbox"
        let mails = (1...5).map { mail("[PATCH] day \($0)", date: "0\($0) Oct 2025 10:00:00 +0000") }
        try mboxrd(mails).write(toFile: path, atomically: true, encoding: .utf8)
        let inbox = try await Inbox.openOrImport(path)
        let resolved = try await inbox.resolve(RevisionRange(since: "2025-10-02", until: "2025-10-04T10:00Z"))
        #expect(resolved.commits.count == 3)
    }

    @Test func undatedMailsKeepTheirPlace() {
        let mails = [
            mail("a", date: nil), mail("b", date: "02 Oct 2025 00:00 +0000"), mail("c", date: nil),
            mail("d", date: "01 Oct 2025 00:00 +0000"),
        ].map { Array($0.utf8) }
        let ordered = Inbox.datedOrder(mails)
        let subjects = ordered.map { String(decoding: $0.mail, as: UTF8.self).split(separator: "\n")[1] }
        #expect(subjects == ["Subject: d", "Subject: a", "Subject: b", "Subject: c"])
        #expect(ordered.map(\.time) == [1_759_276_800, 1_759_363_200, 1_759_363_200, 1_759_363_200])
    }

    @Test func fromAndToAreRefusedForAnMbox() async throws {
        let temporary = try TemporaryDirectory()
        let path = temporary.path + "/results.mbox"
        try mboxrd([mail("x", date: nil)]).write(toFile: path, atomically: true, encoding: .utf8)
        let inbox = try await Inbox.openOrImport(path)
        let error = await #expect(throws: InboxError.self) { try await inbox.resolve(RevisionRange(from: "HEAD~1")) }
        #expect(error?.code == .optionNotApplicable)
        #expect(
            error?.description
                == "--from and --to name commits of a public-inbox archive, and 'results.mbox' is an mbox file; select by date with --since and --until instead"
        )
    }

    @Test func maildirIsImportedFromCurAndNewButNotTmp() async throws {
        let temporary = try TemporaryDirectory()
        let path = temporary.path + "/Mail"
        for folder in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(atPath: path + "/" + folder, withIntermediateDirectories: true)
        }
        let older = mail("older", date: nil)
        let newer = mail("newer", date: nil)
        try newer.write(toFile: path + "/new/1759400000.M2P1.host", atomically: true, encoding: .utf8)
        try older.write(toFile: path + "/cur/1759300000.M1P1.host:2,S", atomically: true, encoding: .utf8)
        try mail("half-written", date: nil).write(
            toFile: path + "/tmp/1759500000.M3P1.host", atomically: true, encoding: .utf8)
        try "junk".write(toFile: path + "/cur/.hidden", atomically: true, encoding: .utf8)

        let inbox = try await Inbox.openOrImport(path)
        #expect(inbox.importedFrom?.kind == .maildir)
        #expect(inbox.importedFrom?.messageCount == 2)
        #expect(try await texts(inbox) == [older, newer])
    }

    @Test func emptyMaildirIsRefused() async throws {
        let temporary = try TemporaryDirectory()
        let path = temporary.path + "/Mail"
        for folder in ["cur", "new"] {
            try FileManager.default.createDirectory(atPath: path + "/" + folder, withIntermediateDirectories: true)
        }
        let error = await #expect(throws: InboxError.self) { try await Inbox.openOrImport(path) }
        #expect(
            error?.description == "the Maildir '\(path)' holds no messages (cur/ and new/ are empty); nothing to report"
        )
    }

    @Test(arguments: [
        ([UInt8]("Subject: not an mbox\n".utf8), "it does not start with 'From '"),
        ([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00], "it is gzip-compressed; gunzip it first"),
        ([], "it does not start with 'From '"),
    ])
    func aFileThatIsNotAnMboxIsRefused(bytes: [UInt8], reason: String) async throws {
        let temporary = try TemporaryDirectory()
        let path = temporary.path + "/notes.txt"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let error = await #expect(throws: InboxError.self) { try await Inbox.openOrImport(path) }
        #expect(error?.code == .notAMailbox)
        #expect(
            error?.description
                == "'\(path)' is a file but not an mbox (\(reason)); give an mbox file (lei q -o mboxrd:FILE), a Maildir or a public-inbox archive"
        )
    }

    @Test func anArchiveIsOpenedAsBefore() async throws {
        let archive = try await TwoEpochInbox()
        let inbox = try await Inbox.openOrImport(archive.inbox.path)
        #expect(inbox.importedFrom == nil)
        #expect(inbox.epochs == archive.inbox.epochs)
    }

    @Test func theTemporaryArchiveIsRemovedWithTheLastInbox() async throws {
        let temporary = try TemporaryDirectory()
        let path = temporary.path + "/results.mbox"
        try mboxrd([mail("x", date: nil)]).write(toFile: path, atomically: true, encoding: .utf8)
        /// Imports, checks the archive is there, and lets every copy of the Inbox go.
        func importAndDrop() async throws -> String {
            let inbox = try await Inbox.openOrImport(path)
            let copy = inbox
            let gitDirectory = try #require(copy.epochs.first?.gitDirectory)
            #expect(FileManager.default.fileExists(atPath: gitDirectory))
            return gitDirectory
        }
        let gitDirectory = try await importAndDrop()
        #expect(!FileManager.default.fileExists(atPath: gitDirectory))
        #expect(
            !FileManager.default.fileExists(atPath: URL(fileURLWithPath: gitDirectory + "/../../..").standardized.path))
    }
}
