import Foundation
import InboxReader
import TestSupport
import Testing

/// `report --history`, run on the built binary: the section, and the two errors.
@Suite struct HistoryFlagTests {
    private static func mail(_ subject: String, _ from: String, _ id: Int) -> ArchiveEntry {
        .mail(Array("From: \(from)\nSubject: \(subject)\nMessage-ID: <\(id)@x>\n\nText.\n---\n a.c | 1 +\n".utf8))
    }

    /// Mail 0 before the range (`--from` its commit), mails 1-2 inside it.
    private static func makeArchive(in directory: TemporaryDirectory) async throws -> (path: String, from: String) {
        let inbox = directory.url.appendingPathComponent("list")
        let gitDirectory = inbox.appendingPathComponent("git/0.git").path
        try await ArchiveWriter.writeEpoch(
            entries: [
                mail("[PATCH] widget: fix", "Ann Lee <ann@example.org>", 0),
                mail("[PATCH v2] widget: fix", "Ann Lee <ann@example.org>", 1),
                mail("[PATCH] mm: first", "Bo Novak <bo@example.org>", 2),
            ], to: gitDirectory, commitTimes: [1_759_276_800, 1_759_363_200, 1_759_449_600])
        let first = try CommandRunner.shell("git --git-dir='\(gitDirectory)' rev-parse HEAD~2")
        return (inbox.path, first.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func theSectionComesFromTheDefaultIndex() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (archive, from) = try await Self.makeArchive(in: directory)
        let cache = directory.path + "/cache"
        let indexed = try CommandRunner.loreDigest(["index", archive], cacheHome: cache)
        try #require(indexed.exitCode == 0, "\(indexed.standardError)")
        let result = try CommandRunner.loreDigest(["report", archive, "--from", from, "--history"], cacheHome: cache)
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(
            result.standardOutput.contains(
                """
                ===== History (from the index) =====

                First patches on this list:
                  Bo Novak <bo@example.org> (first patch mail: 2025-10-03)
                Revised series (earlier versions before this range):
                  [PATCH v2] widget: fix (v1 2025-10-01)

                Accounting: 2 messages
                """))
        // Without --history the same report has no such section.
        let plain = try CommandRunner.loreDigest(["report", archive, "--from", from], cacheHome: cache)
        #expect(!plain.standardOutput.contains("History"))
        let json = try CommandRunner.loreDigest(
            ["report", archive, "--from", from, "--history", "--format", "json"], cacheHome: cache)
        #expect(json.standardOutput.contains("\"revised_series\""))
    }

    @Test func historyWithNoIndexIsAUsageError() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (archive, _) = try await Self.makeArchive(in: directory)
        let result = try CommandRunner.loreDigest(["report", archive, "--history", "--no-index"])
        #expect(result.exitCode == 64)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.split(separator: "\n").count == 1)
        #expect(
            result.standardError.contains("--history reads the history index; it cannot be combined with --no-index"))
    }

    @Test func historyWithoutAnIndexSaysToBuildOne() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (archive, _) = try await Self.makeArchive(in: directory)
        let result = try CommandRunner.loreDigest(
            ["report", archive, "--history"], cacheHome: directory.path + "/empty")
        #expect(result.exitCode == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.split(separator: "\n").count == 1)
        #expect(result.standardError.contains("run 'lore-digest index \(archive)' first"))
        // --index PATH that does not exist: the same, and no index is created for it.
        let missing = directory.path + "/missing.sqlite"
        let given = try CommandRunner.loreDigest(["report", archive, "--history", "--index", missing])
        #expect(given.exitCode == 1)
        #expect(given.standardError.contains("run 'lore-digest index \(archive) --index \(missing)' first"))
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}
