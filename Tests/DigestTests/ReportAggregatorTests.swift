import Foundation
import MailParser
import PatchModel
import Testing

@testable import Digest

/// Aggregation rules of report.md on small synthetic mails.
@Suite struct ReportAggregatorTests {
    /// A mail's facts, parsed the way the pipeline parses them.
    static func facts(
        _ subject: String, from: String = "Ann Lee <ann@example.org>", id: String? = nil,
        inReplyTo: String? = nil,
        body: String = "Text.\n\nSigned-off-by: X <x@example.org>\n---\n a.c | 1 +\n\ndiff --git a/a.c b/a.c\n",
        commit: String = "c"
    ) -> MessageFacts {
        var header = "From: \(from)\nSubject: \(subject)\n"
        if let id { header += "Message-ID: <\(id)>\n" }
        if let inReplyTo { header += "In-Reply-To: <\(inReplyTo)>\nReferences: <\(inReplyTo)>\n" }
        return MessageFacts(commit: commit, mail: MailMessage(bytes: Array((header + "\n" + body).utf8)))
    }

    static func report(_ mails: [MessageFacts], top: Int = 15) throws -> Report {
        var aggregator = ReportAggregator()
        for (index, mail) in mails.enumerated() { aggregator.add(mail, receivedAt: 1_760_000_000 + Int64(index) * 60) }
        return try aggregator.report(
            listName: "X",
            selection: Selection(fromLabel: nil, toLabel: "t", firstCommitTime: nil, lastCommitTime: nil),
            top: top)
    }

    /// The series rules run once: the thread view is let go after the first report (its memory
    /// is what the report is built from), and a second report is the same.
    @Test func theThreadViewIsLetGoAndASecondReportIsTheSame() throws {
        var aggregator = ReportAggregator()
        let mails = [
            Self.facts("[PATCH 0/2] w: two", id: "c@x", commit: "c0"),
            Self.facts("[PATCH 1/2] w: one", id: "p1@x", inReplyTo: "c@x", commit: "c1"),
            Self.facts("[PATCH 2/2] w: two", id: "p2@x", inReplyTo: "c@x", commit: "c2"),
            Self.facts(
                "Re: [PATCH 1/2] w: one", from: "Rev <rev@example.com>", id: "r@x", inReplyTo: "p1@x",
                body: "Reviewed-by: Rev <rev@example.com>\n", commit: "c3"),
        ]
        for (index, mail) in mails.enumerated() { aggregator.add(mail, receivedAt: 1_760_000_000 + Int64(index) * 60) }
        #expect(aggregator.threadMessages.count == 4)
        let selection = Selection(fromLabel: nil, toLabel: "t", firstCommitTime: nil, lastCommitTime: nil)
        let first = try aggregator.report(listName: "X", selection: selection, top: 15)
        #expect(aggregator.threadMessages.isEmpty)
        #expect(first.series.count == 1)
        #expect(first.reviewers.map(\.email) == ["rev@example.com"])
        let second = try aggregator.report(listName: "X", selection: selection, top: 15)
        #expect(second == first)
    }

    @Test func theTablesMadeBesideTheSeriesRulesAreTheTablesMadeAfterThem() throws {
        let mails = [
            Self.facts("[PATCH 0/2] Series", id: "c@x", commit: "c0"),
            Self.facts("[PATCH 1/2] One", id: "p1@x", inReplyTo: "c@x", commit: "c1"),
            Self.facts("[PATCH 2/2] Two", from: "Bo Li <bo@example.org>", id: "p2@x", inReplyTo: "c@x", commit: "c2"),
            Self.facts("Re: [PATCH 1/2] One", from: "Cy <cy@example.org>", id: "r@x", inReplyTo: "p1@x", commit: "c3"),
            Self.facts("[PATCH] Alone", from: "ann lee <ANN@example.org>", id: "a@x", commit: "c4"),
        ]
        let selection = Selection(fromLabel: nil, toLabel: "t", firstCommitTime: nil, lastCommitTime: nil)
        var reports: [Report] = []
        for limit in [0, 50_000] {
            var aggregator = ReportAggregator()
            aggregator.sideBySideLimit = limit
            for (index, mail) in mails.enumerated() { aggregator.add(mail, receivedAt: 1_760_000_000 + Int64(index)) }
            reports.append(try aggregator.report(listName: "X", selection: selection, top: 15))
        }
        #expect(reports[0] == reports[1])
        #expect(reports[1].entries.count == 3 && reports[1].patchList.count == 4)
    }

