import Testing

@testable import Digest

@Suite struct TextRendererTests {
    @Test func rendersTheClassicLayoutExactly() {
        let text = TextRenderer().render(ReportFixture.make())
        let expected = """
            From 1234567 to 89abcde
            WIDGET mailing list update from 1234567 to 89abcde

            Top 15 contributor Email domains (Based on Email Body)

                  2 example.com
                  1 example.org

            Top 15 companies (patch mails)

                  2 Example Corp (1 author)
                  1 example.org (1 author)

            Top 15 contributors (Based on Email Body)

                  2  Jörg Müller <jm@example.com>
                  1  Ann Lee <ann@example.org>

            ===== Patch list in this time period =====

            [PATCH 0/1] widget: series
            [PATCH 1/1] widget: part
            [PATCH] widget: fix the frobnicator

            ===== Patch Commit Messages ====

            New:  widget: fix the frobnicator
            [PATCH] widget: fix the frobnicator
            Author: Jörg Müller <jm@example.com>

            Fix it.

            Signed-off-by: J <jm@example.com>
            ---
             a.c | 1 +

            ----------------------------------------------------------------------

            ===== Series =====

            Series: this range only (no history index)

            (none)

            ===== Reviews =====

            Top reviewers (review trailers given, replies written):
              (none)
            Waiting for a first reply (from anyone but the author or a robot):
              (none)

            ===== Reviews by company =====

            Top 15 companies (review trailers given, replies written):
              (none)

            ===== Activity on earlier series =====

            (none)

            ===== Applied =====

            (none)

            ===== Pull requests =====

            (none)

            ===== Bots =====

            (none)

            Accounting: 6 messages (3 patch mails, 2 replies, 1 other, 0 unparseable), 1 deleted

            """
        #expect(text == expected)
    }

    @Test func aRangeFromTheFirstMessageSaysSo() {
        var report = ReportFixture.make()
        report.selection.fromLabel = nil
        let firstLine = TextRenderer().render(report).split(separator: "\n").first
        #expect(firstLine == "From the first message to 89abcde")
    }

    @Test func countsAreRightAlignedInSevenColumns() {
        var report = ReportFixture.make()
        report.domains = [DomainRow(domain: "big.example", count: 12345)]
        #expect(TextRenderer().render(report).contains("\n  12345 big.example\n"))
    }

    @Test func terminalEscapesInMailNeverReachTheOutput() {
        let hostile = "[PATCH] evil\u{1B}]0;pwned\u{07} title\u{1B}[2J\u{1B}[31mred\u{9B}1m"
        let text = TextRenderer().render(ReportFixture.make(subject: hostile, name: "Eve\u{1B}[8m"))
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
        #expect(text.contains("[PATCH] evil titlered"))
    }
}

@Suite struct TerminalSafeTests {
    @Test(arguments: [
        ("plain text", "plain text"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("csi \u{1B}[1;31mred\u{1B}[0m", "csi red"),
        ("osc \u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\", "osc link"),
        ("osc bel \u{1B}]2;title\u{07}after", "osc bel after"),
        ("two-byte \u{1B}c reset", "two-byte  reset"),
        ("dcs \u{1B}Pq#0;2\u{1B}\\end", "dcs end"),
        ("c1 \u{9B}2Jcsi", "c1 csi"),
        ("bell\u{07} nul\u{00} del\u{7F} cr\r", "bell nul del cr"),
        ("trailing escape \u{1B}", "trailing escape "),
        ("unicode Müller 中文", "unicode Müller 中文"),
    ])
    func removesControlSequencesWhole(input: String, expected: String) {
        #expect(input.terminalSafe == expected)
    }
}
