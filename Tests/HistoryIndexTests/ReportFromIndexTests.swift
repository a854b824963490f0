import Digest
import Foundation
import HistoryIndex
import InboxReader
import TestSupport
import Testing

/// A report built from the index is byte for byte the report built by parsing every message.
struct ReportFromIndexTests {
    private static func renderBothWays(_ inbox: Inbox, range: RevisionRange, index: MessageIndex) async throws
        -> (withIndex: [String], without: [String])
    {
        let builder = ReportBuilder()
        let direct = try await builder.build(inbox: inbox, range: range, options: ReportOptions())
        let indexed = try await builder.build(inbox: inbox, range: range, options: ReportOptions(), index: index)
        return (
            [TextRenderer().render(indexed), try JSONRenderer().render(indexed), MarkdownRenderer().render(indexed)],
            [TextRenderer().render(direct), try JSONRenderer().render(direct), MarkdownRenderer().render(direct)]
        )
    }

    @Test func aSyntheticArchive() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try await SyntheticArchive.write(count: 120, in: directory)
        let inbox = try Inbox.open(path)
        let index = try MessageIndex.open(at: directory.path + "/index.sqlite", create: true)
        _ = try await index.update(from: inbox)
        let whole = try await Self.renderBothWays(inbox, range: RevisionRange(), index: index)
        #expect(whole.withIndex == whole.without)
        #expect(whole.withIndex[0].contains("Accounting: 108 messages"))
        // A range that starts inside a series.
        let middle = try SyntheticArchive.revParse(path + "/git/0.git", "HEAD~57")
        let part = try await Self.renderBothWays(inbox, range: RevisionRange(from: middle), index: index)
        #expect(part.withIndex == part.without)
    }

    @Test func commitsTheIndexLacksAreParsed() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try await SyntheticArchive.write(count: 30, in: directory)
        let gitDirectory = path + "/git/0.git"
        let head = try SyntheticArchive.revParse(gitDirectory, "HEAD")
        try SyntheticArchive.git(gitDirectory, ["update-ref", "refs/heads/master", "HEAD~10"])
        let inbox = try Inbox.open(path)
        let index = try MessageIndex.open(at: directory.path + "/index.sqlite", create: true)
        _ = try await index.update(from: inbox)
        try SyntheticArchive.git(gitDirectory, ["update-ref", "refs/heads/master", head])
        // Not updated: the last 10 commits are read from the archive.
        let both = try await Self.renderBothWays(inbox, range: RevisionRange(), index: index)
        #expect(both.withIndex == both.without)
    }

    @Test(.enabled(if: SharedData.isAvailable, Comment(rawValue: SharedData.skipReason)))
    func theSeedArchive() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let epoch = directory.url.appendingPathComponent("kvm/git/0.git")
        let script = SharedData.seedFixture.appendingPathComponent("make-archive.sh").path
        let made = try CommandRunner.run(URL(fileURLWithPath: "/bin/bash"), [script, epoch.path])
        try #require(made.exitCode == 0, "make-archive.sh failed: \(made.standardError)")
        let inbox = try Inbox.open(directory.url.appendingPathComponent("kvm").path)
        let index = try MessageIndex.open(at: directory.path + "/index.sqlite", create: true)
        _ = try await index.update(from: inbox)
        let both = try await Self.renderBothWays(inbox, range: RevisionRange(), index: index)
        #expect(both.withIndex == both.without)
        #expect(both.withIndex[0].contains("Accounting:"))
    }
}
