import Foundation
import MailParser
import PatchModel
import Testing

@testable import Digest

/// The series sections as the aggregator fills them from synthetic mails, and as each format
/// shows them.
@Suite struct SeriesSectionsTests {
    typealias F = ReportAggregatorTests

    static let diff =
        "Text.\n\nSigned-off-by: Ann Lee <ann@example.org>\n---\n a.c | 1 +\n\ndiff --git a/a.c b/a.c\n--- a/a.c\n+++ b/a.c\n@@ -1 +1,2 @@\n a\n+b\n"

    /// A cover, two patches, a review of patch 2, a robot report on patch 1, an applied notice on
    /// the cover, a pull request, a lone patch 25 of 30 and two versions of one patch.
    static func week() -> [MessageFacts] {
        [
            F.facts("[PATCH 0/2] widget: frob", id: "c0@x", body: "Cover.\n"),
            F.facts("[PATCH 1/2] widget: one", id: "c1@x", inReplyTo: "c0@x", body: diff),
            F.facts("[PATCH 2/2] widget: two", id: "c2@x", inReplyTo: "c0@x", body: diff + "+c\n"),
            F.facts(
                "Re: [PATCH 2/2] widget: two", from: "Rev Iewer <rev@example.com>", id: "r1@x", inReplyTo: "c2@x",
                body: "> quoted\n\nLooks good.\n\nReviewed-by: Rev Iewer <rev@example.com>\n"),
            F.facts(
                "Re: [PATCH 1/2] widget: one", from: "kernel test robot <lkp@intel.com>", id: "b1@x", inReplyTo: "c1@x",
                body: "Hi Ann,\n\nkernel test robot noticed the following build errors:\n"),
            F.facts(
                "Re: [PATCH 0/2] widget: frob", from: "Mai Ntainer <mai@example.com>", id: "a1@x", inReplyTo: "c0@x",
                body:
                    "Applied to widget-next, thanks!\n\n[1/2] widget: one\n      commit: 0123456789ab\n[2/2] widget: two\n      commit: 89abcdef0123\n"
            ),
            F.facts(
                "[GIT PULL] widget fixes for 6.18", from: "Mai Ntainer <mai@example.com>", id: "p1@x",
                body:
                    "The following changes since commit 0123456789abcdef0123456789abcdef01234567:\n\n  Linux 6.17 (2025-09-28)\n\nare available in the Git repository at:\n\n  https://git.example.org/widget.git tags/widget-fixes-6.18\n\nfor you to fetch changes up to 89abcdef0123456789abcdef0123456789abcdef:\n\n  widget: one (2025-10-01)\n\n 2 files changed, 3 insertions(+), 1 deletion(-)\n"
            ),
            F.facts("[PATCH 25/30] gizmo: lone", from: "Bo Far <bo@example.net>", id: "g25@x", body: diff),
            F.facts("[PATCH] gadget: tweak", from: "Cy Dee <cy@example.net>", id: "v1@x", body: diff),
            F.facts("[PATCH v2] gadget: tweak", from: "Cy Dee <cy@example.net>", id: "v2@x", body: diff + "+d\n"),
        ]
    }

