import Testing

@testable import Digest

@Suite struct ReportChartsTests {
    static func series(
        _ id: String, missing: [Int] = [], trailers: [SeriesTrailerEntry] = [], applied: Bool = false,
        superseded: Bool = false
    ) -> SeriesEntry {
        SeriesEntry(
            id: id, title: "t \(id)", version: nil, total: 2, coverMessageID: nil,
            author: ReportPerson(name: "A", email: "a@example.com"), date: "2025-10-06",
            received: [1, 2].filter { !missing.contains($0) }, missing: missing,
            completeness: missing.isEmpty ? "2/2" : "1 of 2", patches: [], trailers: trailers,
            applied: applied ? SeriesAppliedEntry(branch: "next", by: "M", messageID: "ty@x") : nil,
            supersededBy: superseded ? SeriesSupersededBy(version: 2, seriesID: "newer") : nil)
    }

    @Test func theCompaniesBeyondTopBecomeOneOthersBar() {
        var report = ReportFixture.make()
        report.companies = (1...12).map { CompanyRow(name: "C\($0)", patchMails: 20 - $0, authors: 1, domains: []) }
        let charts = ReportCharts(report, top: 8)
        #expect(charts.companies.count == 9)
        #expect(charts.hasOthers)
        #expect(charts.companies.last == ChartBar("others", (9...12).map { 20 - $0 }.reduce(0, +)))
        #expect(charts.companies.first == ChartBar("C1", 19))
    }

    @Test func noOthersBarWhenEveryCompanyFits() {
        let charts = ReportCharts(ReportFixture.make(), top: 8)
        #expect(!charts.hasOthers)
        #expect(charts.companies == [ChartBar("Example Corp", 2), ChartBar("example.org", 1)])
    }

    @Test func daysWithoutMailAreZeroesNotGaps() {
        let monday: Int64 = 1_759_708_800  // 2025-10-06T00:00:00Z
        let day = DayCount.dayNumber(monday)
        let days = DayCount.days(
            from: monday + 3600, through: monday + 3 * 86_400 + 5, counts: [day: 2, day + 2: 1])
        #expect(days.map(\.day) == ["2025-10-06", "2025-10-07", "2025-10-08", "2025-10-09"])
        #expect(days.map(\.patchMails) == [2, 0, 1, 0])
    }

    @Test func aLongWindowKeepsItsLastDaysOnly() {
        let days = DayCount.days(from: 0, through: 999 * 86_400, counts: [999: 4], limit: 10)
        #expect(days.count == 10)
        #expect(days.last == DayCount(day: "1972-09-26", patchMails: 4))
        #expect(DayCount.days(from: nil, through: 5, counts: [:]).isEmpty)
        #expect(DayCount.days(from: 10, through: 5, counts: [:]).isEmpty)
        #expect(DayCount.dayNumber(-1) == -1)
    }

    @Test func everySeriesIsInOneStateOfProgressAndOneOfCompleteness() {
        var report = ReportFixture.make()
        let review = SeriesTrailerEntry(type: "reviewed", name: "R", email: "r@x", position: 1, messageID: "r@x")
        let other = SeriesTrailerEntry(type: "other", name: "S", email: "s@x", position: 0, messageID: "s@x")
        report.series = [
            Self.series("applied", trailers: [review], applied: true),
            Self.series("reviewed", missing: [2], trailers: [review]),
            Self.series("discussed", trailers: [other]),
            Self.series("waiting"),
            Self.series("old", superseded: true),
        ]
        report.waiting = ["waiting", "old"]
        let charts = ReportCharts(report)
        #expect(charts.seriesCount == 4)
        #expect(charts.completeness == [ChartBar("complete", 3), ChartBar("incomplete", 1)])
        #expect(
            charts.progress == [
                ChartBar("applied", 1), ChartBar("reviewed", 1), ChartBar("discussed", 1), ChartBar("waiting", 1),
            ])
    }

    @Test(arguments: [(1, 1), (5, 1), (6, 2), (11, 5), (26, 10), (34, 10), (51, 20), (999, 200)])
    func theGridStepIsOneTwoOrFiveTimesAPowerOfTen(largest: Int, step: Int) {
        #expect(SVGCharts.gridStep(for: largest) == step)
    }

    @Test(arguments: [(7, 1), (10, 1), (11, 2), (30, 7), (60, 14), (365, 56)])
    func dayLabelsComeAtSensibleSteps(days: Int, step: Int) {
        #expect(SVGCharts.dayLabelStep(for: days) == step)
    }

    @Test func numbersAndLabelsAreWrittenTheSameEverywhere() {
        #expect(SVGWriter.number(12) == "12")
        #expect(SVGWriter.number(12.25) == "12.3")
        #expect(SVGWriter.number(-0.5) == "-0.5")
        #expect(SVGCharts.shortDay("2025-10-06") == "Oct 6")
        #expect(SVGCharts.shortDay("garbage") == "garbage")
        #expect(SVGWriter.shortened("Advanced Micro Devices, Inc.", limit: 10) == "Advanced …")
        #expect(SVGWriter.shortened("AMD", limit: 10) == "AMD")
    }
}
