import Testing

@testable import PatchModel

@Suite struct SeriesVersionTests {
    typealias F = ThreadFixture
    static let day: Int64 = 86_400

    @Test func changeIDLinksToTheNearestEarlierVersionInTheHistory() throws {
        let v10 = F.series("t", total: 11, at: -60 * Self.day, version: 10, changeID: "cid")
        let v11 = F.series("o", total: 11, at: -Self.day, version: 11, changeID: "cid")
        let v12 = F.series("n", total: 12, version: 12, changeID: "cid", patchIDs: [9: "x9", 10: "x10", 11: "x11"])
        let report = SeriesAnalyzer.analyze(v12, lookup: InMemorySeriesLookup(messages: v10 + v11 + v12))
        let series = try #require(report.series.first)
        #expect(report.series.count == 1)
        let previous = try #require(series.previous)
        #expect(previous.version == 11 && previous.messageID == "o0" && previous.linkedBy == .changeID)
        #expect(previous.receivedAt == F.t0 - Self.day)
        #expect(
            series.patches.map(\.change) == Array(repeating: .unchanged, count: 8) + [
                .changed, .changed, .changed, .new,
            ])
        #expect(series.patches.map(\.previousMessageID) == (1...11).map { "o\($0)" } + [nil])
        #expect(series.dropped.isEmpty)
        #expect(series.versionSummary == "v12 (v11 2025-09-30): 8 unchanged, 3 changed, 1 new")
        #expect(series.supersededBy == nil, "the earlier version is outside the set")
    }

    @Test func changeIDIsPreferredToTheTitle() throws {
        let byTitle = F.series("t", total: 1, at: -2 * Self.day, version: 2, title: "Same")
        let byChangeID = F.series("c", total: 1, at: -5 * Self.day, version: 1, changeID: "cid", title: "Renamed")
        let current = F.series("n", total: 1, version: 3, changeID: "cid", title: "Same")
        let report = SeriesAnalyzer.analyze(current, lookup: InMemorySeriesLookup(messages: byTitle + byChangeID))
        let previous = try #require(report.series.first?.previous)
        #expect(previous.messageID == "c0" && previous.linkedBy == .changeID)
    }

    @Test(
        "Same title, same address: at most 365 days back",
        arguments: [
            (Int64(365 * 86_400), true), (Int64(365 * 86_400 + 1), false),
        ])
    func titleLookBackEdges(_ age: Int64, _ linked: Bool) throws {
        let v1 = [F.patch("old", nil, of: nil, at: -age, title: "KVM: fix", patchID: "p")]
        let v2 = [F.patch("new", nil, of: nil, version: 2, from: "Alice@Example.org", title: "KVM: fix", patchID: "p")]
        let series = try #require(SeriesAnalyzer.analyze(v2, lookup: InMemorySeriesLookup(messages: v1)).series.first)
        #expect((series.previous?.messageID == "old") == linked)
        #expect(series.previous?.linkedBy == (linked ? .titleAndAuthor : nil))
        #expect(series.patches.first?.change == (linked ? .unchanged : nil))
    }

    @Test func titleFromAnotherAuthorIsNoEarlierVersion() {
        let v1 = [F.patch("old", nil, of: nil, at: -Self.day, from: F.bob, title: "KVM: fix")]
        let v2 = [F.patch("new", nil, of: nil, version: 2, title: "KVM: fix")]
        #expect(SeriesAnalyzer.analyze(v2, lookup: InMemorySeriesLookup(messages: v1)).series.first?.previous == nil)
    }

    @Test func firstVersionIsNotLinked() {
        let old = [F.patch("old", nil, of: nil, at: -Self.day, title: "KVM: fix")]
        let new = [F.patch("new", nil, of: nil, title: "KVM: fix")]
        #expect(SeriesAnalyzer.analyze(new, lookup: InMemorySeriesLookup(messages: old)).series.first?.previous == nil)
    }

    @Test func patchesMatchByPatchIDThenTitleThenPosition() throws {
        let v1 = F.series("a", total: 4, at: -Self.day, titles: [1: "alpha", 2: "beta", 3: "gamma", 4: "delta"])
            .map { mail -> ThreadMessage in
                var mail = mail
                if mail.messageID == "a3" { mail.patchID = "old-gamma" }
                if mail.messageID == "a4" { mail.patchID = "old-delta" }
                return mail
            }
        // v2: beta and alpha swapped (same patch-ids), gamma reworked (same title), delta gone.
        let v2 = F.series(
            "b", total: 3, version: 2, patchIDs: [1: "pid-beta", 2: "pid-alpha", 3: "new-gamma"],
            titles: [1: "beta", 2: "alpha", 3: "gamma"])
        let series = try #require(SeriesAnalyzer.analyze(v2, lookup: InMemorySeriesLookup(messages: v1)).series.first)
        #expect(series.patches.map(\.change) == [.unchanged, .unchanged, .changed])
        #expect(series.patches.map(\.previousMessageID) == ["a2", "a1", "a3"])
        #expect(series.dropped == [DroppedPatch(position: 4, messageID: "a4", subject: "[PATCH 4/4] delta")])
        #expect(series.versionSummary == "v2 (v1 2025-09-30): 2 unchanged, 1 changed, 1 dropped")
    }

    @Test func matcherFallsBackToPosition() {
        let new = [
            SeriesPatch(
                position: 2, messageID: "n2", subject: "", title: "renamed", patchID: "x", receivedAt: 0, isInSet: true,
                change: nil, previousMessageID: nil, trailers: [], replies: 0)
        ]
        let old = [
            VersionMatcher.OldPatch(position: 1, messageID: "o1", subject: "", title: "one", patchID: "a"),
            VersionMatcher.OldPatch(position: 2, messageID: "o2", subject: "", title: "two", patchID: "b"),
        ]
        let result = VersionMatcher.match(new, to: old)
        #expect(result.matches.map(\.change) == [.changed])
        #expect(result.matches.map(\.previous?.messageID) == ["o2"])
        #expect(result.dropped.map(\.messageID) == ["o1"])
    }

    @Test func olderVersionInTheSameSetIsSupersededByTheNewest() throws {
        let v1 = F.series("a", total: 2, at: 0, title: "Feature")
        let v2 = F.series("b", total: 2, at: 1_000, version: 2, inReplyTo: "a0", title: "Feature")
        let v3 = F.series("c", total: 2, at: 2_000, version: 3, title: "Feature")
        let report = SeriesAnalyzer.analyze(v1 + v2 + v3)
        #expect(report.series.map(\.id) == ["a0", "b0", "c0"])
        #expect(
            report.series.map(\.supersededBy) == [
                SupersededBy(version: 3, seriesID: "c0"), SupersededBy(version: 3, seriesID: "c0"), nil,
            ])
        #expect(report.series.map(\.previous?.messageID) == [nil, "a0", "b0"])
        #expect(report.series.last?.patches.map(\.change) == [.unchanged, .unchanged])
    }

    @Test func partialRerollReplacesItsPatchInTheNextVersion() throws {
        var v5 = F.series("a", total: 3, at: -Self.day, version: 5, changeID: "cid")
        v5.append(
            F.patch(
                "a2.1", 2, of: 3, at: -Self.day + 500, version: 5, minor: 1, inReplyTo: "a2", title: "patch 2",
                patchID: "fixed-2"))
        let v6 = F.series("b", total: 3, version: 6, changeID: "cid", patchIDs: [2: "fixed-2"])
        let report = SeriesAnalyzer.analyze(v6, lookup: InMemorySeriesLookup(messages: v5))
        let series = try #require(report.series.first)
        #expect(series.patches.map(\.change) == [.unchanged, .unchanged, .unchanged])
        #expect(series.patches.map(\.previousMessageID) == ["a1", "a2.1", "a3"])
    }

    @Test func calendarDays() {
        #expect(CalendarDay.text(F.t0) == "2025-10-01")
        #expect(CalendarDay.text(F.t0 - 1) == "2025-09-30")
        #expect(CalendarDay.text(0) == "1970-01-01")
        #expect(CalendarDay.text(-1) == "1969-12-31")
        #expect(CalendarDay.text(951_782_400) == "2000-02-29")
        #expect(CalendarDay.text(4_107_542_400) == "2100-03-01")
    }
}
