import Foundation
import Testing

@testable import Digest

/// A large report's series wait in the entries' file, one record each, and come back equal,
/// in the report's order, with their links and lists.
@Suite struct SpooledSeriesTests {
    /// A series with every field set, and strings no separator could hold.
    static var full: SeriesEntry {
        let trailer = SeriesTrailerEntry(
            type: "reviewed", name: "Rë Viewer \u{0}", email: "r@x", position: 2, messageID: "t@x", mismatch: true)
        var patch = SeriesPatchEntry(
            position: 1, messageID: "p1@x", subject: "[PATCH v3 1/2] \u{1b}[31m ✓",
            patchID: String(repeating: "f", count: 40),
            change: "changed", previousMessageID: "old1@x", trailers: [trailer], replies: 3, inRange: false)
        patch.url = "https://lore.example/p1@x/"
        var previous = SeriesPreviousVersion(version: 2, messageID: "v2@x", date: "2025-01-02", linkedBy: "title")
        previous.url = "https://lore.example/v2@x/"
        var applied = SeriesAppliedEntry(
            branch: "kvm-arm64/next", commits: ["abc123", "def456"], by: "Mai <m@x>", messageID: "a@x",
            positions: [1, 2])
        applied.url = "https://lore.example/a@x/"
        var entry = SeriesEntry(
            id: "c0@x", title: "KVM: arm64: a feature", version: 3, minorVersion: 1, isRFC: true, isResend: true,
            total: 3, coverMessageID: "c0@x", author: ReportPerson(name: "Au Thor", email: "a@x"), date: "2025-02-03",
            received: [1, 2], missing: [3], completeness: "2 of 3, missing 3", changeID: "20250203-feature-abc",
            previous: previous, versionSummary: "v3 (v2 2025-01-02): 1 changed", patches: [patch],
            dropped: [SeriesDroppedPatch(position: 4, messageID: "d@x", subject: "gone")], trailers: [trailer],
            replies: 5, repliers: [ReportPerson(name: "", email: "q@x")],
            botReports: [SeriesBotReport(bot: "kernel test robot", messageID: "b@x", position: 0)],
            applied: applied, supersededBy: SeriesSupersededBy(version: 4, seriesID: "v4@x"), startedBefore: true,
            notes: ["position 2 sent twice", ""])
        entry.url = "https://lore.example/c0@x/"
        entry.coverURL = entry.url
        entry.lists = ["kvm", "kvmarm"]
        return entry
    }

    /// A series with every optional absent and every list empty.
    static var bare: SeriesEntry {
        SeriesEntry(
            id: "", title: "", version: nil, total: 0, coverMessageID: nil, author: ReportPerson(name: "", email: ""),
            date: "", received: [], missing: [], completeness: "", patches: [])
    }

    @Test func seriesComeBackAsTheyWent() {
        for entry in [Self.full, Self.bare] {
            #expect(SeriesEntryRecord.entry(from: SeriesEntryRecord.bytes(of: entry)) == entry)
        }
    }

    @Test func aCutOrLengthenedRecordIsNoSeries() {
        let bytes = SeriesEntryRecord.bytes(of: Self.full)
        for length in 0..<bytes.count {
            #expect(SeriesEntryRecord.entry(from: Array(bytes.prefix(length))) == nil, "cut at \(length)")
        }
        #expect(SeriesEntryRecord.entry(from: bytes + [0]) == nil)
    }

    @Test func seriesComeBackInTheReportsOrderFromTheFileAndFromMemory() throws {
        let directory = FileManager.default.temporaryDirectory.path
        for spool in [EntryTextSpool(folder: directory), EntryTextSpool(folder: "/nonexistent/folder")] {
            var writer = SpooledSeries.Writer(spool: spool)
            // Handed over as the parts finish: the report's third, first, then second, many times
            // over (past a block of the file).
            var handedOver: [SeriesEntry] = []
            for round in 0..<2_000 {
                for (offset, base) in [(2, Self.bare), (0, Self.full), (1, Self.full)] {
                    var entry = base
                    entry.id = "s\(round * 3 + offset)@x"
                    entry.supersededBy = offset == 1 ? nil : entry.supersededBy
                    handedOver.append(entry)
                    writer.append(entry, isWaiting: offset == 2)
                }
            }
            let order = handedOver.indices.sorted {
                Int(handedOver[$0].id.dropFirst().dropLast(2))! < Int(handedOver[$1].id.dropFirst().dropLast(2))!
            }
            var spooled = writer.finish(order: order)
            #expect(spooled.count == 6_000)
            for index in [0, 1, 2, 4_000, 5_999] {
                #expect(try spooled.entry(at: index) == handedOver[order[index]])
                #expect(spooled.facts[index] == SeriesFacts(handedOver[order[index]], isWaiting: index % 3 == 2))
            }

            // Links and lists, as the report in memory gets them.
            let links = try #require(MessageLinks(base: "https://lore.kernel.org/kvm/"))
            let shown = ListsShown(names: ["kvm", "kvmarm"], byMessageID: ["p1@x": ["kvmarm"]])
            spooled.links = links
            spooled.lists = shown
            var expected = handedOver[order[1]]
            expected.link(links)
            expected.lists = shown.reached(expected)
            #expect(try spooled.entry(at: 1) == expected)
            #expect(expected.lists == ["kvmarm"] && expected.patches[0].url == "https://lore.kernel.org/kvm/p1@x/")
        }
    }

    @Test func aReportPrintsItsSpooledSeriesAsItsSeriesInMemory() throws {
        var inMemory = ReportFixture.make()
        inMemory.series = [Self.full, Self.bare, Self.full]
        inMemory.series[1].id = "waits@x"
        inMemory.series[2].supersededBy = nil
        inMemory.waiting = ["waits@x"]
        var streamed = inMemory
        var writer = SpooledSeries.Writer(spool: EntryTextSpool(folder: FileManager.default.temporaryDirectory.path))
        for (index, entry) in inMemory.series.enumerated().reversed() {
            writer.append(entry, isWaiting: index == 1)
        }
        streamed.seriesEntries = writer.finish(order: [2, 1, 0])
        streamed.series = []
        #expect(streamed.seriesFacts == inMemory.seriesFacts)
        #expect(try streamed.appliedRows() == inMemory.appliedRows())
        #expect(try streamed.waitingSeries() == inMemory.waitingSeries())
        #expect(ReportCharts(streamed) == ReportCharts(inMemory))
        // JSON holds every part: a report with parts in the file is refused, not printed empty.
        #expect(throws: EncodingError.self) { try JSONRenderer().render(streamed) }
        let renderers: [any ReportSectionRenderer] = [TextRenderer(), MarkdownRenderer(), HTMLRenderer()]
        for renderer in renderers {
            var pieces = ""
            try renderer.render(streamed) { pieces += $0 }
            #expect(try pieces == renderer.render(inMemory), "\(type(of: renderer))")
        }
    }
}
