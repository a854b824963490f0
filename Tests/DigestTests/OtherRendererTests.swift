import Foundation
import InboxReader
import Testing

@testable import Digest

@Suite struct HTMLRendererTests {
    @Test func escapesEverythingFromMail() {
        let hostile = "[PATCH] <script>alert('x')</script> & \"quotes\""
        let html = HTMLRenderer().render(ReportFixture.make(subject: hostile, name: "<b>Bold</b>"))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>Bold"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"))
        #expect(html.contains("&lt;b&gt;Bold&lt;/b&gt;"))
    }

    @Test func isACompleteDocumentWithEverySection() {
        let html = HTMLRenderer().render(ReportFixture.make())
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<li class=\"series\">[PATCH 1/1] widget: part</li>"))
        #expect(html.contains("<td>Jörg Müller</td>"))
        #expect(html.contains("Accounting: 6 messages"))
        #expect(html.hasSuffix("</html>\n"))
    }
}

@Suite struct MarkdownRendererTests {
    @Test func escapesMarkupInMailText() {
        let markdown = MarkdownRenderer().render(
            ReportFixture.make(subject: "[PATCH] a|b *bold* <img src=x>", name: "[link](http://x)"))
        #expect(markdown.contains("| [link\\](http://x) |"))
        #expect(markdown.contains("- [PATCH] a|b \\*bold\\* \\<img src=x>"))
    }

    @Test func aCommitMessageCannotCloseItsFence() {
        var report = ReportFixture.make()
        report.entries[0].text = "before\n````\nafter"
        let markdown = MarkdownRenderer().render(report)
        #expect(markdown.contains("`````text\nbefore\n````\nafter\n`````\n"))
    }
}

@Suite struct JSONRendererTests {
    @Test func isValidJSONWithSnakeCaseKeys() throws {
        let json = try JSONRenderer().render(ReportFixture.make(subject: "[PATCH] bad \u{0} byte \u{1B}"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["list_name"] as? String == "WIDGET")
        let accounting = try #require(object["accounting"] as? [String: Any])
        #expect(accounting["patch_mails"] as? Int == 3)
    }
}

/// Issue 13, item 10: what JSONEncoder leaves raw and a terminal acts on is escaped; text and
/// HTML drop bidirectional formatting as they drop terminal escapes.
@Suite struct InvisibleCharacterTests {
    @Test func jsonEscapesC1ControlsBidiAndLineSeparators() throws {
        let value = "a\u{9B}31mb\u{9D}c\u{202E}d\u{2066}e\u{2028}f\u{061C}g é ü ✓"
        let encoded = try JSONEncoder().encode([value])
        let escaped = String(decoding: JSONInvisibles.escaped(encoded), as: UTF8.self)
        #expect(escaped == #"["a\u009b31mb\u009dc\u202ed\u2066e\u2028f\u061cg é ü ✓"]"#)
        // The value is unchanged for a JSON reader.
        let decoded = try JSONDecoder().decode([String].self, from: Data(escaped.utf8))
        #expect(decoded == [value])
    }

    @Test func jsonWithoutThemIsReturnedAsIs() {
        let plain = Data(#"{"subject":"KVM: x86: fix é"}"#.utf8)
        #expect(JSONInvisibles.escaped(plain) == plain)
    }

    @Test func textAndHTMLDropBidiOverridesAndIsolates() {
        let subject = "[PATCH] evil\u{202E}txt.exe\u{202C} \u{2067}x\u{2069} \u{200F}ok"
        #expect(subject.terminalSafe == "[PATCH] eviltxt.exe x ok")
    }
}
