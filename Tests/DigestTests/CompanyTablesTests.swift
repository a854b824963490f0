import Foundation
import MailParser
import PatchModel
import Testing

@testable import Digest

/// Issue 11 in the report: one identity per person everywhere, patch mails and reviews credited to
/// companies, the JSON lists.
@Suite struct CompanyTablesTests {
    typealias F = ReportAggregatorTests

    static let diff = "Fix.\n\nSigned-off-by: X <x@example.org>\n---\n a.c | 1 +\n\ndiff --git a/a.c b/a.c\n"

    static let mailmap = Mailmap.parse(
        """
        Jane Doe <jane@corp.example> <jdoe@gmail.com>
        Jane Doe <jane@corp.example> J. Doe <jd@old.example>
        """, file: "m"
    ).mailmap

    static let companies = CompanyMap.parse(
        """
        corp.example     Corp
        gmail.com        (Individual)
        beta.example     Beta
        alpha.example    Alpha
        hop@alpha.example  Beta < 2025-10-02
        """, file: "c"
    ).map

    /// 2025-10-02 00:00 UTC.
    static let endDate: Int64 = 1_759_363_200

    static func report(
        _ mails: [(MessageFacts, Int64)], mailmap: Mailmap = mailmap, top: Int = 15,
        lookup: any SeriesLookup = NoSeriesLookup()
    ) throws -> Report {
        var aggregator = ReportAggregator(identity: IdentityResolver(mailmap: mailmap, companies: companies))
        for (facts, time) in mails { aggregator.add(facts, receivedAt: time) }
        return try aggregator.report(
            listName: "X",
            selection: Selection(fromLabel: nil, toLabel: "t", firstCommitTime: nil, lastCommitTime: nil),
            top: top, seriesLookup: lookup)
    }

    /// Jane sends from three addresses; she reviews from a fourth spelling; Bob reviews her.
    static func janesWeek() -> [(MessageFacts, Int64)] {
        let t = endDate - 86_400
        return [
            (F.facts("[PATCH 1/2] a: one", from: "Jane Doe <jane@corp.example>", id: "j1@x", body: diff), t),
            (
                F.facts("[PATCH 2/2] a: two", from: "jdoe <jdoe@gmail.com>", id: "j2@x", inReplyTo: "j1@x", body: diff),
                t + 60
            ),
            (F.facts("[PATCH] b: three", from: "J. Doe <jd@old.example>", id: "j3@x", body: diff), t + 120),
            (F.facts("[PATCH] c: four", from: "Bob Roe <bob@beta.example>", id: "b1@x", body: diff), t + 180),
            (
                F.facts(
                    "Re: [PATCH] c: four", from: "jdoe <JDOE@gmail.com>", id: "r1@x", inReplyTo: "b1@x",
                    body: "Looks good.\n\nReviewed-by: Jane Doe <jdoe@gmail.com>\n"), t + 240
            ),
            (
                F.facts(
                    "Re: [PATCH] b: three", from: "Bob Roe <bob@beta.example>", id: "r2@x", inReplyTo: "j3@x",
                    body: "Reviewed-by: Bob Roe <bob@beta.example>\n"), t + 300
            ),
        ]
    }

