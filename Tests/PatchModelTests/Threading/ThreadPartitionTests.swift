import Testing

@testable import PatchModel

/// The series rules over parts of a set give what they give over the whole set, and the parts
/// keep together what the rules link.
@Suite struct ThreadPartitionTests {
    typealias F = ThreadFixture

    /// The part of each message, split as finely as the links allow.
    static func parts(_ messages: [ThreadMessage]) -> [Int32] {
        var partition = ThreadPartition()
        for message in messages { partition.add(message) }
        return partition.parts(maximumSize: 1).partOfMessage
    }

    /// The report over `messages` in parts of at most `size` messages (given in archive order).
    static func analyzeInParts(_ messages: [ThreadMessage], size: Int) -> SeriesReport {
        var partition = ThreadPartition()
        for message in messages { partition.add(message) }
        let (partOf, count) = partition.parts(maximumSize: size)
        var next = 0
        // The series as they are handed over, each part's as it is done, then in the report's order.
        var handedOver: [PatchSeries] = []
        var (report, order) = SeriesAnalyzer.analyze(
            ceiling: messages.map(\.receivedAt).max() ?? .min,
            nextPart: { () -> [ThreadMessage]? in
                guard next < count else { return nil }
                defer { next += 1 }
                return messages.indices.filter { partOf[$0] == Int32(next) }.map { messages[$0] }
            },
            handOver: { handedOver.append($0) })
        report.series = order.map { handedOver[$0] }
        return report
    }

    /// The report over `messages` from each part's findings, made apart in the reverse order
    /// of the parts and put together in theirs.
    static func findingsApart(_ messages: [ThreadMessage], size: Int) -> SeriesReport {
        var partition = ThreadPartition()
        for message in messages { partition.add(message) }
        let (partOf, count) = partition.parts(maximumSize: size)
        let ceiling = messages.map(\.receivedAt).max() ?? .min
        let found = (0..<count).reversed().map { part in
            SeriesAnalyzer.findings(
                ofPart: messages.indices.filter { partOf[$0] == Int32(part) }.map { messages[$0] }, ceiling: ceiling)
        }
        return SeriesAnalyzer.report(ofParts: Array(found.reversed()))
    }

    @Test func repliesAndReferencesKeepAThreadTogether() {
        let mails =
            F.series("a", total: 2) + [F.reply("r1", to: "a1", at: 10), F.reply("r2", to: "r1", at: 11)]
            + F.series("b", total: 1, at: 90_000, from: "carol@example.org", title: "other")
            // Names a thread's message only in References, the parent unknown.
            + [F.reply("r3", to: "gone", at: 90_100, references: ["a0", "gone"])]
        let part = Self.parts(mails)
        let (a, b) = (part[0], part[5])
        #expect(part[0..<5].allSatisfy { $0 == a })
        #expect(b != a && part[6] == b)
        #expect(part[7] == a)
    }

    @Test func oneSendersPatchMailsWithinTheUnthreadedWindowShareAPart() {
        let mails = [
            F.patch("u1", 1, of: 2, at: 0, title: "one"), F.patch("u2", 2, of: 2, at: 3_000, title: "two"),
            // Chained: within the window of the one before.
            F.patch("u3", 1, of: 1, at: 6_500, title: "three"),
            // Beyond the window of every earlier one.
            F.patch("u4", 1, of: 1, at: 20_000, title: "four"),
            // Another sender within the window.
            F.patch("u5", 1, of: 1, at: 20_100, from: F.bob, title: "five"),
        ]
        let part = Self.parts(mails)
        #expect(part[0] == part[1] && part[1] == part[2])
        #expect(Set([part[0], part[3], part[4]]).count == 3)
    }

    @Test func versionsByTitleAndSenderOrChangeIDShareAPart() {
        let mails = [
            F.patch("v1", nil, of: nil, at: 0, title: "KVM: fix"),
            F.patch("v2", nil, of: nil, at: 200_000, version: 2, title: "KVM: fix"),
            F.patch("w1", nil, of: nil, at: 400_000, title: "KVM: old name", changeID: "20250101-x"),
            F.patch("w2", nil, of: nil, at: 600_000, version: 2, title: "KVM: new name", changeID: "20250101-x"),
            F.patch("z1", nil, of: nil, at: 800_000, from: F.bob, title: "KVM: fix"),
        ]
        let part = Self.parts(mails)
        #expect(part[0] == part[1] && part[2] == part[3])
        #expect(Set([part[0], part[2], part[4]]).count == 3)
    }

