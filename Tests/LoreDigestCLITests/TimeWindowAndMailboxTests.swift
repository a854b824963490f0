import Foundation
import InboxReader
import TestSupport
import Testing

/// `--since/--until` and `report FILE.mbox`, run on the built binary.
@Suite struct TimeWindowAndMailboxTests {
    /// `2025-10-01 00:00:00 UTC`.
    private static let october1: Int64 = 1_759_276_800

    private static func mail(_ n: Int, date: String? = nil) -> String {
        var text = "From: Ann Lee <ann@example.org>\nSubject: [PATCH] widget: fix \(n)\nMessage-ID: <\(n)@x>\n"
        if let date { text += "Date: \(date)\n" }
        return text
            + "\nFix \(n).\n\n>From the list's point of view, fine.\n\nSigned-off-by: Ann Lee <ann@example.org>\n"
    }

    /// Five mails received at 2025-09-30 12:00, 10-01 00:00, 10-01 12:00, 10-02 00:00, 10-02 12:00.
    private static func makeArchive(in directory: TemporaryDirectory) async throws -> (path: String, oids: [String]) {
        let inbox = directory.url.appendingPathComponent("list")
        let gitDirectory = inbox.appendingPathComponent("git/0.git").path
        try await ArchiveWriter.writeEpoch(
            entries: (1...5).map { .mail(Array(mail($0).utf8)) }, to: gitDirectory,
            commitTimes: (0..<5).map { october1 - 43_200 + Int64($0) * 43_200 })
        let listing = try CommandRunner.shell("git --git-dir='\(gitDirectory)' rev-list --reverse --abbrev-commit HEAD")
        return (inbox.path, listing.standardOutput.split(separator: "\n").map(String.init))
    }

