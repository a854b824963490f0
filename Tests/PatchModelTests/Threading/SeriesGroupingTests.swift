import Testing

@testable import PatchModel

@Suite struct SeriesGroupingTests {
    typealias F = ThreadFixture

    @Test func threadedSeriesWithCover() throws {
        let report = SeriesAnalyzer.analyze(F.series("a", total: 3, title: "KVM: things"))
        let series = try #require(report.series.first)
        #expect(report.series.count == 1)
        #expect(series.id == "a0" && series.coverMessageID == "a0")
        #expect(series.title == "KVM: things")
        #expect(series.received == [1, 2, 3] && series.missing.isEmpty)
        #expect(series.completeness == "3/3")
        #expect(series.patches.map(\.messageID) == ["a1", "a2", "a3"])
    }

    @Test func coverlessSeriesIsASeries() throws {
        let report = SeriesAnalyzer.analyze(F.series("b", total: 4, withCover: false, title: "first patch"))
        let series = try #require(report.series.first)
        #expect(report.series.count == 1)
        #expect(series.id == "b1" && series.coverMessageID == nil)
        #expect(series.title == "first patch")
        #expect(series.completeness == "4/4")
    }

    @Test func chainReplyToStaysOneSeries() {
        let mails = (1...4).map { n in F.patch("c\(n)", n, of: 4, at: Int64(n), inReplyTo: n == 1 ? nil : "c\(n - 1)") }
        let report = SeriesAnalyzer.analyze(mails)
        #expect(report.series.count == 1)
        #expect(report.series.first?.received == [1, 2, 3, 4])
    }

    @Test func missingPositions() throws {
        let mails = F.series("d", total: 12).filter { $0.messageID != "d7" }
        let series = try #require(SeriesAnalyzer.analyze(mails).series.first)
        #expect(series.missing == [7])
        #expect(!series.isComplete)
        #expect(series.completeness == "11 of 12, missing 7")
    }

    @Test func lonePatchOfALargerSeries() throws {
        let series = try #require(SeriesAnalyzer.analyze([F.patch("x25", 25, of: 30)]).series.first)
        #expect(series.received == [25])
        #expect(series.total == 30)
        #expect(series.completeness == "1 of 30, missing 1-24, 26-30")
    }

    @Test func singlePatchWithoutCounter() throws {
        let series = try #require(SeriesAnalyzer.analyze([F.patch("s", nil, of: nil, title: "fix it")]).series.first)
        #expect(series.received == [1] && series.total == 1)
        #expect(series.completeness == "1/1")
    }

    @Test func implausibleTotalIsNotListed() throws {
        let series = try #require(SeriesAnalyzer.analyze([F.patch("h", 1, of: 99_999_999)]).series.first)
        #expect(series.total == 99_999_999)
        #expect(series.missing.isEmpty && !series.isComplete)
        #expect(series.completeness == "1 of 99999999")
    }

