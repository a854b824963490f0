import Foundation
import InboxReader
import SitePublisher
import TestSupport
import Testing

/// `publish A B … DIR`: one site of several lists merged week by week (issue 14).
@Suite struct PublishSeveralArchivesTests {
    typealias Site = PublishSiteTests

    static func gadgetMail(_ subject: String, id: String, extra: String = "") -> ArchiveEntry {
        .mail(
            Array(
                "From: Dev 42 <dev42@example.com>\nList-Id: <gadget.lists.example.org>\nMessage-ID: <\(id)>\n\(extra)Subject: \(subject)\n\nText.\n\nSigned-off-by: Dev <dev42@example.com>\n---\n a.c | 1 +\n"
                    .utf8))
    }

    /// GADGET got week 42's series of WIDGET too (cover and patches, the same Message-IDs, an hour
    /// later), a patch of its own in week 43, and one in week 44, when WIDGET got nothing.
    static func makeGadget(in directory: TemporaryDirectory) async throws -> String {
        let gadget = directory.url.appendingPathComponent("gadget").path
        let week42 = Site.week41 + 7 * 86_400
        let series = Site.mails(week: 42, at: week42).prefix(3)
        let crossPosted = series.map { entry, time -> (ArchiveEntry, Int64) in
            guard case .mail(let bytes) = entry else { return (entry, time + 3600) }
            let text = String(decoding: bytes, as: UTF8.self)
                .replacingOccurrences(of: "widget.lists.example.org", with: "gadget.lists.example.org")
            return (.mail(Array(text.utf8)), time + 3600)
        }
        let entries =
            crossPosted + [
                (gadgetMail("[PATCH] gadget: own", id: "own@example.org"), Site.week41 + 14 * 86_400 + 7200),
                (gadgetMail("[PATCH] gadget: alone", id: "alone@example.org"), Site.week41 + 21 * 86_400 + 7200),
            ]
        try await ArchiveWriter.writeEpoch(
            entries: entries.map(\.0), to: "\(gadget)/git/0.git", commitTimes: entries.map(\.1))
        return gadget
    }

    static func publish(_ archives: [String], into site: String, in directory: TemporaryDirectory) async throws
        -> SitePublisher.Outcome
    {
        let sources = try archives.map { archive in
            SitePublisher.Source(
                inbox: try Inbox.open(archive),
                indexPath: directory.path + "/" + URL(fileURLWithPath: archive).lastPathComponent + ".sqlite")
        }
        return try await SitePublisher(options: SitePublisher.Options()).publish(sources, into: site)
    }

    @Test func eachWeekIsTheListsMergedACrossPostCountedOnce() async throws {
        let directory = try TemporaryDirectory("lore-digest-publish")
        defer { directory.remove() }
        let widget = try await Site.makeArchive(in: directory)
        let gadget = try await Self.makeGadget(in: directory)
        let site = directory.url.appendingPathComponent("site").path
        let outcome = try await Self.publish([widget, gadget], into: site, in: directory)

        #expect(outcome.written.map(\.label) == ["2025-W41", "2025-W42", "2025-W43", "2025-W44"])
        #expect(outcome.weeks.allSatisfy { $0.listName == "WIDGET + GADGET" })
        let figures = Dictionary(uniqueKeysWithValues: outcome.weeks.map { ($0.week.label, $0.figures) })
        // Week 42: WIDGET's four mails, GADGET's three copies folded into them.
        #expect(figures["2025-W42"]?.messages == 4)
        #expect(figures["2025-W42"]?.patchMails == 3)
        #expect(figures["2025-W42"]?.newSeries == 1)
        #expect(figures["2025-W43"]?.messages == 5)
        #expect(figures["2025-W43"]?.newSeries == 2)
        #expect(figures["2025-W44"]?.messages == 1)

        let week42 = try Site.read(site, "2025-W42.md")
        #expect(week42.contains("WIDGET + GADGET mailing list update"))
        #expect(week42.contains("Lists: WIDGET, GADGET"))
        #expect(week42.contains("3 cross-posted duplicates folded"))
        #expect(try Site.read(site, "2025-W44.html").contains("gadget: alone"))
        #expect(try Site.read(site, "index.html").contains("WIDGET + GADGET mailing list updates"))
        #expect(try Site.read(site, "feed.atom").contains("[WIDGET + GADGET] mailing list update 2025-W44"))
    }

    @Test func aSecondRunRewritesOnlyTheWeekEitherListChanged() async throws {
        let directory = try TemporaryDirectory("lore-digest-publish")
        defer { directory.remove() }
        let widget = try await Site.makeArchive(in: directory)
        let gadget = try await Self.makeGadget(in: directory)
        let site = directory.url.appendingPathComponent("site").path
        _ = try await Self.publish([widget, gadget], into: site, in: directory)
        let week41 = try Site.identity("\(site)/2025-W41.html")

        let unchanged = try await Self.publish([widget, gadget], into: site, in: directory)
        #expect(unchanged.written.isEmpty)
        #expect(!unchanged.wroteIndex)

        // GADGET alone receives a mail in week 43: that week only is written again.
        try await ArchiveWriter.writeEpoch(
            entries: [Self.gadgetMail("[PATCH] gadget: later", id: "later@example.org")],
            to: "\(gadget)/git/1.git", commitTimes: [Site.week41 + 14 * 86_400 + 9000])
        let after = try await Self.publish([widget, gadget], into: site, in: directory)
        #expect(after.written.map(\.label) == ["2025-W43"])
        #expect(after.weeks.first { $0.week.label == "2025-W43" }?.figures.messages == 6)
        #expect(try Site.identity("\(site)/2025-W41.html") == week41)

        // The site of another set of archives is another site: every week is written again,
        // and week 44, which only GADGET had, goes.
        let alone = try await Self.publish([widget], into: site, in: directory)
        #expect(alone.written.map(\.label) == ["2025-W41", "2025-W42", "2025-W43"])
        #expect(alone.removed.sorted() == ["2025-W44.html", "2025-W44.md"])
        #expect(alone.weeks.allSatisfy { $0.listName == "WIDGET" })
    }
}
