import Foundation
import TestSupport
import Testing

/// `lore-digest` with no arguments: the report of the embedded sample archive.
@Suite struct SampleReportTests {
    @Test func noArgumentsPrintsTheSampleReport() throws {
        let cache = try TemporaryDirectory("lore-digest-cache")
        defer { cache.remove() }
        let result = try CommandRunner.loreDigest([], cacheHome: cache.path)
        #expect(result.exitCode == 0, "stderr: \(result.standardError)")
        let out = result.standardOutput
        #expect(out.contains("WIDGET-DEVEL mailing list update from the first message to "))
        #expect(out.contains("Top 15 contributor Email domains (Based on Email Body)"))
        #expect(out.contains("===== Patch list in this time period ====="))
        #expect(out.contains("New:  "))
        // The sample's encoded names come out decoded, and every message is accounted for.
        #expect(!out.contains("=?"))
        let accounting = try #require(out.split(separator: "\n").last)
        #expect(accounting.hasPrefix("Accounting: "))
        #expect(accounting.hasSuffix(", 0 deleted"))

        // A second run reads the archive built in the cache by the first, and says the same.
        let again = try CommandRunner.loreDigest([], cacheHome: cache.path)
        #expect(again.standardOutput == out)
    }

    /// The sample's mails and the company map are carried inside the binary, written there by
    /// `scripts/embed-resources.py` from `Sample/*.eml` and `companies.map`: the two must agree.
    @Test func theEmbeddedResourcesAreTheirSources() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let result = try CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", "scripts/embed-resources.py", "--check"],
            currentDirectory: root)
        #expect(result.exitCode == 0, "\(result.standardError)")
    }

    @Test func theSampleReportAsJSONIsValid() throws {
        let cache = try TemporaryDirectory("lore-digest-cache")
        defer { cache.remove() }
        let result = try CommandRunner.loreDigest(["report", "--format", "json"], cacheHome: cache.path)
        #expect(result.exitCode == 0, "stderr: \(result.standardError)")
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let accounting = try #require(object?["accounting"] as? [String: Any])
        #expect((accounting["patch_mails"] as? Int ?? 0) > 0)
    }

    @Test func messagesPrintsOneJSONLinePerMessage() throws {
        let cache = try TemporaryDirectory("lore-digest-cache")
        defer { cache.remove() }
        let result = try CommandRunner.loreDigest(["messages"], cacheHome: cache.path)
        #expect(result.exitCode == 0, "stderr: \(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count >= 30)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["commit"] is String)
            #expect(object?["kind"] is String)
        }
    }

    @Test func outputGoesToTheFileGiven() throws {
        let cache = try TemporaryDirectory("lore-digest-cache")
        defer { cache.remove() }
        let file = cache.url.appendingPathComponent("report.txt")
        let result = try CommandRunner.loreDigest(["--output", file.path, "--top", "3"], cacheHome: cache.path)
        #expect(result.exitCode == 0, "stderr: \(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        let written = try String(contentsOf: file, encoding: .utf8)
        #expect(written.contains("Top 3 contributors (Based on Email Body)"))
    }
}