    @Test func theAggregatorFillsEverySection() throws {
        let report = try F.report(Self.week())
        #expect(report.seriesScope == .rangeOnly)
        #expect(report.schemaVersion == "3.2.0")
        let frob = try #require(report.series.first { $0.title == "widget: frob" })
        #expect(frob.id == "c0@x" && frob.coverMessageID == "c0@x")
        #expect(frob.completeness == "2/2" && frob.received == [1, 2] && frob.missing.isEmpty)
        #expect(frob.patches.map(\.replies) == [0, 1])
        #expect(
            frob.trailers == [
                SeriesTrailerEntry(
                    type: "reviewed", name: "Rev Iewer", email: "rev@example.com", position: 2, messageID: "r1@x")
            ])
        #expect(frob.botReports == [SeriesBotReport(bot: "kernel test robot", messageID: "b1@x", position: 1)])
        #expect(frob.applied?.branch == "widget-next" && frob.applied?.messageID == "a1@x")
        let lone = try #require(report.series.first { $0.title == "gizmo: lone" })
        #expect(lone.completeness == "1 of 30 on this list")
        let old = try #require(report.series.first { $0.id == "v1@x" })
        #expect(old.supersededBy == SeriesSupersededBy(version: 2, seriesID: "v2@x"))
        #expect(report.reviewers.first?.email == "rev@example.com" && report.reviewers.first?.trailers == 1)
        #expect(!report.waiting.contains("c0@x") && report.waiting.contains("g25@x"))
        #expect(report.pullRequests.count == 1)
        let pull = try #require(report.pullRequests.first)
        #expect(pull.repository == "https://git.example.org/widget.git" && pull.ref == "tags/widget-fixes-6.18")
        #expect(pull.from == ReportPerson(name: "Mai Ntainer", email: "mai@example.com"))
        #expect(pull.diffstat == Diffstat(filesChanged: 2, insertions: 3, deletions: 1))
        #expect(report.bots == [BotRow(bot: "kernel test robot", mails: 1, seriesReports: 1)])
        #expect(try report.appliedRows().map(\.seriesID) == ["c0@x"])
    }

    @Test func theTextShowsEachSeriesAndEachSection() throws {
        let text = TextRenderer().render(try F.report(Self.week()))
        let expected = """
            ===== Series =====

            Series: this range only (no history index)

            widget: frob
              Author: Ann Lee <ann@example.org>
              Patches: 2/2
              Replies: 2 (1 on patch 2, 1 on the cover)
              Reviewed-by: Rev Iewer (patch 2)
              Applied: widget-next, by 
            """
        #expect(text.contains(expected))
        #expect(text.contains("  Bots: kernel test robot (1 report)\n"))
        #expect(text.contains("gizmo: lone\n  Author: Bo Far <bo@example.net>\n  Patches: 1 of 30 on this list\n"))
        #expect(text.contains("\ngadget: tweak: superseded by v2\n"))
        #expect(text.contains("\nv2 gadget: tweak\n  Author: Cy Dee <cy@example.net>\n"))
        #expect(
            text.contains(
                "===== Reviews =====\n\nTop reviewers (review trailers given, replies written):\n  Rev Iewer <rev@example.com>: 1 trailer, 1 reply\n"
            ))
        #expect(
            text.contains(
                "===== Pull requests =====\n\n[GIT PULL] widget fixes for 6.18\n  From: Mai Ntainer <mai@example.com>\n  Pull: https://git.example.org/widget.git tags/widget-fixes-6.18\n  2 files changed, 3 insertions(+), 1 deletions(-)\n"
            ))
        #expect(text.contains("===== Bots =====\n\nkernel test robot: 1 mail, 1 report on series of this range\n"))
        // The new sections follow the entries and come before the accounting line.
        let series = text.range(of: "===== Series")
        let lastEntry = text.range(of: "New:", options: .backwards)
        let accounting = text.range(of: "Accounting:")
        #expect(series != nil && lastEntry != nil && accounting != nil)
        if let series, let lastEntry, let accounting {
            #expect(lastEntry.lowerBound < series.lowerBound && series.lowerBound < accounting.lowerBound)
        }
    }

    @Test func mailTextIsMadeSafeInEveryFormat() throws {
        var report = ReportFixture.make()
        report.series = [
            SeriesEntry(
                id: "s@x", title: "evil \u{1B}[31m<b>title</b>", version: 3, total: 1, coverMessageID: nil,
                author: ReportPerson(name: "Eve *Star*", email: "eve@example.org"), date: "2025-10-01", received: [1],
                missing: [], completeness: "1/1",
                patches: [SeriesPatchEntry(position: 1, messageID: "s@x", subject: "[PATCH v3] evil")],
                trailers: [
                    SeriesTrailerEntry(
                        type: "acked", name: "<script>", email: "a@x", position: 0, messageID: "r@x", mismatch: true)
                ],
                replies: 1)
        ]
        let text = TextRenderer().render(report)
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("  Acked-by: <script> (cover) (address mismatch)\n"))
        let html = HTMLRenderer().render(report)
        #expect(!html.contains("<script>") && !html.contains("<b>") && html.contains("&lt;script&gt;"))
        let markdown = MarkdownRenderer().render(report)
        #expect(markdown.contains("## Series") && markdown.contains("Eve \\*Star\\* \\<eve@example.org>"))
        // Every `<b>` escaped (`\<b>` renders as text), none left to open an element.
        #expect(!markdown.replacingOccurrences(of: "\\<b>", with: "").contains("<b>"))
    }

    @Test func theJSONHasEveryKeyWithNullsAndNoAngleBrackets() throws {
        let json = try JSONRenderer().render(try F.report(Self.week()))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schema_version"] as? String == "3.2.0")
        for key in ["series", "reviewers", "waiting", "earlier_series_activity", "pull_requests", "bots"] {
            #expect(object[key] != nil, "\(key)")
        }
        let series = try #require(object["series"] as? [[String: Any]])
        let keys = [
            "id", "title", "version", "total", "cover_message_id", "author", "received", "missing", "change_id",
            "previous", "patches", "dropped", "trailers", "replies", "bot_reports", "applied", "superseded_by",
        ]
        for entry in series {
            for key in keys { #expect(entry[key] != nil, "\(key)") }
        }
        let lone = try #require(series.first { $0["title"] as? String == "gizmo: lone" })
        #expect(lone["cover_message_id"] is NSNull && lone["applied"] is NSNull && lone["previous"] is NSNull)
        let patch = try #require((lone["patches"] as? [[String: Any]])?.first)
        for key in [
            "position", "message_id", "subject", "patch_id", "change", "previous_message_id", "trailers", "replies",
        ] {
            #expect(patch[key] != nil, "\(key)")
        }
        #expect(patch["message_id"] as? String == "g25@x")
        #expect(!json.contains("<g25@x>"))
        let frob = try #require(series.first { $0["title"] as? String == "widget: frob" })
        let trailer = try #require((frob["trailers"] as? [[String: Any]])?.first)
        #expect(Set(trailer.keys) == ["type", "name", "email", "position", "message_id", "mismatch", "url"])
        let applied = try #require(frob["applied"] as? [String: Any])
        #expect(Set(["branch", "commits", "by", "message_id"]).isSubset(of: Set(applied.keys)))
    }
}
