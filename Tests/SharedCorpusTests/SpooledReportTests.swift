import Digest
import Foundation
import InboxReader
import TestSupport
import Testing

/// A whole real archive (kvm-ppc, 5,965 mails) reported with its thread view in a temporary file,
/// the series rules run over small parts, and the entries' text read back as printed: the same
/// report, byte for byte, in every format.
@Suite(.enabled(if: SharedData.isAvailable, Comment(rawValue: SharedData.skipReason)))
struct SpooledReportTests {
    @Test func theWholeKvmPpcReportIsTheSameSpooledAndInParts() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let inboxPath = directory.url.appendingPathComponent("kvm-ppc")
        let epoch = inboxPath.appendingPathComponent("git/0.git").path
        let clone = try CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["git", "clone", "-q", "--bare", SharedData.corpusBundle("kvm-ppc-0").path, epoch])
        try #require(clone.exitCode == 0, "git clone failed: \(clone.standardError)")
        let inbox = try Inbox.open(inboxPath.path)
        let range = RevisionRange(from: nil, to: nil)

        let inMemory = try await ReportBuilder().build(inbox: inbox, range: range, options: ReportOptions())
        var spooling = ReportBuilder()
        spooling.threadSpoolLimit = 0
        spooling.threadPartSize = 300
        let spooled = try await spooling.build(inbox: inbox, range: range, options: ReportOptions())
        #expect(spooled == inMemory)
        #expect(try JSONRenderer().render(spooled) == JSONRenderer().render(inMemory))

        let streamed = try await spooling.build(
            inbox: inbox, range: range, options: ReportOptions(streamsEntryTexts: true))
        #expect(streamed.entryTexts != nil && streamed.entries.allSatisfy(\.text.isEmpty))
        #expect(inMemory.entries.contains { !$0.text.isEmpty })
        let renderers: [any ReportSectionRenderer] = [TextRenderer(), MarkdownRenderer(), HTMLRenderer()]
        for renderer in renderers {
            var pieces = ""
            try renderer.render(streamed) { pieces += $0 }
            let whole = try renderer.render(inMemory)
            #expect(pieces == whole, "\(type(of: renderer))")
        }
    }
}
