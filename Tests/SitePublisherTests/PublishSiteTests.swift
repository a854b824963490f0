import Foundation
import InboxReader
import SitePublisher
import TestSupport
import Testing

/// `publish` over a small archive of three weeks of mail.
@Suite struct PublishSiteTests {
    /// Monday 2025-10-06 00:00 UTC (2025-W41).
    static let week41: Int64 = 1_759_708_800
    static let hostileTitle = "<script>alert(1)</script> ]]> & <b>bold"

    /// A cover letter, two patches and a review reply in each of three weeks; week 41's series
    /// has the hostile title.
    static func mails(week: Int, at start: Int64) -> [(ArchiveEntry, Int64)] {
        let title = week == 41 ? hostileTitle : "widget: series of week \(week)"
        let header = { (number: Int) in
            "From: Dev \(week) <dev\(week)@example.com>\nList-Id: <widget.lists.example.org>\nMessage-ID: <w\(week)-\(number)@example.org>\nDate: Tue, 7 Oct 2025 10:00:00 +0000\n"
        }
        var mails = [
            "\(header(0))Subject: [PATCH 0/2] \(title)\n\nThe cover.\n",
            "\(header(1))Subject: [PATCH 1/2] widget: one of week \(week)\nIn-Reply-To: <w\(week)-0@example.org>\n\nOne.\n\nSigned-off-by: Dev <dev\(week)@example.com>\n---\n a.c | 1 +\n",
            "\(header(2))Subject: [PATCH 2/2] widget: two of week \(week)\nIn-Reply-To: <w\(week)-0@example.org>\n\nTwo.\n\nSigned-off-by: Dev <dev\(week)@example.com>\n---\n a.c | 1 +\n",
        ]
        mails.append(
            "From: Reviewer <rev@example.net>\nMessage-ID: <w\(week)-r@example.org>\nSubject: Re: [PATCH 1/2] widget: one of week \(week)\nIn-Reply-To: <w\(week)-1@example.org>\nReferences: <w\(week)-0@example.org> <w\(week)-1@example.org>\n\nReviewed-by: Reviewer <rev@example.net>\n"
        )
        return mails.enumerated().map { (.mail(Array($0.element.utf8)), start + 86_400 + Int64($0.offset) * 3600) }
    }

    /// Writes the archive (weeks 41-43 in epoch 0) and returns its path.
    static func makeArchive(in directory: TemporaryDirectory) async throws -> String {
        let inbox = directory.url.appendingPathComponent("widget").path
        let entries = (0..<3).flatMap { mails(week: 41 + $0, at: week41 + Int64($0) * 7 * 86_400) }
        try await ArchiveWriter.writeEpoch(
            entries: entries.map(\.0), to: "\(inbox)/git/0.git", commitTimes: entries.map(\.1))
        return inbox
    }

    static func publish(_ archive: String, into site: String, index: String, since: String? = nil) async throws
        -> SitePublisher.Outcome
    {
        try await SitePublisher(options: SitePublisher.Options(since: since)).publish(
            inbox: try Inbox.open(archive), indexPath: index, into: site)
    }

    static func read(_ site: String, _ name: String) throws -> String {
        try String(contentsOfFile: "\(site)/\(name)", encoding: .utf8)
    }

    /// Inode and modification time: a rewritten file (a new file renamed into place) changes both.
    static func identity(_ path: String) throws -> String {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let inode = attributes[.systemFileNumber] as? Int ?? -1
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
        return "\(inode)@\(modified)"
    }

