import Digest
import Foundation
import HistoryIndex
import InboxReader
import MailParser
import TestSupport
import Testing

/// `--history`: the look back before the range, from the index alone, and how each format shows it.
struct HistorySectionTests {
    /// 2023-11-14 01:00 UTC; mail `i` is committed `i` days later.
    static let day0: Int64 = 1_700_000_000 - 1_700_000_000 % 86_400 + 3_600

    static func mail(_ subject: String, _ from: String, _ id: Int, replyTo: Int? = nil) -> ArchiveEntry {
        var text = "From: \(from)\nSubject: \(subject)\nMessage-ID: <\(id)@x>\n"
        if let replyTo { text += "In-Reply-To: <\(replyTo)@x>\nReferences: <\(replyTo)@x>\n" }
        return .mail(Array((text + "\nText \(id).\n---\n a.c | 1 +\n").utf8))
    }

    static let frob = "widget: frob *the* <widgets>"

    /// Mails 0-3 are before the range, 4-12 inside it (`--from HEAD~9`).
    static let entries: [ArchiveEntry] = [
        mail("[PATCH] net: old fix", "Ret Urner <ret@example.org>", 0),
        mail("[PATCH 0/2] \(frob)", "Ann Lee <ann@example.org>", 1),
        mail("[PATCH 1/2] widget: part one", "Ann Lee <ann@example.org>", 2, replyTo: 1),
        mail("[PATCH v2 0/2] \(frob)", "Ann Lee <ann@example.org>", 3),
        // The range.
        mail("[PATCH v3 0/2] \(frob)", "Ann Lee <ANN@example.org>", 4),
        mail("[PATCH v3 1/2] widget: part one", "Ann Lee <ann@example.org>", 5, replyTo: 4),  // not a head
        mail("[PATCH] net: new fix", "Ret Urner <ret@example.org>", 6),  // a returning author
        mail("[PATCH] mm: first ever", "New \u{1B}[31mComer <new@example.org>", 7),  // a first-time author
        mail("[PATCH] io: tweak", "Cat Doe <cat@example.org>", 8),  // first time too; v1 inside the range
        mail("[PATCH v2] io: tweak", "Cat Doe <cat@example.org>", 9),  // its v1 is not "earlier"
        mail("Re: [PATCH] io: tweak", "Rep Ly <rep@example.org>", 10, replyTo: 8),  // a reply is no patch
        mail("[PATCH] mm: second", "New Comer <new@example.org>", 11),
        mail("[RESEND PATCH] net: old fix", "Ret Urner <ret@example.org>", 12),
    ]

    static func day(_ offset: Int) -> String {
        String(DateText.utc(day0 + Int64(offset) * 86_400).prefix(10))
    }

    /// The archive, its updated index, and the report of `HEAD~9..HEAD` with `--history`.
    static func report(history: Bool = true, in directory: TemporaryDirectory) async throws -> Report {
        let path = directory.path + "/list"
        try await ArchiveWriter.writeEpoch(
            entries: entries, to: path + "/git/0.git",
            commitTimes: entries.indices.map { day0 + Int64($0) * 86_400 })
        let inbox = try Inbox.open(path)
        let index = try MessageIndex.open(at: directory.path + "/index.sqlite", create: true)
        _ = try await index.update(from: inbox)
        let from = try SyntheticArchive.revParse(path + "/git/0.git", "HEAD~9")
        return try await ReportBuilder().build(
            inbox: inbox, range: RevisionRange(from: from), options: ReportOptions(history: history), index: index)
    }