    @Test func aPersonsAddressesMergeIntoOneRowAcrossAuthorsAndReviewers() throws {
        let report = try Self.report(Self.janesWeek())
        let jane = try #require(report.contributors.first)
        #expect(jane.name == "Jane Doe" && jane.email == "jane@corp.example" && jane.count == 3)
        #expect(jane.addresses == ["jane@corp.example", "jd@old.example", "jdoe@gmail.com"])
        #expect(jane.company == "Corp")
        #expect(report.contributors.count == 2)
        #expect(report.entries.map(\.authorName) == ["Jane Doe", "Jane Doe", "Bob Roe"])
        #expect(
            report.series.first { $0.title == "b: three" }?.author
                == ReportPerson(name: "Jane Doe", email: "jane@corp.example"))
        // As a reviewer she is the same person, under the same name and address.
        let reviewers = report.reviewers.map { "\($0.name) <\($0.email)> \($0.trailers)/\($0.replies)" }
        #expect(reviewers == ["Bob Roe <bob@beta.example> 1/1", "Jane Doe <jane@corp.example> 1/1"])
        #expect(
            report.domains == [
                DomainRow(domain: "corp.example", count: 3), DomainRow(domain: "beta.example", count: 1),
            ])
    }

    @Test func withoutAMailmapEachAddressIsItsOwnPerson() throws {
        let report = try Self.report(Self.janesWeek(), mailmap: Mailmap())
        #expect(report.contributors.count == 4)
        #expect(report.companies.map(\.name) == ["(Individual)", "Beta", "Corp", "old.example"])
        #expect(report.unmapped == [UnmappedDomainRow(domain: "old.example", patchMails: 1)])
    }

    @Test func companiesAreOrderedByPatchMailsThenName() throws {
        let t = Self.endDate
        let mails = [
            (F.facts("[PATCH] p1", from: "B <b@beta.example>", body: Self.diff), t),
            (F.facts("[PATCH] p2", from: "A <a@alpha.example>", body: Self.diff), t),
            (F.facts("[PATCH] p3", from: "C <c@corp.example>", body: Self.diff), t),
            (F.facts("[PATCH] p4", from: "C <c@corp.example>", body: Self.diff), t),
            (F.facts("[PATCH] p5", from: "Z <z@zeta.example>", body: Self.diff), t),
        ]
        let report = try Self.report(mails)
        #expect(
            report.companies == [
                CompanyRow(name: "Corp", patchMails: 2, authors: 1, domains: ["corp.example"]),
                CompanyRow(name: "Alpha", patchMails: 1, authors: 1, domains: ["alpha.example"]),
                CompanyRow(name: "Beta", patchMails: 1, authors: 1, domains: ["beta.example"]),
                CompanyRow(name: "zeta.example", patchMails: 1, authors: 1, domains: ["zeta.example"]),
            ])
        #expect(report.unmapped == [UnmappedDomainRow(domain: "zeta.example", patchMails: 1)])
        let text = TextRenderer().render(report)
        #expect(
            text.contains("\nTop 15 companies (patch mails)\n\n      2 Corp (1 author)\n      1 Alpha (1 author)\n"))
        // --top cuts the table, not the model.
        let cut = TextRenderer().render(try Self.report(mails, top: 2))
        #expect(
            cut.contains(
                "Top 2 companies (patch mails)\n\n      2 Corp (1 author)\n      1 Alpha (1 author)\n\nTop 2 contributors"
            ))
    }

    @Test func anEndDateCreditsEachMailByItsDate() throws {
        let mails = [
            (F.facts("[PATCH] early", from: "Hop <hop@alpha.example>", body: Self.diff), Self.endDate - 1),
            (F.facts("[PATCH] late", from: "Hop <hop@alpha.example>", body: Self.diff), Self.endDate),
            (F.facts("[PATCH] later", from: "Hop <hop@alpha.example>", body: Self.diff), Self.endDate + 86_400),
        ]
        let report = try Self.report(mails)
        #expect(report.companies.map { "\($0.name) \($0.patchMails)" } == ["Alpha 2", "Beta 1"])
        #expect(report.contributors.first?.company == "Alpha")
    }

    @Test func reviewsAreCreditedToTheReviewersCompanyAtEachMailsDate() throws {
        var mails = Self.janesWeek()
        // Hop reviews twice: before his end date for Beta, after it for Alpha.
        mails.append(
            (
                F.facts(
                    "Re: [PATCH 1/2] a: one", from: "Hop <hop@alpha.example>", id: "h1@x", inReplyTo: "j1@x",
                    body: "Acked-by: Hop <hop@alpha.example>\n"), Self.endDate - 10
            ))
        mails.append(
            (
                F.facts(
                    "Re: [PATCH] c: four", from: "Hop <hop@alpha.example>", id: "h2@x", inReplyTo: "b1@x",
                    body: "Nice.\n"), Self.endDate + 10
            ))
        let report = try Self.report(mails)
        #expect(
            report.reviewCompanies == [
                ReviewCompanyRow(name: "Beta", trailers: 2, replies: 2),
                ReviewCompanyRow(name: "Corp", trailers: 1, replies: 1),
                ReviewCompanyRow(name: "Alpha", trailers: 0, replies: 1),
            ])
        for output in [
            TextRenderer().render(report), MarkdownRenderer().render(report), HTMLRenderer().render(report),
            EmailRenderer(from: EmailAddress(name: "", address: "d@example.org")!, date: Date(timeIntervalSince1970: 0))
                .render(report),
        ] {
            #expect(output.contains(ReportWording.reviewCompaniesHeading))
            #expect(output.contains(ReportWording.companiesHeading(top: 15)))
        }
        #expect(TextRenderer().render(report).contains("  Beta: 2 trailers, 2 replies\n  Corp: 1 trailer, 1 reply\n"))
        #expect(MarkdownRenderer().render(report).contains("| Beta | 2 | 2 |\n"))
        #expect(HTMLRenderer().render(report).contains("<tr><td>Beta</td><td class=\"count\">2</td>"))
    }

    @Test func aCompanyNameFromAMapIsEscapedInEveryFormat() throws {
        let map = CompanyMap.parse("corp.example  Evil&Co|*x*\n", file: "c").map
        var aggregator = ReportAggregator(identity: IdentityResolver(companies: map))
        aggregator.add(F.facts("[PATCH] p", from: "C <c@corp.example>", body: Self.diff), receivedAt: 0)
        let report = try aggregator.report(
            listName: "X",
            selection: Selection(fromLabel: nil, toLabel: "t", firstCommitTime: nil, lastCommitTime: nil),
            top: 15)
        #expect(HTMLRenderer().render(report).contains("<td>Evil&amp;Co|*x*</td>"))
        #expect(MarkdownRenderer().render(report).contains("| Evil&Co\\|\\*x\\* |"))
    }

    @Test func theJSONListsEverythingWhateverTop() throws {
        let report = try Self.report(Self.janesWeek(), top: 1)
        let json = try JSONRenderer().render(report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schema_version"] as? String == "3.2.0")
        let companies = try #require(object["companies"] as? [[String: Any]])
        #expect(companies.map { $0["name"] as? String } == ["Corp", "Beta"])
        #expect(companies.first?["patch_mails"] as? Int == 3 && companies.first?["authors"] as? Int == 1)
        #expect(companies.first?["domains"] as? [String] == ["corp.example"])
        let reviews = try #require(object["review_companies"] as? [[String: Any]])
        #expect(reviews.count == 2 && reviews.allSatisfy { $0["trailers"] != nil && $0["replies"] != nil })
        #expect((object["domains"] as? [Any])?.count == 2)
        let contributors = try #require(object["contributors"] as? [[String: Any]])
        #expect(contributors.count == 2)
        #expect(
            contributors.first?["addresses"] as? [String] == ["jane@corp.example", "jd@old.example", "jdoe@gmail.com"])
        #expect(contributors.first?["patch_mails"] as? Int == 3 && contributors.first?["company"] as? String == "Corp")
        #expect(object["unmapped"] as? [Any] != nil)
        // Not set in git config: the key is there, its value null (issue 12, item 8).
        #expect(object.keys.contains("archive_url") && object["archive_url"] is NSNull)
    }

    @Test func historyMessagesAreMappedToo() throws {
        // Jane's series came before the range from her gmail address; her own reply is no review.
        let t = Self.endDate
        let earlier = ThreadMessage(
            messageID: "old@x", receivedAt: t - 86_400, authorEmail: "jdoe@gmail.com", authorName: "jdoe", kind: .patch,
            subject: "[PATCH] d: old", title: "d: old")
        let reply = F.facts(
            "Re: [PATCH] d: old", from: "Jane Doe <jane@corp.example>", id: "r@x", inReplyTo: "old@x", body: "Ping.\n")
        let report = try Self.report([(reply, t)], lookup: InMemorySeriesLookup(messages: [earlier]))
        #expect(report.reviewers.isEmpty)
        #expect(
            report.earlierSeriesActivity.first?.author == ReportPerson(name: "Jane Doe", email: "jane@corp.example"))
    }
}
