import Foundation
import TestSupport
import Testing

@testable import Digest

/// The HTML report read back by a real HTML parser (Python's `html.parser`, through
/// `scripts/check-html.py`): nothing that runs or loads, every chart with its text alternative,
/// and mail that tries to break out of the SVG printed as text.
@Suite(
    .enabled(
        if: FormatCheckers.htmlParserSkipReason == nil, Comment(rawValue: FormatCheckers.htmlParserSkipReason ?? "")))
struct HTMLReportStructureTests {
    static let hostileSubject = "[PATCH] x: </svg><script>alert(1)</script> \"onload=\"alert(2)"
    static let hostileCompany = "</svg><script>alert(3)</script>\"onload=\"x"

    static func hostileReport() -> Report {
        var report = ReportFixture.make(subject: hostileSubject, name: "<b>Eve</b> \"onmouseover=")
        report.listName = "L</title><script>"
        report.companies.insert(
            CompanyRow(name: hostileCompany, patchMails: 5, authors: 1, domains: ["evil.example"]), at: 0)
        report.patchMailsPerDay = [
            DayCount(day: "2025-10-06", patchMails: 2), DayCount(day: "2025-10-07", patchMails: 0),
        ]
        report.series = [ReportChartsTests.series("s1@x")]
        report.waiting = ["s1@x"]
        return report
    }

    static func parsed(_ report: Report) throws -> [String: Any] {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        return try FormatCheckers.checkHTML(HTMLRenderer().render(report), in: directory.url)
    }

    @Test func thePageRunsAndLoadsNothing() throws {
        let page = try Self.parsed(Self.hostileReport())
        #expect(page["doctype"] as? Bool == true)
        #expect(page["scripts"] as? Int == 0)
        #expect((page["active_elements"] as? [Any])?.isEmpty == true)
        #expect((page["event_handlers"] as? [Any])?.isEmpty == true)
        #expect((page["css_urls"] as? [Any])?.isEmpty == true)
        // Only links to messages on the archive may point anywhere (none without an archive URL).
        let urls = (page["urls"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? String }
        #expect(urls.allSatisfy { $0.hasPrefix("#") || $0.hasPrefix("https://lore.kernel.org/") })
        #expect((page["unclosed"] as? [Any])?.isEmpty == true)
        #expect((page["misnested"] as? [Any])?.isEmpty == true)
        #expect(page["has_dark_scheme"] as? Bool == true)
        #expect(page["has_print"] as? Bool == true)
    }

    @Test func everyChartIsAnImageWithATitleADescriptionAndATableOfItsFigures() throws {
        let page = try Self.parsed(Self.hostileReport())
        let svgs = page["svgs"] as? [[String: Any]] ?? []
        #expect(svgs.compactMap { $0["id"] as? String } == ["chart-companies", "chart-days", "chart-series"])
        for svg in svgs {
            let id = svg["id"] as? String ?? ""
            #expect(svg["role"] as? String == "img")
            #expect(svg["aria-labelledby"] as? String == "\(id)-title \(id)-desc")
            #expect(svg["title_id"] as? String == "\(id)-title")
            #expect(svg["desc_id"] as? String == "\(id)-desc")
            #expect(!(svg["title"] as? String ?? "").isEmpty)
            #expect(!(svg["desc"] as? String ?? "").isEmpty)
        }
        let figures = page["figures"] as? [[String: Any]] ?? []
        #expect(figures.count == 3)
        for figure in figures {
            #expect(figure["details"] as? Bool == true)
            #expect(!(figure["caption"] as? String ?? "").isEmpty)
        }
        let companyRows = figures.first?["rows"] as? [[String]] ?? []
        #expect(companyRows.first == ["Company", "Patch mails"])
        #expect(companyRows.dropFirst().map { $0.last ?? "" } == ["5", "2", "1"])
        let dayRows = figures.dropFirst().first?["rows"] as? [[String]] ?? []
        #expect(dayRows.dropFirst().map { $0 } == [["2025-10-06", "2"], ["2025-10-07", "0"]])
        let seriesRows = figures.last?["rows"] as? [[String]] ?? []
        #expect(seriesRows.contains(["waiting", "1"]))
        #expect(seriesRows.contains(["complete", "1"]))
    }

    @Test func mailThatTriesToLeaveTheSVGStaysText() throws {
        let page = try Self.parsed(Self.hostileReport())
        let text = page["text"] as? String ?? ""
        // The parser saw these as text, not as tags or attributes.
        #expect(text.contains(Self.hostileSubject))
        #expect(text.contains(Self.hostileCompany))
        #expect(text.contains("L</title><script>"))
        let svgs = page["svgs"] as? [[String: Any]] ?? []
        let companies = svgs.first { $0["id"] as? String == "chart-companies" }
        #expect((companies?["tooltips"] as? [String])?.first == "\(Self.hostileCompany): 5")
        #expect((companies?["desc"] as? String)?.hasPrefix(Self.hostileCompany + " 5") == true)
        #expect((companies?["texts"] as? [String])?.first == SVGWriter.shortened(Self.hostileCompany, limit: 20))
    }

    @Test func anEmptyReportStillDrawsEveryChartAndSaysWhatIsEmpty() throws {
        var report = ReportFixture.make()
        report.companies = []
        report.patchMailsPerDay = []
        let page = try Self.parsed(report)
        let svgs = page["svgs"] as? [[String: Any]] ?? []
        #expect(svgs.count == 3)
        #expect(svgs.first?["desc"] as? String == "No patch mails in the range.")
        #expect((svgs.last?["texts"] as? [String])?.contains("no series") == true)
    }
}
