import Foundation
import MailParser
import PatchModel
import Testing

@testable import Digest

/// The "New:" entries' text waits in an unlinked temporary file, and the report is the same.
@Suite struct EntryTextSpoolTests {
    /// Texts of every kind: empty, multi-byte, larger than a block, a block's worth of small ones.
    static let texts: [String] =
        ["", "one line", "Grüße, 日本語, 🙂 and a tab\t.\n", String(repeating: "long line of text\n", count: 40_000)]
        + (0..<3_000).map { "entry \($0): " + String(repeating: "x", count: $0 % 200) + "\n" }

    @Test func everyTextComesBackAsAppendedWrittenOrPending() throws {
        let spool = EntryTextSpool()
        #expect(spool.isSpooling)
        let spans = Self.texts.map { spool.append($0) }
        let ends = spans.compactMap { span -> Int64? in
            guard case .file(let offset, let length) = span else { return nil }
            return offset + Int64(length)
        }
        // Every text went to the file, more than one block of it written; the newest still pending.
        #expect(ends.count == spans.count)
        #expect(ends.max()! > Int64(EntryTextSpool.blockSize))
        // Read back in any order.
        for index in Self.texts.indices.reversed() {
            #expect(try spool.text(at: spans[index]) == Self.texts[index])
        }
    }

    @Test func theFileIsGoneFromItsFolderAtOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spool = EntryTextSpool(folder: folder)
        let span = spool.append("kept while the spool lives")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        #expect(try spool.text(at: span) == "kept while the spool lives")
    }

    @Test func withoutATemporaryFolderTheTextsStayInMemory() throws {
        let spool = EntryTextSpool(folder: "/nonexistent-\(UUID().uuidString)")
        #expect(!spool.isSpooling)
        let spans = ["text", "", "more"].map { spool.append($0) }
        #expect(spans == [.memory(0), .memory(1), .memory(2)])
        #expect(try spans.map { try spool.text(at: $0) } == ["text", "", "more"])
    }

    /// The same mails give the same report, text and model, whether the entries' text waited in a
    /// file or in memory.
    @Test func theReportIsTheSameWithOrWithoutTheFile() throws {
        let mails = Self.texts.prefix(400).enumerated().map { index, text in
            ReportAggregatorTests.facts(
                "[PATCH] entry \(index)", id: "e\(index)@example.org",
                body: "Why \(index).\n\n\(text)\nSigned-off-by: Ann Lee <ann@example.org>\n---\n"
                    + " a.c | 1 +\n\ndiff --git a/a.c b/a.c\n",
                commit: "c\(index)")
        }
        func report(_ spool: EntryTextSpool) throws -> Report {
            var aggregator = ReportAggregator(
                identity: IdentityResolver(companies: CompanyMap.shipped.map), entryTexts: spool)
            for (index, mail) in mails.enumerated() { aggregator.add(mail, receivedAt: 1_760_000_000 + Int64(index)) }
            return try aggregator.report(
                listName: "X",
                selection: Selection(fromLabel: nil, toLabel: "t", firstCommitTime: nil, lastCommitTime: nil), top: 15)
        }
        let spooled = try report(EntryTextSpool())
        let inMemory = try report(EntryTextSpool(folder: "/nonexistent-\(UUID().uuidString)"))
        #expect(spooled.entries.count == 400)
        #expect(spooled.entries[3].text.contains("long line of text\nlong line of text"))
        #expect(spooled == inMemory)
        #expect(TextRenderer().render(spooled) == TextRenderer().render(inMemory))
    }
}
