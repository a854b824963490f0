import Foundation
import Testing

@testable import InboxReader

/// v1 inboxes: one bare repository, each commit adds one message at a fan-out path.
@Suite struct Version1Tests {
    /// Writes a v1-shaped repository with git fast-import: three messages, then a deletion of
    /// the second; each commit keeps the files before it (v1 trees grow).
    static func writeVersion1(at gitDirectory: String) throws -> [[UInt8]] {
        let mails = (0..<3).map { TestMail.bytes($0) }
        let paths = [
            "0a/1111111111111111111111111111111111111", "4c/2222222222222222222222222222222222222",
            "f0/3333333333333333333333333333333333333",
        ]
        var stream: [UInt8] = []
        func add(_ text: String) { stream += Array(text.utf8) }
        for (index, mail) in mails.enumerated() {
            add("commit refs/heads/master\ncommitter T <t@example.org> \(1_600_000_000 + index) +0000\n")
            add("data 3\nadd\nM 100644 inline \(paths[index])\ndata \(mail.count)\n")
            stream += mail
            add("\n\n")
        }
        add("commit refs/heads/master\ncommitter T <t@example.org> 1600000100 +0000\ndata 4\ndel\nD \(paths[1])\n\n")
        try runGit(["init", "--quiet", "--bare", "--initial-branch=master", gitDirectory], input: [])
        try runGit(["--git-dir=\(gitDirectory)", "fast-import", "--quiet"], input: stream)
        return mails
    }

    static func runGit(_ arguments: [String], input: [UInt8]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        process.environment = environment
        let pipe = Pipe()
        process.standardInput = pipe
        try process.run()
        pipe.fileHandleForWriting.write(Data(input))
        try pipe.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test(arguments: BlobReader.allCases)
    func version1MessagesAreReadFromTheirFanOutPaths(reader: BlobReader) async throws {
        let temporary = try TemporaryDirectory()
        let mails = try Self.writeVersion1(at: temporary.path + "/old.git")
        let inbox = try Inbox.open(temporary.path + "/old.git")
        let commits = try await inbox.resolve(RevisionRange()).commits
        #expect(commits.count == 4)
        #expect(commits.map(\.commitTime) == [1_600_000_000, 1_600_000_001, 1_600_000_002, 1_600_000_100])
        #expect(commits[0].messagePath == "0a/1111111111111111111111111111111111111")
        #expect(commits[3].messagePath == nil)
        var read: [[UInt8]?] = []
        let sequence = inbox.blobs(for: commits, batchSize: 2, workers: nil, readAhead: 2, reader: reader)
        for try await batch in sequence { read += batch.map(\.bytes) }
        #expect(read == mails.map { Optional($0) } + [nil])
    }

    @Test func version1RangeFromTheSecondMessage() async throws {
        let temporary = try TemporaryDirectory()
        _ = try Self.writeVersion1(at: temporary.path + "/old.git")
        let inbox = try Inbox.open(temporary.path + "/old.git")
        let all = try await inbox.resolve(RevisionRange()).commits
        let resolved = try await inbox.resolve(RevisionRange(from: all[1].oid, to: "master"))
        #expect(resolved.commits.map(\.oid) == all[2...].map(\.oid))
    }
}