    @Test(
        "Unthreaded patches within the window are one series, past it two",
        arguments: [
            (Int64(3_600), 1), (Int64(3_601), 2),
        ])
    func unthreadedWindowEdges(_ gap: Int64, _ expectedSeries: Int) {
        let mails = [
            F.patch("u1", 1, of: 2, at: 0, version: 3),
            F.patch("u2", 2, of: 2, at: gap, version: 3, from: "ALICE@example.org"),
        ]
        let report = SeriesAnalyzer.analyze(mails)
        #expect(report.series.count == expectedSeries)
        if expectedSeries == 1 { #expect(report.series.first?.received == [1, 2]) }
    }

    @Test func unthreadedWindowIsTheDocumentedOneHour() {
        #expect(SeriesAnalyzer.unthreadedWindow == 3_600)
    }

    @Test func unthreadedPatchesOfOtherVersionTotalOrAuthorStayApart() {
        let mails = [
            F.patch("v1", 1, of: 2, at: 0, version: 2),
            F.patch("v2", 2, of: 2, at: 10, version: 3),
            F.patch("t2", 2, of: 3, at: 20, version: 2),
            F.patch("o2", 2, of: 2, at: 30, version: 2, from: F.bob),
        ]
        #expect(SeriesAnalyzer.analyze(mails).series.count == 4)
    }

    @Test func unthreadedResendStartsANewSeriesAtATakenPosition() {
        let mails = [
            F.patch("a1", 1, of: 2, at: 0), F.patch("a2", 2, of: 2, at: 5),
            F.patch("b1", 1, of: 2, at: 60), F.patch("b2", 2, of: 2, at: 65),
        ]
        let report = SeriesAnalyzer.analyze(mails)
        #expect(report.series.map(\.received) == [[1, 2], [1, 2]])
        #expect(report.series.map(\.id) == ["a1", "b1"])
    }

    @Test func unthreadedStrayJoinsAThreadedSeries() {
        var mails = F.series("a", total: 3).filter { $0.messageID != "a3" }
        mails.append(F.patch("a3", 3, of: 3, at: 100))
        let report = SeriesAnalyzer.analyze(mails)
        #expect(report.series.count == 1)
        #expect(report.series.first?.completeness == "3/3")
    }

    @Test func seriesPostedInReplyToAnotherIsItsOwn() {
        let v1 = F.series("a", total: 2, title: "Feature")
        let v2 = F.series("b", total: 2, at: 86_400, version: 2, inReplyTo: "a0", title: "Feature")
        let report = SeriesAnalyzer.analyze(v1 + v2)
        #expect(report.series.map(\.id) == ["a0", "b0"])
        #expect(report.series.map(\.completeness) == ["2/2", "2/2"])
        #expect(report.series.last?.version == 2)
    }

    @Test func coverlessV2InReplyToV1PatchIsItsOwn() {
        let v1 = F.series("a", total: 2, withCover: false)
        let v2 = F.series("b", total: 2, at: 500, version: 2, withCover: false, inReplyTo: "a1")
        let report = SeriesAnalyzer.analyze(v1 + v2)
        #expect(report.series.count == 2)
        #expect(report.series.map(\.received) == [[1, 2], [1, 2]])
    }

    @Test func siblingPatchesUnderAForeignCoverAreOneSeries() throws {
        // A kernel series whose thread also carries the kvmtool half, each of its patches sent in
        // reply to the kernel cover (seen on kvmarm).
        var mails = F.series("k", total: 2, version: 2, title: "KVM: arm64: feature")
        mails += (3...5).map { n in F.patch("t\(n)", n, of: 5, at: Int64(10 + n), version: 2, inReplyTo: "k0") }
        let report = SeriesAnalyzer.analyze(mails)
        #expect(report.series.map(\.id) == ["k0", "t3"])
        let tool = try #require(report.series.last)
        #expect(tool.received == [3, 4, 5])
        #expect(tool.completeness == "3 of 5, missing 1-2")
        #expect(report.series.first?.completeness == "2/2")
    }

    @Test func siblingsUnderDifferentPatchMailsStayApart() {
        var mails = F.series("a", total: 2) + F.series("b", total: 2, at: 20)
        mails.append(F.patch("x1", 1, of: 2, at: 40, version: 2, inReplyTo: "a0"))
        mails.append(F.patch("x2", 2, of: 2, at: 41, version: 2, inReplyTo: "b0"))
        #expect(SeriesAnalyzer.analyze(mails).series.count == 4)
    }

    @Test func patchPastTheTotalRaisesIt() throws {
        var mails = F.series("a", total: 5)
        mails.append(F.patch("a6", 6, of: 5, at: 10, inReplyTo: "a0"))
        let series = try #require(SeriesAnalyzer.analyze(mails).series.first)
        #expect(series.total == 6)
        #expect(series.received == [1, 2, 3, 4, 5, 6])
        #expect(series.completeness == "6/6")
        #expect(series.notes == [.totalRaised(announced: 5, to: 6)])
    }

    @Test func secondMailAtATakenPositionKeepsTheFirst() throws {
        var mails = F.series("a", total: 3)
        mails.append(F.patch("a2bis", 2, of: 3, at: 30, inReplyTo: "a0", title: "patch 2 again"))
        let series = try #require(SeriesAnalyzer.analyze(mails).series.first)
        #expect(series.patches.map(\.messageID) == ["a1", "a2", "a3"])
        #expect(series.notes == [.duplicatePosition(position: 2, kept: "a2", ignored: "a2bis")])
        #expect(series.notes.first?.description.contains("a2bis") == true)
    }

    @Test func partialRerollReplacesItsPatchAndIsNoSeries() throws {
        var mails = F.series("a", total: 12, version: 5)
        mails.append(F.patch("a3.1", 3, of: 12, at: 3_000, version: 5, minor: 1, inReplyTo: "a3", title: "patch 3"))
        let report = SeriesAnalyzer.analyze(mails)
        let series = try #require(report.series.first)
        #expect(report.series.count == 1)
        #expect(series.completeness == "12/12")
        #expect(series.notes.isEmpty)
        #expect(series.rerolls.map(\.messageID) == ["a3.1"])
        #expect(series.rerolls.first?.version == "5.1")
        #expect(series.rerolls.first?.replacesMessageID == "a3")
        #expect(series.rerolls.first?.position == 3)
    }

    @Test func minorVersionWithoutItsSeriesIsASeriesOfItsOwn() throws {
        let series = try #require(SeriesAnalyzer.analyze([F.patch("m", 3, of: 12, version: 5, minor: 1)]).series.first)
        #expect(series.version == 5 && series.minorVersion == 1)
        #expect(series.rerolls.isEmpty)
    }

    @Test func seriesStraddlingTheSetStartIsCompletedFromTheHistory() throws {
        // Cover and patches 1-3 lie before the set; patches 4 and 5 are in it.
        let all = F.series("a", total: 5, at: -600)
        let history = InMemorySeriesLookup(messages: all + [F.patch("late", 1, of: 1, at: 999_999, inReplyTo: "a0")])
        let inSet = all.filter { ["a4", "a5"].contains($0.messageID) }
        let report = SeriesAnalyzer.analyze(inSet, lookup: history)
        let series = try #require(report.series.first)
        #expect(report.series.count == 1)
        #expect(series.id == "a0" && series.coverMessageID == "a0")
        #expect(series.completeness == "5/5")
        #expect(series.startedBefore)
        #expect(series.patches.map(\.isInSet) == [false, false, false, true, true])
    }

    @Test func withoutHistoryTheStraddlingSeriesIsWhatTheSetHas() throws {
        let inSet = F.series("a", total: 5).filter { ["a4", "a5"].contains($0.messageID) }
        let report = SeriesAnalyzer.analyze(inSet)
        // The cover is unknown, so the two patches are grouped by the unthreaded rule.
        #expect(report.series.count == 1)
        #expect(report.series.first?.completeness == "2 of 5, missing 1-3")
        #expect(report.series.first?.startedBefore == false)
    }

    @Test func orderIsByTimeThenID() {
        let mails = [
            F.patch("z", nil, of: nil, at: 5), F.patch("b", nil, of: nil, at: 1, from: F.bob),
            F.patch("a", nil, of: nil, at: 1),
        ]
        #expect(SeriesAnalyzer.analyze(mails).series.map(\.id) == ["a", "b", "z"])
    }
}
