import Foundation
import TestSupport
import Testing

/// `lore-digest sync` through the built binary against a real public-inbox-httpd on 127.0.0.1:
/// it mirrors the inbox, then builds and updates the mirror's history index.
@Suite(.enabled(if: PublicInboxServer.skipReason == nil, Comment(rawValue: PublicInboxServer.skipReason ?? "")))
struct SyncCommandTests {
    static let script = PublicInboxServer.script
    static let corpus = PublicInboxServer.corpus

    /// Runs the server script with its output in a file: the daemon it starts keeps its
    /// standard output open, so a pipe would never reach end of file.
    private static func server(_ arguments: String, work: TemporaryDirectory) throws -> String {
        let log = work.url.appendingPathComponent("server.log").path
        let result = try CommandRunner.shell("bash '\(script)' \(arguments) > '\(log)' 2>&1")
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        try #require(result.exitCode == 0, "public-inbox-server.sh \(arguments) failed: \(output)")
        return output
    }

    @Test func syncMirrorsThenIndexesOnlyWhatIsNew() throws {
        let work = try TemporaryDirectory("lore-digest-sync")
        let served = work.url.appendingPathComponent("served").path
        try FileManager.default.createDirectory(atPath: served, withIntermediateDirectories: true)
        defer {
            _ = try? Self.server("stop '\(served)'", work: work)
            work.remove()
        }
        let started = try Self.server("start '\(served)' '\(Self.corpus)' 200", work: work)
        let url = try #require(started.split(separator: "\n").first { $0.hasPrefix("url=") }).dropFirst(4)
        let mirror = work.url.appendingPathComponent("mirror").path
        let index = work.url.appendingPathComponent("mirror.sqlite").path

        let first = try CommandRunner.loreDigest(["sync", String(url), mirror, "--index", index])
        #expect(first.exitCode == 0, "\(first.standardError)")
        let firstLines = first.standardOutput.split(separator: "\n")
        #expect(firstLines.count == 2)
        #expect(firstLines.first?.hasSuffix("1 cloned, 0 fetched, 200 new messages") == true)
        #expect(firstLines.last?.hasPrefix("Indexed 200 messages (200 new) of mirror in ") == true)

        _ = try Self.server("add '\(served)' 250", work: work)
        let second = try CommandRunner.loreDigest(["sync", String(url), mirror, "--index", index])
        #expect(second.exitCode == 0, "\(second.standardError)")
        let secondLines = second.standardOutput.split(separator: "\n")
        #expect(secondLines.first?.hasSuffix("0 cloned, 1 fetched, 50 new messages") == true)
        #expect(secondLines.last?.hasPrefix("Indexed 250 messages (50 new) of mirror in ") == true)

        // The report reads the index the sync kept up to date.
        let report = try CommandRunner.loreDigest(["report", mirror, "--index", index])
        #expect(report.exitCode == 0, "\(report.standardError)")
        #expect(report.standardOutput.contains("Accounting: 250 messages"))
    }

    /// Two inboxes (and one that cannot be reached) into one directory: a mirror each, named
    /// after its URL, one summary line each; the failure is reported and fails the command.
    @Test func syncOfSeveralInboxesMirrorsEachInItsOwnFolder() throws {
        let work = try TemporaryDirectory("lore-digest-sync-several")
        var servedFolders: [String] = []
        defer {
            for served in servedFolders { _ = try? Self.server("stop '\(served)'", work: work) }
            work.remove()
        }
        var urls: [String] = []
        for (name, count) in [("kvm-ppc", 30), ("kvmarm", 40)] {
            let served = work.url.appendingPathComponent("served-\(name)").path
            try FileManager.default.createDirectory(atPath: served, withIntermediateDirectories: true)
            servedFolders.append(served)
            let started = try Self.server("start '\(served)' '\(Self.corpus)' \(count) \(name)", work: work)
            urls.append(
                String(try #require(started.split(separator: "\n").first { $0.hasPrefix("url=") }).dropFirst(4)))
        }
        let mirrors = work.url.appendingPathComponent("mirrors").path
        let cache = work.url.appendingPathComponent("cache").path
        let result = try CommandRunner.loreDigest(
            ["sync", urls[0], "http://127.0.0.1:1/gone", urls[1], mirrors], cacheHome: cache)
        #expect(result.exitCode == 1)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines.first?.hasSuffix("into \(mirrors)/kvm-ppc: 1 cloned, 0 fetched, 30 new messages") == true)
        #expect(
            lines.dropFirst(2).first?.hasSuffix("into \(mirrors)/kvmarm: 1 cloned, 0 fetched, 40 new messages") == true)
        #expect(result.standardError.contains("lore-digest: sync of http://127.0.0.1:1/gone failed: "))
        #expect(
            result.standardError.hasSuffix(
                "Error: 1 of 3 inboxes failed to sync (http://127.0.0.1:1/gone); the others are up to date\n"))
        #expect(!FileManager.default.fileExists(atPath: mirrors + "/gone/git"))

        let report = try CommandRunner.loreDigest(
            ["report", mirrors + "/kvm-ppc", mirrors + "/kvmarm"], cacheHome: cache)
        #expect(report.exitCode == 0, "\(report.standardError)")
        // The same 30 first mails reached both: folded into the 40 of the second.
        #expect(report.standardOutput.contains(", 30 cross-posted duplicates folded\n"))
    }
}

/// The sync command's usage errors: no server needed.
@Suite struct SyncUsageTests {
    @Test func noIndexAndIndexExcludeEachOther() throws {
        let result = try CommandRunner.loreDigest([
            "sync", "http://127.0.0.1:1/x", "/tmp/unused", "--no-index", "--index", "x",
        ])
        #expect(result.exitCode == 64)
        #expect(result.standardError.contains("--no-index and --index exclude each other"))
    }

    @Test func severalInboxesNeedDistinctFoldersAndNoIndexFile() throws {
        let same = try CommandRunner.loreDigest(["sync", "http://a.example/kvm", "http://b.example/kvm", "/tmp/unused"])
        #expect(same.exitCode == 64)
        #expect(
            same.standardError.hasPrefix(
                "Error: 'http://a.example/kvm' and 'http://b.example/kvm' would both be mirrored in 'kvm'; give each once"
            ))
        let index = try CommandRunner.loreDigest([
            "sync", "http://a.example/kvm", "http://a.example/kvmarm", "/tmp/unused", "--index", "x",
        ])
        #expect(index.exitCode == 64)
        #expect(index.standardError.hasPrefix("Error: --index names one index file; with several inboxes"))
        let alone = try CommandRunner.loreDigest(["sync", "http://a.example/kvm"])
        #expect(alone.exitCode == 64)
    }
}

/// What the sync test needs: the server script, a corpus, and public-inbox installed.
enum PublicInboxServer {
    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/public-inbox-server.sh").path
    static let corpus = SharedData.corpusBundle("kvm-ppc-0").path

    static let skipReason = PublicInboxAvailability.skipReason(needing: ["kvm-ppc-0"])
}
