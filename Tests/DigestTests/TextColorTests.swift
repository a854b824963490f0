import Testing

@testable import Digest

/// `--color`: when the text report is coloured, and that colour adds SGR sequences and nothing else.
@Suite struct TextColorTests {
    static let terminal = ["TERM": "xterm-256color"]

    @Test(arguments: [
        // (choice, stdout is a terminal, environment, coloured)
        (ColorChoice.auto, true, terminal, true),
        (.auto, false, terminal, false),  // a pipe or a file
        (.auto, true, ["TERM": "xterm", "NO_COLOR": "1"], false),
        (.auto, true, ["TERM": "xterm", "NO_COLOR": ""], true),  // no-color.org: empty means unset
        (.auto, true, ["TERM": "dumb"], false),
        (.auto, true, [:], false),  // no TERM: dumb, as git reads it
        (.always, false, ["TERM": "dumb", "NO_COLOR": "1"], true),
        (.never, true, terminal, false),
    ])
    func decisionFollowsGitAndNoColor(
        choice: ColorChoice, isTerminal: Bool, environment: [String: String], coloured: Bool
    ) {
        #expect(TextColor.decide(choice, isTerminal: isTerminal, environment: environment).isEnabled == coloured)
    }

    @Test func colourAddsSGRAroundHeadingsCountsAndLabelsOnly() {
        let report = ReportFixture.make()
        let plain = TextRenderer().render(report)
        let coloured = TextRenderer(color: .ansi).render(report)
        #expect(coloured != plain)
        #expect(TextColor.removingSGR(coloured) == plain)
        #expect(coloured.contains("\u{1B}[1;34mTop 15 contributor Email domains (Based on Email Body)\u{1B}[m\n"))
        #expect(coloured.contains("\u{1B}[1m      2\u{1B}[m example.com\n"))
        #expect(coloured.contains("\u{1B}[32mNew:\u{1B}[m  widget: fix the frobnicator\n"))
        #expect(coloured.contains("\u{1B}[32mAuthor:\u{1B}[m Jörg Müller"))
        #expect(coloured.contains("\u{1B}[1;34m===== Series =====\u{1B}[m\n"))
        // Mail text is not coloured: the subject line has no sequence of its own.
        #expect(coloured.contains("\n[PATCH] widget: fix the frobnicator\n"))
    }

    @Test func mailCannotSmuggleEscapesIntoAColouredReport() {
        let hostile = "[PATCH] evil\u{1B}]0;pwned\u{07} title\u{1B}[2J\u{1B}[31mred\u{9B}1m"
        let coloured = TextRenderer(color: .ansi).render(ReportFixture.make(subject: hostile, name: "Eve\u{1B}[8m"))
        let uncoloured = TextColor.removingSGR(coloured)
        // Every escape left was one of ours: without them, none remains.
        #expect(!uncoloured.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B })
        #expect(uncoloured == TextRenderer().render(ReportFixture.make(subject: hostile, name: "Eve\u{1B}[8m")))
    }

    @Test func removingSGRKeepsEverythingElse() {
        #expect(TextColor.removingSGR("a\u{1B}[1;34mb\u{1B}[mc\u{1B}[0m") == "abc")
        #expect(
            TextColor.removingSGR("no [1m escape, \u{1B}[2J kept, trailing \u{1B}[")
                == "no [1m escape, \u{1B}[2J kept, trailing \u{1B}[")
    }
}