    @Test func partsAreFilledUpToTheirSizeAndALargeGroupStaysWhole() {
        let mails = F.series("a", total: 4) + F.series("b", total: 1, at: 90_000, from: F.bob, title: "b")
        var partition = ThreadPartition()
        for mail in mails { partition.add(mail) }
        let (partOf, count) = partition.parts(maximumSize: 3)
        #expect(count == 2)
        #expect(partOf == [0, 0, 0, 0, 0, 1, 1])
    }

    /// Series, unthreaded series, versions (title and change-id), reviews whose reviewer spells
    /// their name two ways across parts, applied notices, robots: the same report in parts of
    /// any size as over the whole set.
    @Test func theReportInPartsIsTheReportOfTheWhole() {
        var mails: [ThreadMessage] = []
        let carol = "carol@example.org"
        // v1 and v2 by title, reviewed in both; "Bob Smith" and "Smith Bob" used once each, in
        // different threads: the first used wins the tie.
        mails += F.series("a", total: 3, at: 0, title: "KVM: arm64: thing")
        mails.append(
            ThreadMessage(
                messageID: "ra", inReplyTo: "a1", references: ["a0", "a1"], receivedAt: F.t0 + 100,
                authorEmail: F.bob, authorName: "Smith Bob", kind: .reply,
                trailers: [GivenTrailer(type: .reviewed, name: "Smith Bob", email: F.bob)]))
        mails += F.series("b", total: 3, at: 200_000, version: 2, title: "KVM: arm64: thing")
        mails.append(
            ThreadMessage(
                messageID: "rb", inReplyTo: "b2", references: ["b0", "b2"], receivedAt: F.t0 + 200_100,
                authorEmail: "BOB@example.org", authorName: "Bob Smith", kind: .reply,
                trailers: [GivenTrailer(type: .acked, name: "Bob Smith", email: F.bob)]))
        // An unthreaded series: three patches without threading, within the hour.
        for n in 1...3 {
            mails.append(F.patch("u\(n)", n, of: 3, at: 300_000 + Int64(n) * 600, from: carol, title: "u \(n)"))
        }
        mails.append(F.reply("ru", to: "u2", at: 300_900, from: F.bob, trailers: [F.reviewed()]))
        // Versions by change-id under different titles, the later superseding the earlier.
        mails += F.series("c", total: 1, at: 400_000, withCover: false, changeID: "20251001-c", title: "old")
        mails += F.series(
            "d", total: 1, at: 500_000, version: 2, withCover: false, changeID: "20251001-c", title: "new")
        mails.append(
            F.reply(
                "applied", to: "d1", at: 500_100, from: "maint@example.org",
                applied: SeriesAppliedNotice(branch: "next", patches: [AppliedPatch(position: 1, commit: "abc")])))
        mails.append(F.reply("robot", to: "c1", at: 400_100, from: "lkp@intel.com", bot: "kernel test robot"))
        // Replies from many people to series of their own, none answered: waiting series.
        for n in 0..<6 {
            mails += F.series("s\(n)", total: 1, at: 600_000 + Int64(n) * 10_000, from: "p\(n)@example.org")
        }
        let whole = SeriesAnalyzer.analyze(mails)
        #expect(whole.series.count == 11)
        #expect(whole.reviewers.first?.name == "Smith Bob")
        for size in [1, 2, 5, 1_000] {
            // Handed over part by part, and each part's findings made apart (as on other threads)
            // and put together: the same report either way.
            let apart = Self.findingsApart(mails, size: size)
            #expect(apart == Self.analyzeInParts(mails, size: size), "parts of \(size)")
            let inParts = Self.analyzeInParts(mails, size: size)
            #expect(inParts.series == whole.series, "parts of \(size)")
            #expect(inParts.reviewers == whole.reviewers, "parts of \(size)")
            #expect(inParts.waiting == whole.waiting && inParts.earlierActivity == whole.earlierActivity)
            #expect(
                inParts.reviewCredits.sorted { $0.receivedAt < $1.receivedAt }
                    == whole.reviewCredits.sorted { $0.receivedAt < $1.receivedAt })
        }
    }
}
