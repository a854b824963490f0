import Testing

@testable import PatchModel

/// The rules stay linear: a large synthetic set is analysed quickly, and deep chains do not recurse.
@Suite struct SeriesScaleTests {
    typealias F = ThreadFixture

    @Test func twentyThousandMessages() {
        var mails: [ThreadMessage] = []
        for index in 0..<1_000 {
            let prefix = "s\(index)-"
            let author = "dev\(index % 50)@example.org"
            mails += F.series(prefix, total: 10, at: Int64(index) * 7_200, from: author, title: "Series \(index)")
            for number in 0..<9 {
                mails.append(
                    F.reply(
                        "\(prefix)r\(number)", to: "\(prefix)\(number)", at: Int64(index) * 7_200 + 100,
                        trailers: [F.reviewed()]))
            }
        }
        let clock = ContinuousClock()
        var report: SeriesReport?
        let elapsed = clock.measure { report = SeriesAnalyzer.analyze(mails) }
        #expect(mails.count == 20_000)
        #expect(report?.series.count == 1_000)
        #expect(report?.series.allSatisfy { $0.isComplete && $0.responses.trailers.count == 9 } == true)
        #expect(report?.reviewers.first?.trailers == 9_000)
        #expect(elapsed < .seconds(10), "took \(elapsed)")
    }

    @Test func tenThousandPatchesChainedOneToTheNext() {
        let mails = (1...10_000).map { n in
            F.patch("c\(n)", n, of: 10_000, at: Int64(n), inReplyTo: n == 1 ? nil : "c\(n - 1)")
        }
        let report = SeriesAnalyzer.analyze(mails)
        #expect(report.series.count == 1)
        #expect(report.series.first?.completeness == "10000/10000")
    }
}