    @Test func threeWeeksOfMailMakeThreeWeekPagesAnIndexAndAFeed() async throws {
        let directory = try TemporaryDirectory("lore-digest-publish")
        defer { directory.remove() }
        let archive = try await Self.makeArchive(in: directory)
        let site = directory.url.appendingPathComponent("site").path
        let outcome = try await Self.publish(archive, into: site, index: directory.path + "/index.sqlite")

        #expect(outcome.written.map(\.label) == ["2025-W41", "2025-W42", "2025-W43"])
        #expect(outcome.weeks.map(\.week.label) == ["2025-W43", "2025-W42", "2025-W41"])
        let names = try FileManager.default.contentsOfDirectory(atPath: site).filter { !$0.hasPrefix(".") }.sorted()
        #expect(
            names == [
                "2025-W41.html", "2025-W41.md", "2025-W42.html", "2025-W42.md", "2025-W43.html", "2025-W43.md",
                "feed.atom", "index.html",
            ])
        // Each week's page is that week's report: its own series, not the others'.
        let week42 = try Self.read(site, "2025-W42.html")
        #expect(week42.contains("widget: series of week 42"))
        #expect(!week42.contains("week 43"))
        #expect(week42.contains("<a href=\"index.html\">All weeks</a>"))
        #expect(try Self.read(site, "2025-W42.md").contains("widget: two of week 42"))

        let figures = try #require(outcome.weeks.first { $0.week.label == "2025-W42" }?.figures)
        #expect(figures.messages == 4)
        #expect(figures.patchMails == 3)
        #expect(figures.newSeries == 1)
        #expect(figures.reviews == 1)

