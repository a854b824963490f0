import Foundation
import Testing

@testable import Digest

/// A large report's patch list waits in the entries' file, one line per text, and comes back
/// the same, whatever its subject holds.
@Suite struct SpooledPatchListTests {
    static let lines = [
        PatchListLine(
            subject: "[PATCH 0/2] KVM: x86: two", commit: String(repeating: "a", count: 40), isInSeries: false,
            messageID: "c@x"),
        PatchListLine(
            subject: "[PATCH 1/2] 12 3 - digits, dashes and spaces", commit: "c1", isInSeries: true,
            messageID: "1 2@x"),
        PatchListLine(subject: "", commit: "", isInSeries: true, messageID: nil),
        PatchListLine(
            subject: "-5 ünïcödé \u{0} NUL, \u{1b}[31m escape, ✓", commit: "9", isInSeries: false,
            messageID: "-"),
        PatchListLine(subject: "[PATCH] no Message-ID", commit: "d4", isInSeries: false, messageID: nil),
    ]

    /// A line's text says all but whether it is in a series (known once the list is in order).
    @Test func linesComeBackAsTheyWent() throws {
        for line in Self.lines {
            var outOfSeries = line
            outOfSeries.isInSeries = false
            #expect(SpooledPatchList.line(from: SpooledPatchList.text(of: line)) == outOfSeries)
        }
    }

    @Test func damagedTextIsNoLine() {
        for text in ["", "2", "0", "5 abc", "x abc", "3 abc4 ab", "1", "3 abc"] {
            #expect(SpooledPatchList.line(from: text) == nil, "\(text)")
        }
    }

    @Test func linesComeBackFromTheFileAndFromMemoryWithTheirLinks() throws {
        let directory = FileManager.default.temporaryDirectory.path
        for spool in [EntryTextSpool(folder: directory), EntryTextSpool(folder: "/nonexistent/folder")] {
            var list = SpooledPatchList(Array(repeating: Self.lines, count: 2_000).flatMap { $0 }, in: spool)
            #expect(list.count == 10_000)
            #expect(try list.line(at: 9_999) == Self.lines[4])
            let links = try #require(MessageLinks(base: "https://lore.kernel.org/kvm/"))
            list.links = links
            for index in [0, 1, 2, 3, 7_003] {
                var expected = Self.lines[index % 5]
                expected.url = expected.messageID.map { links.url(for: $0) }
                #expect(try list.line(at: index) == expected)
            }
        }
    }

    /// Lines written as their mails are read, in archive order, and put in the list's order with
    /// their flags afterwards: what a large report does.
    @Test func linesWrittenFirstComeBackInTheListsOrder() throws {
        let spool = EntryTextSpool(folder: FileManager.default.temporaryDirectory.path)
        let spans = Self.lines.map { SpooledPatchList.append($0, to: spool) }
        let order = [4, 0, 2, 1, 3]
        let list = SpooledPatchList(
            spool: spool, spans: order.map { spans[$0] }, isInSeries: order.map { Self.lines[$0].isInSeries })
        #expect(try (0..<list.count).map { try list.line(at: $0) } == order.map { Self.lines[$0] })
    }
}
