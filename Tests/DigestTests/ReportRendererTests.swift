import Foundation
import Testing

@testable import Digest

@Suite struct ReportRendererTests {
    static let renderers: [(name: String, renderer: any ReportRenderer)] = [
        ("text", TextRenderer()), ("markdown", MarkdownRenderer()), ("html", HTMLRenderer()),
        ("json", JSONRenderer()),
        (
            "email",
            EmailRenderer(
                from: EmailAddress(name: "Digest", address: "digest@example.org")!,
                date: Date(timeIntervalSince1970: 0))
        ),
    ]

    @Test(arguments: renderers.map(\.name))
    func everyFormatStatesTheSameCounts(format: String) throws {
        let renderer = try #require(Self.renderers.first { $0.name == format }?.renderer)
        var output = try renderer.render(ReportFixture.make())
        if format == "email" {
            // The e-mail's parts are quoted-printable (the fixture is not ASCII): undo the soft breaks.
            #expect(output.contains("Subject: [WIDGET] mailing list update 1970-01-01\n"))
            output = output.replacingOccurrences(of: "=\n", with: "")
        }
        if format == "json" {
            #expect(output.contains("\"patch_mails\" : 3"))
        } else {
            #expect(output.contains(ReportWording.accountingSentence(ReportFixture.make().accounting)))
            #expect(output.contains("WIDGET mailing list update from 1234567 to 89abcde"))
        }
    }

    @Test(arguments: [MarkdownRenderer() as any ReportSectionRenderer, HTMLRenderer()])
    func markdownAndHTMLUseTheSharedHeadings(renderer: any ReportSectionRenderer) throws {
        var report = ReportFixture.make()
        report.history = HistorySection()
        let output = try renderer.render(report)
        for heading in [
            ReportWording.domainsHeading(top: 15), ReportWording.contributorsHeading(top: 15),
            ReportWording.patchListHeading, ReportWording.commitMessagesHeading, ReportWording.historyHeading,
            ReportWording.firstPatchesHeading, ReportWording.revisedSeriesHeading,
        ] {
            #expect(output.contains(heading), "\(heading)")
        }
        #expect(output.contains("\(ReportWording.newEntryLabel) widget: fix the frobnicator"))
    }

    @Test func theTextReportKeepsItsClassicHeadings() {
        let text = TextRenderer().render(ReportFixture.make())
        #expect(text.contains("Top 15 contributor Email domains (Based on Email Body)\n"))
        #expect(text.contains("\nTop 15 contributors (Based on Email Body)\n"))
        #expect(text.contains("\n===== Patch list in this time period =====\n"))
        #expect(text.contains("\n===== Patch Commit Messages ====\n"))
        #expect(text.contains("\nNew:  widget: fix the frobnicator\n"))
    }

    @Test func aReportIsItsSectionsInOrder() throws {
        var report = ReportFixture.make()
        report.history = HistorySection()
        let renderer = MarkdownRenderer()
        let sections = [
            renderer.opening(report), renderer.domainTable(report.domains, top: report.top),
            renderer.companyTable(report.companies, top: report.top),
            renderer.contributorTable(report.contributors, top: report.top), renderer.patchList(report.patchList),
            renderer.commitMessages(report.entries), renderer.series(report.series, scope: report.seriesScope),
            renderer.reviews(report.reviewers, waiting: try report.waitingSeries(), top: report.top),
            renderer.reviewCompanies(report.reviewCompanies, top: report.top),
            renderer.earlierSeriesActivity(report.earlierSeriesActivity), renderer.applied(try report.appliedRows()),
            renderer.pullRequests(report.pullRequests), renderer.bots(report.bots), renderer.history(HistorySection()),
            renderer.closing(report.accounting),
        ]
        #expect(renderer.render(report) == sections.joined())
        report.history = nil
        #expect(!renderer.render(report).contains(ReportWording.historyHeading))
    }
}
