import Testing

@testable import Digest

/// The first two lines of the text report for each kind of selection.
@Suite struct SelectionLineTests {
    private func firstLines(_ configure: (inout Selection) -> Void) -> [Substring] {
        var report = ReportFixture.make()
        configure(&report.selection)
        return TextRenderer().render(report).split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
            .prefix(2).map { $0 }
    }

    @Test func fromAndToKeepTheClassicLines() {
        #expect(
            firstLines { _ in } == ["From 1234567 to 89abcde", "WIDGET mailing list update from 1234567 to 89abcde"])
    }

    @Test func aTimeWindowSaysItsDatesAndCommits() {
        let lines = firstLines { selection in
            selection.fromLabel = nil
            selection.since = 1_759_276_800
            selection.until = 1_759_881_600
            selection.firstLabel = "761b9fa"
            selection.lastLabel = "897e810"
        }
        #expect(
            lines == [
                "From 2025-10-01 00:00 UTC to 2025-10-08 00:00 UTC (commits 761b9fa to 897e810)",
                "WIDGET mailing list update from 2025-10-01 00:00 UTC to 2025-10-08 00:00 UTC",
            ])
    }

    @Test func anOpenEndedWindowWithRevisions() {
        let lines = firstLines { selection in
            selection.until = 1_759_881_600
            selection.revisions = "1234567..89abcde"
            selection.firstLabel = "761b9fa"
            selection.lastLabel = "761b9fa"
        }
        #expect(
            lines[0] == "From the first message to 2025-10-08 00:00 UTC within 1234567..89abcde (commit 761b9fa)")
    }

    @Test func anEmptyWindowSaysNoMessages() {
        let lines = firstLines { selection in selection.since = 1_759_276_800 }
        #expect(lines[0] == "From 2025-10-01 00:00 UTC to the newest message (no messages)")
    }

    @Test func anMboxIsNamedWithItsCount() {
        let lines = firstLines { selection in
            selection.source = "results.mbox"
            selection.commitCount = 132
        }
        #expect(lines == ["From results.mbox (132 messages)", "WIDGET mailing list update from results.mbox"])
        let windowed = firstLines { selection in
            selection.source = "one.mbox"
            selection.commitCount = 1
            selection.since = 1_759_276_800
        }
        #expect(windowed[0] == "From one.mbox, 2025-10-01 00:00 UTC to the newest message (1 message)")
    }

    @Test func otherRenderersShareTheTitle() {
        var report = ReportFixture.make()
        report.selection.source = "results.mbox"
        #expect(MarkdownRenderer().render(report).hasPrefix("# WIDGET mailing list update from results.mbox"))
    }
}
