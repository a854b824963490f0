import Digest
import Foundation
import InboxReader
import TestSupport
import Testing

/// A whole real archive (kvm-ppc, 5,965 mails) reported with its series rules in parts on two
/// cores and in one go, and with its thread view in a temporary file,
/// the series rules run over small parts, and the entries' text, the patch list's lines and the
/// series read back as printed: the same report, byte for byte, in every format, with links and
/// without.
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
        // The rules in parts on two cores (the default) and over the range in one go.
        var inOneGo = ReportBuilder()
        inOneGo.rulesSideBySide = false
        #expect(try await inOneGo.build(inbox: inbox, range: range, options: ReportOptions()) == inMemory)
        var spooling = ReportBuilder()
        spooling.threadSpoolLimit = 0
        spooling.threadPartSize = 300
        spooling.sideBySideLimit = 0
        let spooled = try await spooling.build(inbox: inbox, range: range, options: ReportOptions())
        #expect(spooled == inMemory)
        #expect(try JSONRenderer().render(spooled) == JSONRenderer().render(inMemory))

        // With links, every patch list line read back gets its own.
        for links in [false, true] {
            let archiveURL = links ? "https://lore.kernel.org/kvm-ppc/" : nil
            let inMemory = try await ReportBuilder().build(
                inbox: inbox, range: range, options: ReportOptions(archiveURL: archiveURL, links: links))
            let streamed = try await spooling.build(
                inbox: inbox, range: range,
                options: ReportOptions(archiveURL: archiveURL, links: links, streamsEntryTexts: true))
            #expect(inMemory.patchList.allSatisfy { ($0.url != nil) == (links && $0.messageID != nil) })
            #expect(streamed.entryTexts != nil && streamed.entries.allSatisfy(\.text.isEmpty))
            #expect(streamed.patchListLines?.count == inMemory.patchList.count && streamed.patchList.isEmpty)
            #expect(streamed.seriesEntries?.count == inMemory.series.count && streamed.series.isEmpty)
            #expect(try (0..<streamed.seriesCount).map { try streamed.seriesEntry(at: $0) } == inMemory.series)
            #expect(streamed.seriesFacts == inMemory.seriesFacts && inMemory.series.count > 500)
            #expect(inMemory.entries.contains { !$0.text.isEmpty })
            #expect(inMemory.patchList.count > 2_000)
            let renderers: [any ReportSectionRenderer] = [TextRenderer(), MarkdownRenderer(), HTMLRenderer()]
            for renderer in renderers {
                var pieces = ""
                try renderer.render(streamed) { pieces += $0 }
                let whole = try renderer.render(inMemory)
                #expect(pieces == whole, "\(type(of: renderer)), links: \(links)")
            }
        }
    }
}
