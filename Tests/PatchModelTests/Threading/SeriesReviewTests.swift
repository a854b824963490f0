import Testing

@testable import PatchModel

@Suite struct SeriesReviewTests {
    typealias F = ThreadFixture
    static let carol = "carol@example.org"

    @Test func coverTrailersCountForEveryPatchOnce() throws {
        var mails = F.series("a", total: 3)
        mails += [
            F.reply("r0", to: "a0", at: 100, trailers: [F.reviewed()]),
            F.reply("r2", to: "a2", at: 200, from: Self.carol, trailers: [F.reviewed(Self.carol, type: .acked)]),
            F.reply("r2b", to: "a2", at: 300, trailers: [F.reviewed()]),
        ]
        let series = try #require(SeriesAnalyzer.analyze(mails).series.first)
        #expect(series.responses.trailers.map(\.position) == [0, 2, 2])
        #expect(series.patches[0].trailers.map(\.messageID) == ["r0"])
        #expect(
            series.patches[1].trailers.map(\.messageID) == ["r2", "r2b"],
            "Bob's review on the cover is not counted twice")
        #expect(series.patches[2].trailers.map(\.type) == [.reviewed])
        #expect(series.responses.people(givingType: .reviewed).map(\.email) == [F.bob])
        #expect(series.responses.people(givingType: .acked).map(\.email) == [Self.carol])
        #expect(series.responses.replies == 3)
        #expect(series.responses.repliesByPosition == [0: 1, 2: 2])
        #expect(series.patches.map(\.replies) == [0, 2, 0])
        #expect(series.responses.repliers.map(\.email) == [F.bob, Self.carol])
    }

    @Test func reviewerIsShownWithTheNameUsedMost() throws {
        var mails = F.series("a", total: 2)
        var first = F.reply("r1", to: "a1", at: 10)
        first.authorName = "Doe Bob"
        mails.append(first)
        mails.append(F.reply("r2", to: "a2", at: 11))
        mails.append(F.reply("r3", to: "a0", at: 12))
        let reviewer = try #require(SeriesAnalyzer.analyze(mails).reviewers.first)
        #expect(reviewer.replies == 3)
        #expect(reviewer.name == F.name(of: F.bob))
    }

    @Test func sameTrailerTwiceOnOnePatchCountsOnce() throws {
        var mails = F.series("a", total: 1)
        mails += [
            F.reply("r1", to: "a1", at: 100, trailers: [F.reviewed()]),
            F.reply("r2", to: "r1", at: 200, trailers: [F.reviewed()]),
        ]
        let report = SeriesAnalyzer.analyze(mails)
        #expect(report.series.first?.responses.trailers.count == 1)
        #expect(report.reviewers == [Reviewer(name: "Bob", email: F.bob, trailers: 1, replies: 2)])
    }

    @Test func nestedReplyIsAttachedToTheNearestPatch() throws {
        var mails = F.series("a", total: 3)
        mails += [
            F.reply("r1", to: "a3", at: 100),
            F.reply("r2", to: "r1", at: 200, from: F.alice),
            F.reply(
                "r3", to: "gone", at: 300, from: Self.carol, references: ["a0", "a3", "r1", "r2", "gone"],
                trailers: [F.reviewed(Self.carol, type: .tested)]),
        ]
        let series = try #require(SeriesAnalyzer.analyze(mails).series.first)
        #expect(series.patches[2].replies == 3)
        #expect(series.patches[2].trailers.map(\.email) == [Self.carol])
        #expect(series.responses.repliers.map(\.email) == [F.bob, Self.carol], "the author's own reply is no review")
    }

    @Test func mismatchedTrailerIsKeptAndFlagged() throws {
        var mails = F.series("a", total: 1)
        mails.append(F.reply("r", to: "a1", at: 10, trailers: [F.reviewed(Self.carol, mismatch: true)]))
        let trailer = try #require(SeriesAnalyzer.analyze(mails).series.first?.responses.trailers.first)
        #expect(trailer.mismatch)
        #expect(trailer.email == Self.carol && trailer.messageID == "r" && trailer.position == 1)
    }

    @Test func otherTrailersAreKeptButNoReview() throws {
        var mails = F.series("a", total: 1)
        mails.append(F.reply("r", to: "a1", at: 10, trailers: [F.reviewed(Self.carol, type: .other)]))
        let report = SeriesAnalyzer.analyze(mails)
        #expect(report.series.first?.responses.trailers.map(\.type) == [.other])
        #expect(report.reviewers == [Reviewer(name: "Bob", email: F.bob, trailers: 0, replies: 1)])
    }

    @Test func botReplyIsABotReportNotAReview() throws {
        var mails = F.series("a", total: 2)
        mails.append(
            F.reply(
                "bot", to: "a2", at: 100, from: "lkp@intel.com", trailers: [F.reviewed("lkp@intel.com", type: .other)],
                bot: "kernel test robot"))
        let report = SeriesAnalyzer.analyze(mails)
        let series = try #require(report.series.first)
        #expect(
            series.responses.botReports == [
                BotReport(bot: "kernel test robot", messageID: "bot", position: 2, receivedAt: F.t0 + 100)
            ])
        #expect(series.responses.replies == 0 && series.responses.trailers.isEmpty)
        #expect(report.reviewers.isEmpty)
        #expect(report.waiting == ["a0"], "a robot's report does not end the wait")
    }

    @Test func waitingSeries() {
        let answered = F.series("a", total: 1) + [F.reply("ra", to: "a1", at: 10)]
        let onlyAuthor =
            F.series("b", total: 1, at: 100, title: "B") + [F.reply("rb", to: "b0", at: 110, from: F.alice)]
        let silent = F.series("c", total: 1, at: 200, title: "C")
        let report = SeriesAnalyzer.analyze(answered + onlyAuthor + silent)
        #expect(report.waiting == ["b0", "c0"])
    }

    @Test func b4ThankYouListingPatches() throws {
        var mails = F.series("a", total: 3)
        let notice = SeriesAppliedNotice(
            branch: "kvm-x86 selftests",
            patches: [AppliedPatch(position: 1, commit: "1111"), AppliedPatch(position: 3, commit: "3333")])
        mails.append(F.reply("ty", to: "a0", at: 500, from: Self.carol, applied: notice))
        let applied = try #require(SeriesAnalyzer.analyze(mails).series.first?.responses.applied)
        #expect(
            applied
                == SeriesApplication(
                    branch: "kvm-x86 selftests", commits: ["1111", "3333"], by: "Carol", messageID: "ty",
                    positions: [1, 3]))
    }

    @Test func plainAppliedToOnePatchOfASeries() throws {
        var mails = F.series("a", total: 3)
        mails.append(F.reply("ok", to: "a2", at: 500, from: Self.carol, applied: SeriesAppliedNotice()))
        let applied = try #require(SeriesAnalyzer.analyze(mails).series.first?.responses.applied)
        #expect(applied.positions == [2] && applied.branch == nil && applied.commits.isEmpty && applied.by == "Carol")
    }

    @Test func plainAppliedToASinglePatchIsTheWholeSeries() throws {
        let mails = [
            F.patch("p", nil, of: nil),
            F.reply("ok", to: "p", at: 5, from: Self.carol, applied: SeriesAppliedNotice(branch: "next")),
        ]
        let applied = try #require(SeriesAnalyzer.analyze(mails).series.first?.responses.applied)
        #expect(applied.positions.isEmpty && applied.branch == "next")
    }

    @Test func mergeNoticeFromABot() throws {
        var mails = F.series("a", total: 2)
        let notice = SeriesAppliedNotice(branch: "torvalds/linux.git", commits: ["abcdef"], by: "Linus Torvalds")
        mails.append(
            F.reply("pr", to: "a0", at: 500, from: "pr-tracker-bot@kernel.org", applied: notice, bot: "pr-tracker-bot"))
        let report = SeriesAnalyzer.analyze(mails)
        let series = try #require(report.series.first)
        #expect(
            series.responses.applied
                == SeriesApplication(
                    branch: "torvalds/linux.git", commits: ["abcdef"], by: "Linus Torvalds", messageID: "pr",
                    positions: []))
        #expect(series.responses.botReports.count == 1)
    }

    @Test func botNoticeFromTheAuthorsAddressStillCounts() throws {
        var mails = F.series("a", total: 1)
        mails.append(
            F.reply(
                "pw", to: "a0", at: 5, from: F.alice, applied: SeriesAppliedNotice(branch: "net-next"),
                bot: "patchwork-bot"))
        #expect(SeriesAnalyzer.analyze(mails).series.first?.responses.applied?.by == "patchwork-bot")
    }

    @Test func authorsOwnAppliedNoticeIsIgnored() {
        var mails = F.series("a", total: 1)
        mails.append(
            F.reply("self", to: "a0", at: 5, from: "ALICE@example.org", applied: SeriesAppliedNotice(branch: "mine")))
        #expect(SeriesAnalyzer.analyze(mails).series.first?.responses.applications.isEmpty == true)
    }

    @Test func replyToARerollCountsAtItsPosition() throws {
        var mails = F.series("a", total: 3, version: 5)
        mails.append(F.patch("a3.1", 3, of: 3, at: 100, version: 5, minor: 1, inReplyTo: "a3", title: "patch 3"))
        mails.append(F.reply("r", to: "a3.1", at: 200, trailers: [F.reviewed()]))
        let series = try #require(SeriesAnalyzer.analyze(mails).series.first)
        #expect(series.patches[2].trailers.map(\.messageID) == ["r"])
        #expect(series.patches[2].replies == 1)
    }

    @Test func activityOnAnEarlierSeries() throws {
        let old = F.series("o", total: 2, at: -7 * 86_400, title: "Old work")
        let mails = [
            F.reply("r1", to: "o1", at: 10, trailers: [F.reviewed()]),
            F.reply("r2", to: "r1", at: 20, from: F.alice),
            F.reply("ty", to: "o0", at: 30, from: Self.carol, applied: SeriesAppliedNotice(branch: "queue")),
            F.reply("unrelated", to: "nothing", at: 40),
        ]
        let report = SeriesAnalyzer.analyze(mails, lookup: InMemorySeriesLookup(messages: old))
        #expect(report.series.isEmpty && report.waiting.isEmpty)
        let activity = try #require(report.earlierActivity.first)
        #expect(report.earlierActivity.count == 1)
        #expect(activity.seriesID == "o0" && activity.title == "Old work")
        #expect(activity.author == SeriesPerson(name: "Alice", email: F.alice))
        #expect(activity.responses.replies == 3)
        #expect(activity.responses.trailers.map(\.position) == [1])
        #expect(activity.responses.applied?.branch == "queue")
        #expect(activity.responses.repliers.map(\.email) == [F.bob, Self.carol])
        #expect(report.reviewers.map(\.email) == [F.bob, Self.carol])
    }

    @Test func replyToTheEarlierPartOfAStraddlingSeriesCountsForIt() throws {
        let all = F.series("a", total: 3, at: -600)
        let inSet = all.filter { $0.messageID == "a3" } + [F.reply("r", to: "a1", at: 10, trailers: [F.reviewed()])]
        let report = SeriesAnalyzer.analyze(inSet, lookup: InMemorySeriesLookup(messages: all))
        #expect(report.earlierActivity.isEmpty)
        let series = try #require(report.series.first)
        #expect(series.patches[0].trailers.count == 1 && !series.patches[0].isInSet)
        #expect(report.waiting.isEmpty)
    }

    @Test func reviewersAreOrderedByTrailersThenReplies() {
        var mails = F.series("a", total: 2)
        mails += [
            F.reply("c1", to: "a1", at: 10, from: Self.carol),
            F.reply("c2", to: "a2", at: 11, from: Self.carol),
            F.reply("b1", to: "a1", at: 12, trailers: [F.reviewed()]),
            F.reply("d1", to: "a1", at: 13, from: "dave@example.org"),
        ]
        let report = SeriesAnalyzer.analyze(mails)
        #expect(report.reviewers.map(\.email) == [F.bob, Self.carol, "dave@example.org"])
    }
}