    @Test func sinceAndUntilSayTheWindowInTheFirstLines() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (archive, oids) = try await Self.makeArchive(in: directory)
        let result = try CommandRunner.loreDigest(["report", archive, "--since", "2025-10-01", "--until", "2025-10-02"])
        #expect(result.exitCode == 0, "stderr: \(result.standardError)")
        #expect(result.standardError.isEmpty)
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "From 2025-10-01 00:00 UTC to 2025-10-02 00:00 UTC (commits \(oids[1]) to \(oids[3]))")
        #expect(lines[1] == "LIST mailing list update from 2025-10-01 00:00 UTC to 2025-10-02 00:00 UTC")
        #expect(
            result.standardOutput.hasSuffix(
                "Accounting: 3 messages (3 patch mails, 0 replies, 0 other, 0 unparseable), 0 deleted\n"))
    }

    @Test func aWindowWithFromAndToNamesBoth() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (archive, oids) = try await Self.makeArchive(in: directory)
        let result = try CommandRunner.loreDigest(["report", archive, "--from", oids[0], "--since=2 weeks ago"])
        #expect(result.exitCode == 0, "stderr: \(result.standardError)")
        let first = try #require(result.standardOutput.split(separator: "\n").first)
        #expect(first.hasPrefix("From 20"))
        #expect(first.hasSuffix(" UTC to the newest message within \(oids[0])..\(oids[4]) (no messages)"))
        #expect(result.standardError == "Note: nothing matched; the report has 0 messages.\n")
        #expect(
            result.standardOutput.hasSuffix(
                "Accounting: 0 messages (0 patch mails, 0 replies, 0 other, 0 unparseable), 0 deleted\n"))
    }

    @Test func withoutAWindowTheClassicFirstLinesStay() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (archive, oids) = try await Self.makeArchive(in: directory)
        let result = try CommandRunner.loreDigest(["report", archive, "--from", oids[1], "--to", oids[3]])
        #expect(
            result.standardOutput.hasPrefix(
                "From \(oids[1]) to \(oids[3])\nLIST mailing list update from \(oids[1]) to \(oids[3])\n\n"))
    }

    @Test func anUnreadableDateIsOneLineWithExitOne() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (archive, _) = try await Self.makeArchive(in: directory)
        let result = try CommandRunner.loreDigest(["report", archive, "--until", "garbage"])
        #expect(result.exitCode == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(
            result.standardError
                == "Error: --until 'garbage' is not a date lore-digest reads; give YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] with an optional zone (Z, +02:00), @SECONDS, or a relative date such as '2 weeks ago' or yesterday\n"
        )
        let empty = try CommandRunner.loreDigest(["report", archive, "--since", ""])
        #expect(empty.exitCode == 64)
        #expect(empty.standardError.contains("--since needs a date, not an empty string"))
    }

    @Test func messagesTakesTheWindowToo() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (archive, _) = try await Self.makeArchive(in: directory)
        let result = try CommandRunner.loreDigest(["messages", archive, "--until", "2025-10-01T00:00:00Z"])
        #expect(result.exitCode == 0, "stderr: \(result.standardError)")
        #expect(result.standardOutput.split(separator: "\n").count == 2)
    }

    @Test func reportOfAnMboxNamesTheFile() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("results.mbox").path
        let dates = [
            "Thu, 02 Oct 2025 09:00:00 +0000", "Wed, 01 Oct 2025 09:00:00 +0000", "Fri, 03 Oct 2025 09:00:00 +0000",
        ]
        let mbox = dates.enumerated().map { index, date in
            "From mboxrd@z Thu Jan  1 00:00:00 1970\n"
                + Self.mail(index + 1, date: date)
                .replacingOccurrences(of: "\n>From ", with: "\n>>From ") + "\n"
        }.joined()
        try mbox.write(toFile: path, atomically: true, encoding: .utf8)

        let result = try CommandRunner.loreDigest(["report", path])
        #expect(result.exitCode == 0, "stderr: \(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "From results.mbox (3 messages)")
        #expect(lines[1] == "RESULTS mailing list update from results.mbox")
        // Date order, and the mboxrd escape undone by one level.
        #expect(result.standardOutput.contains("[PATCH] widget: fix 2\n[PATCH] widget: fix 1\n[PATCH] widget: fix 3\n"))
        #expect(result.standardOutput.contains("\n>From the list's point of view, fine.\n"))
        #expect(!result.standardOutput.contains(">>From"))

        let window = try CommandRunner.loreDigest(["report", path, "--since", "2025-10-02", "--list", "KVM"])
        #expect(
            window.standardOutput.hasPrefix(
                "From results.mbox, 2025-10-02 00:00 UTC to the newest message (2 messages)\nKVM mailing list update from results.mbox, 2025-10-02 00:00 UTC to the newest message\n"
            ))

        let from = try CommandRunner.loreDigest(["report", path, "--from", "HEAD~1"])
        #expect(from.exitCode == 1)
        #expect(
            from.standardError
                == "Error: --from and --to name commits of a public-inbox archive, and 'results.mbox' is an mbox file; select by date with --since and --until instead\n"
        )
    }

    @Test func reportOfAMaildir() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let maildir = directory.url.appendingPathComponent("search")
        for folder in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(
                at: maildir.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Self.mail(1).write(
            to: maildir.appendingPathComponent("cur/1759300000.M1P1.h:2,S"), atomically: true, encoding: .utf8)
        try Self.mail(2).write(
            to: maildir.appendingPathComponent("new/1759400000.M1P1.h"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.loreDigest(["report", maildir.path])
        #expect(result.exitCode == 0, "stderr: \(result.standardError)")
        #expect(result.standardOutput.hasPrefix("From search (2 messages)\nSEARCH mailing list update from search\n"))
    }

    @Test func aFileThatIsNotAnMboxIsOneLine() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("notes.txt").path
        try "hello\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CommandRunner.loreDigest(["report", path])
        #expect(result.exitCode == 1)
        #expect(
            result.standardError
                == "Error: '\(path)' is a file but not an mbox (it does not start with 'From '); give an mbox file (lei q -o mboxrd:FILE), a Maildir or a public-inbox archive\n"
        )
    }
}
