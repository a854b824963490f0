internal import Digest
internal import Foundation

/// The two pages of one week: the HTML report (with a line of links back to the index) and the
/// Markdown report, as the report's own renderers print them.
enum WeekPage {
    static func html(_ report: Report, week: ISOWeek) -> String {
        let page = HTMLRenderer().render(report)
        let navigation =
            "<nav><a href=\"index.html\">All weeks</a> · <a href=\"\(week.label).md\">Markdown</a></nav>\n"
        // The renderer's own `<body>` comes before any text from mail (all of it escaped, so mail
        // cannot spell the tag), and it is the first one.
        guard let body = page.range(of: "<body>\n") else { return page }
        return page.replacingCharacters(in: body, with: "<body>\n" + navigation)
    }

    static func markdown(_ report: Report) -> String {
        MarkdownRenderer().render(report)
    }
}
