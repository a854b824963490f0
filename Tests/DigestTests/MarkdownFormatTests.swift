import Foundation
import TestSupport
import Testing

@testable import Digest

/// Issue 12, item 2: Markdown that reads well raw and renders as meant.
@Suite struct MarkdownEscapingTests {
    @Test(arguments: [
        "google.com", "linux-arm-kernel", "[PATCH v2 1/3] KVM: x86: fix it", "snake_case_name", "a * b",
        "v1.2.3", "foo-bar.baz", "~/bin", "50% off", "R&D", "a > b",
    ])
    func plainTextIsLeftAlone(text: String) {
        #expect(MarkdownEscaping.inline(text) == text)
    }

    @Test(arguments: [
        ("# not a heading", "\\# not a heading"),
        ("> not a quote", "\\> not a quote"),
        ("- not a list", "\\- not a list"),
        ("+ not a list", "\\+ not a list"),
        ("1. not a list", "1\\. not a list"),
        ("*bold*", "\\*bold\\*"),
        ("_em_ and __init__", "\\_em\\_ and \\_\\_init\\_\\_"),
        ("<img src=x>", "\\<img src=x>"),
        ("[a](b)", "[a\\](b)"),
        ("[a]: http://x", "[a\\]: http://x"),
        ("`code`", "\\`code\\`"),
        ("end\\", "end\\\\"),
        ("&amp; &#35;", "\\&amp; \\&#35;"),
        ("~~gone~~", "\\~\\~gone\\~\\~"),
        ("[x] task", "\\[x] task"),
    ])
    func markupIsEscaped(text: String, expected: String) {
        #expect(MarkdownEscaping.inline(text) == expected)
    }

    @Test func aTableCellEscapesItsBar() {
        #expect(MarkdownEscaping.inline("a|b", inTable: true) == "a\\|b")
        #expect(MarkdownEscaping.inline("a|b") == "a|b")
    }

    @Test func aCodeSpanIsLongerThanItsBackticks() {
        #expect(MarkdownEscaping.codeSpan("a `b` c") == "``a `b` c``")
        #expect(MarkdownEscaping.codeSpan("`x") == "`` `x ``")
    }

    @Test func aLinkKeepsPairedBracketsAndEscapesUnpairedOnes() {
        #expect(MarkdownEscaping.link("[PATCH] x", "https://l/a@b/") == "[[PATCH] x](https://l/a@b/)")
        #expect(MarkdownEscaping.link("x]", "https://l/") == "[x\\]](https://l/)")
        #expect(MarkdownEscaping.link("x", "https://l/a(1)@b/") == "[x](https://l/a\\(1\\)@b/)")
        #expect(MarkdownEscaping.link("x", nil) == "x")
    }
}

/// The Markdown rendered by a real CommonMark/GFM renderer (markdown-it-py).
@Suite(.enabled(if: FormatReaders.markdownSkipReason == nil, Comment(rawValue: FormatReaders.markdownSkipReason ?? "")))
struct MarkdownRenderingTests {
    static let hostile = "[PATCH] | # * _ < [ ] \\ `x` <script>alert(1)</script> [a](javascript:x) &amp; end\\"

    @Test func hostileSubjectsRenderAsLiteralText() throws {
        var report = ReportFixture.make(subject: Self.hostile, name: "# _Evil_ | *Name* \\")
        report.link(MessageLinks(base: "https://lore.kernel.org/widget/"))
        let html = try FormatReaders.renderMarkdown(MarkdownRenderer().render(report))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<em>"))
        #expect(!html.contains("<strong>") || !html.contains("<strong>Evil"))
        #expect(!html.contains("href=\"javascript"))
        // The subject reads back whole, as text (markdown-it escapes `&`, `<`, `>`, `"` for HTML).
        let literal = Self.hostile.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        #expect(html.contains(literal))
        #expect(html.contains("<td># _Evil_ | *Name* \\</td>"))
        #expect(html.contains("<a href=\"https://lore.kernel.org/widget/1@example.com/\">"))
    }
}