    @Test func onePersonIsOneAddressComparedWithoutCase() throws {
        let report = try Self.report([
            Self.facts("[PATCH] a", from: "Mike O'Hara <Mike@Example.net>"),
            Self.facts("[PATCH] b", from: "Michael O'Hara <mike@example.net>"),
            Self.facts("[PATCH] c", from: "Michael O'Hara <mike@example.net>"),
        ])
        #expect(report.contributors.count == 1)
        #expect(
            report.contributors[0]
                == ContributorRow(
                    name: "Michael O'Hara", email: "mike@example.net", count: 3, company: "example.net"))
        #expect(report.domains == [DomainRow(domain: "example.net", count: 3)])
    }

    @Test func aTieBetweenNamesGoesToTheFirstSeen() throws {
        let report = try Self.report([
            Self.facts("[PATCH] a", from: "lirongqing <lirongqing@baidu.com>"),
            Self.facts("[PATCH] b", from: "Li RongQing <lirongqing@baidu.com>"),
        ])
        #expect(report.contributors[0].name == "lirongqing")
        // The entries agree with the table.
        #expect(report.entries.map(\.authorName) == ["lirongqing", "lirongqing"])
    }

    @Test func equalCountsAreOrderedByNameIgnoringCase() throws {
        let report = try Self.report([
            Self.facts("[PATCH] a", from: "zed <z@b.example>"),
            Self.facts("[PATCH] b", from: "Amy <amy@a.example>"),
            Self.facts("[PATCH] c", from: "bob <bob@c.example>"),
            Self.facts("[PATCH] d", from: "Bob <bob@c.example>"),
        ])
        #expect(report.contributors.map(\.name) == ["bob", "Amy", "zed"])
        #expect(report.domains.map(\.domain) == ["c.example", "a.example", "b.example"])
    }

    @Test func topLimitsBothTables() throws {
        let mails = (0..<20).map { Self.facts("[PATCH] p\($0)", from: "P\($0) <p\($0)@d\($0).example>") }
        let report = try Self.report(mails, top: 5)
        // The model keeps every row (JSON lists them all); the tables print the first `top`.
        #expect(report.contributors.count == 20)
        #expect(report.domains.count == 20)
        let blocks = TextRenderer().render(report).components(separatedBy: "\n\n")
        for heading in [
            "Top 5 contributor Email domains (Based on Email Body)", "Top 5 contributors (Based on Email Body)",
        ] {
            let at = try #require(blocks.firstIndex(of: heading))
            #expect(blocks[at + 1].split(separator: "\n").count == 5, "\(heading)")
        }
    }

    @Test func theInBodyAuthorIsCountedNotTheSender() throws {
        let body =
            "From: Real Author <real@corp.example>\n\nFix.\n\nSigned-off-by: Real Author <real@corp.example>\n---\n a | 1 +\n"
        let report = try Self.report([Self.facts("[PATCH] x", from: "Maint <maint@kernel.example>", body: body)])
        #expect(
            report.contributors == [
                ContributorRow(name: "Real Author", email: "real@corp.example", count: 1, company: "corp.example")
            ])
        #expect(report.entries[0].authorEmail == "real@corp.example")
        #expect(report.entries[0].text.hasPrefix("Fix."))
    }

    @Test func repliesPullsAndOtherMailsDoNotCount() throws {
        var deleted = ReportAggregator()
        deleted.addDeletion()
        let report = try Self.report([
            Self.facts("[PATCH] a"),
            Self.facts("Re: [PATCH] a", from: "Rev <rev@other.example>"),
            Self.facts("[GIT PULL] KVM fixes", from: "Pul <p@pull.example>"),
            Self.facts("[linux-next:master] BUILD REGRESSION x", from: "bot <bot@intel.example>"),
            Self.facts("question about widgets", from: "Q <q@q.example>"),
            MessageFacts(commit: "bad", mail: MailMessage(bytes: [0, 1, 2, 0xFF])),
        ])
        #expect(report.contributors.map(\.email) == ["ann@example.org"])
        #expect(report.accounting.patchMails == 1)
        #expect(report.accounting.replies == 1)
        #expect(report.accounting.other == 3)
        #expect(report.accounting.unparseable == 1)
        #expect(report.accounting.unparseableCommits.map(\.commit) == ["bad"])
        #expect(report.accounting.messages == 6)
    }

    @Test func entriesAreStandalonePatchesCoversAndFirstPatchesInArchiveOrder() throws {
        let report = try Self.report([
            Self.facts("[PATCH 1/2] s: one", id: "s1", inReplyTo: "s0", commit: "1"),
            Self.facts("[PATCH 0/2] s: cover", id: "s0", commit: "2"),
            Self.facts("[PATCH 2/2] s: two", id: "s2", inReplyTo: "s0", commit: "3"),
            Self.facts("[PATCH] alone", id: "a", commit: "4"),
            Self.facts("[PATCH 1/1] single", id: "b", commit: "5"),
        ])
        #expect(report.entries.map(\.commit) == ["1", "2", "4", "5"])
        #expect(report.entries.map(\.title) == ["s: one", "s: cover", "alone", "single"])
    }

    @Test func aSeriesIsListedUnderItsCoverWhereItsFirstMailArrived() throws {
        let report = try Self.report([
            Self.facts("[PATCH] before", id: "x", commit: "0"),
            Self.facts("[PATCH 2/2] s: two", id: "s2", inReplyTo: "s0", commit: "1"),
            Self.facts("[PATCH] between", id: "y", commit: "2"),
            Self.facts("[PATCH 0/2] s: cover", id: "s0", commit: "3"),
            Self.facts("[PATCH 1/2] s: one", id: "s1", inReplyTo: "s0", commit: "4"),
        ])
        #expect(report.patchList.map(\.commit) == ["0", "3", "4", "1", "2"])
        #expect(report.patchList.map(\.isInSeries) == [false, false, true, true, false])
    }

    @Test func aV2CoverReplyingToTheV1CoverStartsItsOwnSeries() throws {
        let report = try Self.report([
            Self.facts("[PATCH 0/1] s", id: "v1-0", commit: "a"),
            Self.facts("[PATCH 1/1] s: one", id: "v1-1", inReplyTo: "v1-0", commit: "b"),
            Self.facts("[PATCH v2 0/1] s", id: "v2-0", inReplyTo: "v1-0", commit: "c"),
            Self.facts("[PATCH v2 1/1] s: one", id: "v2-1", inReplyTo: "v2-0", commit: "d"),
        ])
        #expect(report.patchList.map(\.commit) == ["a", "b", "c", "d"])
        #expect(report.patchList.map(\.isInSeries) == [false, true, false, true])
    }

    @Test func shallowThreadedPatchesWithoutACoverStayTogether() throws {
        let report = try Self.report([
            Self.facts("[PATCH 1/3] s: one", id: "p1", commit: "1"),
            Self.facts("[PATCH] other", id: "o", commit: "2"),
            Self.facts("[PATCH 3/3] s: three", id: "p3", inReplyTo: "p2", commit: "4"),
            Self.facts("[PATCH 2/3] s: two", id: "p2", inReplyTo: "p1", commit: "3"),
        ])
        #expect(report.patchList.map(\.commit) == ["1", "3", "4", "2"])
    }

    @Test func theListNameComesFromTheListID() throws {
        #expect(ReportBuilder.listName(fromListID: "kvm.vger.kernel.org") == "KVM")
        #expect(ReportBuilder.listName(fromListID: "kvmarm.lists.linux.dev") == "KVMARM")
        #expect(ReportBuilder.listName(fromListID: "plain") == "PLAIN")
    }
}