    @Test func firstTimeAuthorsAndEarlierVersions() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let history = try #require(try await Self.report(in: directory).history)
        #expect(history.firstPatches.map(\.email) == ["new@example.org", "cat@example.org"])
        #expect(history.firstPatches.map(\.date) == [Self.day(7), Self.day(8)])
        #expect(history.revisedSeries.map(\.subject) == ["[PATCH v3 0/2] \(Self.frob)", "[RESEND PATCH] net: old fix"])
        let frob = history.revisedSeries[0]
        #expect(frob.earlierVersions.map(\.version) == [2, 1])
        #expect(frob.earlierVersions.map(\.firstDate) == [Self.day(3), Self.day(1)])
        #expect(frob.earlierVersions.map(\.mails) == [1, 1])
        // Matched without case (the earlier mails say ann@), shown as the contributor table spells
        // it: the first-seen spelling, on a tie.
        #expect(frob.authorEmail == "ANN@example.org")
        #expect(history.revisedSeries[1].earlierVersions.map(\.firstDate) == [Self.day(0)])
    }

    @Test func everyFormatShowsTheSectionSafely() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let report = try await Self.report(in: directory)
        let text = TextRenderer().render(report)
        let expected = """
            ===== History (from the index) =====

            First patches on this list:
              New Comer <new@example.org> (first patch mail: \(Self.day(7)))
              Cat Doe <cat@example.org> (first patch mail: \(Self.day(8)))
            Revised series (earlier versions before this range):
              [PATCH v3 0/2] widget: frob *the* <widgets> (v2 \(Self.day(3)), v1 \(Self.day(1)))
              [RESEND PATCH] net: old fix (v1 \(Self.day(0)))

            Accounting:
            """
        #expect(text.contains(expected))
        #expect(!text.contains("\u{1B}"))
        // After the last "New:" entry, before the accounting line.
        let section = try #require(text.range(of: "===== History"))
        let lastEntry = try #require(text.range(of: "New:", options: .backwards))
        #expect(lastEntry.lowerBound < section.lowerBound)

        let markdown = MarkdownRenderer().render(report)
        #expect(markdown.contains("## History (from the index)"))
        #expect(markdown.contains("- New Comer \\<new@example.org> (first patch mail: \(Self.day(7)))"))
        #expect(
            markdown.contains("- `[PATCH v3 0/2] widget: frob *the* <widgets>` (v2 \(Self.day(3)), v1 \(Self.day(1)))"))
        let markdownSection = try #require(markdown.range(of: "## History"))
        let markdownAccounting = try #require(markdown.range(of: "Accounting:"))
        #expect(markdownSection.lowerBound < markdownAccounting.lowerBound)

        let html = HTMLRenderer().render(report)
        #expect(html.contains("<h2>History (from the index)</h2>"))
        #expect(html.contains("widget: frob *the* &lt;widgets&gt;</span> (v2 \(Self.day(3)), v1 \(Self.day(1)))"))
        #expect(!html.contains("<widgets>"))
        let htmlSection = try #require(html.range(of: "History (from"))
        let footer = try #require(html.range(of: "<footer>"))
        #expect(htmlSection.lowerBound < footer.lowerBound)

        let json = try JSONRenderer().render(report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let history = try #require(object["history"] as? [String: Any])
        #expect((history["first_patches"] as? [Any])?.count == 2)
        let revised = try #require(history["revised_series"] as? [[String: Any]])
        #expect((revised.first?["earlier_versions"] as? [Any])?.count == 2)
        // The e-mail body is the text report.
        #expect(
            EmailRenderer(from: try #require(EmailAddress(name: "", address: "d@example.org"))).render(report).contains(
                "===== History (from the index) ====="))
    }

    @Test func withoutHistoryNothingChanges() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let report = try await Self.report(history: false, in: directory)
        #expect(report.history == nil)
        #expect(!TextRenderer().render(report).contains("History"))
        #expect(!MarkdownRenderer().render(report).contains("History"))
        #expect(!HTMLRenderer().render(report).contains("History"))
        // JSON keeps the key, with null: absent values are null, never a missing key (issue 12).
        #expect(try JSONRenderer().render(report).contains("\"history\" : null"))
    }

    @Test func historyNeedsAnIndex() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/list"
        try await ArchiveWriter.writeEpoch(entries: Array(Self.entries.prefix(3)), to: path + "/git/0.git")
        let inbox = try Inbox.open(path)
        await #expect {
            try await ReportBuilder().build(inbox: inbox, range: RevisionRange(), options: ReportOptions(history: true))
        } throws: { error in
            (error as? IndexError)?.code == .noSuchIndex
        }
    }

    @Test func theWholeArchiveHasOnlyFirstPatches() async throws {
        // With no range start, every author's first patch is inside it and nothing is "before".
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/list"
        try await ArchiveWriter.writeEpoch(entries: Self.entries, to: path + "/git/0.git")
        let inbox = try Inbox.open(path)
        let index = try MessageIndex.open(at: directory.path + "/index.sqlite", create: true)
        _ = try await index.update(from: inbox)
        let report = try await ReportBuilder().build(
            inbox: inbox, range: RevisionRange(), options: ReportOptions(history: true), index: index)
        let history = try #require(report.history)
        #expect(
            history.firstPatches.map(\.email) == [
                "ret@example.org", "ann@example.org", "new@example.org", "cat@example.org",
            ])
        #expect(history.revisedSeries.isEmpty)
        #expect(
            TextRenderer().render(report).contains("Revised series (earlier versions before this range):\n  (none)\n"))
    }
}