        // The index lists the weeks newest first, linking to both pages.
        let index = try Self.read(site, "index.html")
        let positions = ["2025-W43", "2025-W42", "2025-W41"].compactMap { index.range(of: "href=\"\($0).html\"") }
        #expect(positions.count == 3)
        #expect(positions.map(\.lowerBound) == positions.map(\.lowerBound).sorted())
        #expect(index.contains("href=\"2025-W41.md\""))
        #expect(index.contains("<b>4</b> messages"))
    }

    @Test func mailStringsAreEscapedInTheFeedAndTheIndex() async throws {
        let directory = try TemporaryDirectory("lore-digest-publish")
        defer { directory.remove() }
        let archive = try await Self.makeArchive(in: directory)
        let site = directory.url.appendingPathComponent("site").path
        _ = try await Self.publish(archive, into: site, index: directory.path + "/index.sqlite")

        let feed = try Self.read(site, "feed.atom")
        let index = try Self.read(site, "index.html")
        let weekPage = try Self.read(site, "2025-W41.html")
        for page in [feed, index, weekPage] {
            #expect(!page.contains("<script>"))
            #expect(!page.contains("<b>bold"))
        }
        #expect(!feed.contains("]]>"))
        #expect(!feed.contains("& "))
        // In the feed's HTML content the title is escaped twice: once as HTML, once as XML.
        #expect(feed.contains("&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; ]]&amp;gt; &amp;amp;"))
        #expect(index.contains("&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; &amp; &lt;b&gt;bold"))
    }

    @Test(.enabled(if: FeedParser.skipReason == nil, Comment(rawValue: FeedParser.skipReason ?? "")))
    func theFeedParsesWithFeedparser() async throws {
        let directory = try TemporaryDirectory("lore-digest-publish")
        defer { directory.remove() }
        let archive = try await Self.makeArchive(in: directory)
        let site = directory.url.appendingPathComponent("site").path
        _ = try await Self.publish(archive, into: site, index: directory.path + "/index.sqlite")

        let parsed = try FeedParser.parse("\(site)/feed.atom")
        #expect(parsed["bozo"] as? Bool == false, "feedparser: \(parsed["bozo_exception"] ?? "")")
        #expect(parsed["version"] as? String == "atom10")
        let entries = try #require(parsed["entries"] as? [[String: Any]])
        #expect(entries.count == 3)
        #expect(
            entries.compactMap { $0["title"] as? String } == [
                "[WIDGET] mailing list update 2025-W43 (2025-10-20..2025-10-26)",
                "[WIDGET] mailing list update 2025-W42 (2025-10-13..2025-10-19)",
                "[WIDGET] mailing list update 2025-W41 (2025-10-06..2025-10-12)",
            ])
        #expect(
            entries.compactMap { ($0["link"] as? String)?.split(separator: "/").last } == [
                "2025-W43.html", "2025-W42.html", "2025-W41.html",
            ])
        let ids = Set(entries.compactMap { $0["id"] as? String })
        #expect(ids.count == 3)
        #expect(ids.allSatisfy { $0.hasPrefix("urn:uuid:") })
        // The hostile title reaches the reader as text of the HTML content, not as markup.
        let oldest = try #require(entries.last)
        let content = try #require((oldest["content"] as? [[String: Any]])?.first?["value"] as? String)
        #expect(content.contains("<li>&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; &amp; &lt;b&gt;bold</li>"))
        #expect((oldest["summary"] as? String)?.hasPrefix("4 messages, 3 patch mails, 1 new series, 1 review") == true)
    }

    @Test func aSecondRunRewritesOnlyTheWeekWhoseMailChanged() async throws {
        let directory = try TemporaryDirectory("lore-digest-publish")
        defer { directory.remove() }
        let archive = try await Self.makeArchive(in: directory)
        let site = directory.url.appendingPathComponent("site").path
        let indexPath = directory.path + "/index.sqlite"
        _ = try await Self.publish(archive, into: site, index: indexPath)
        let files = ["2025-W41.html", "2025-W41.md", "2025-W42.html", "2025-W43.html", "index.html", "feed.atom"]
        let before = try Dictionary(uniqueKeysWithValues: files.map { ($0, try Self.identity("\(site)/\($0)")) })

        // Nothing new: nothing is written, not even the index and the feed.
        let unchanged = try await Self.publish(archive, into: site, index: indexPath)
        #expect(unchanged.written.isEmpty)
        #expect(!unchanged.wroteIndex)
        for file in files { #expect(try Self.identity("\(site)/\(file)") == before[file]) }

        // One more mail received in week 42 (a new epoch, as public-inbox adds them).
        let late =
            "From: Late <late@example.com>\nList-Id: <widget.lists.example.org>\nMessage-ID: <late@example.org>\nSubject: [PATCH] widget: late fix\n\nLate.\n---\n b.c | 1 +\n"
        try await ArchiveWriter.writeEpoch(
            entries: [.mail(Array(late.utf8))], to: "\(archive)/git/1.git",
            commitTimes: [Self.week41 + 7 * 86_400 + 5 * 86_400])
        let after = try await Self.publish(archive, into: site, index: indexPath)
        #expect(after.written.map(\.label) == ["2025-W42"])
        #expect(after.wroteIndex)
        #expect(try Self.identity("\(site)/2025-W41.html") == before["2025-W41.html"])
        #expect(try Self.identity("\(site)/2025-W41.md") == before["2025-W41.md"])
        #expect(try Self.identity("\(site)/2025-W43.html") == before["2025-W43.html"])
        #expect(try Self.identity("\(site)/2025-W42.html") != before["2025-W42.html"])
        #expect(try Self.read(site, "2025-W42.html").contains("widget: late fix"))
        #expect(after.weeks.first { $0.week.label == "2025-W42" }?.figures.patchMails == 4)
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: site).allSatisfy { !$0.contains(".tmp-") })
    }

    @Test func sinceStartsAtItsWeekAndRemovesTheWeeksBefore() async throws {
        let directory = try TemporaryDirectory("lore-digest-publish")
        defer { directory.remove() }
        let archive = try await Self.makeArchive(in: directory)
        let site = directory.url.appendingPathComponent("site").path
        let indexPath = directory.path + "/index.sqlite"
        _ = try await Self.publish(archive, into: site, index: indexPath)
        // A Thursday in week 42: the whole of week 42 is published, week 41 goes.
        let outcome = try await Self.publish(archive, into: site, index: indexPath, since: "2025-10-16")
        #expect(outcome.weeks.map(\.week.label) == ["2025-W43", "2025-W42"])
        #expect(outcome.written.isEmpty)
        #expect(outcome.removed.sorted() == ["2025-W41.html", "2025-W41.md"])
        #expect(!FileManager.default.fileExists(atPath: "\(site)/2025-W41.html"))
        #expect(!(try Self.read(site, "index.html")).contains("2025-W41"))
        #expect(outcome.weeks.last?.figures.messages == 4)
    }
}
