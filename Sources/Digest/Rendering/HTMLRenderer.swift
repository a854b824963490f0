/// The report as one self-contained HTML page: the same sections as the text report, with the
/// series of the patch list nested under their cover letters. Every string from mail is escaped
/// (and stripped of control characters); the page loads nothing from elsewhere.
package struct HTMLRenderer: Sendable {
    package init() {}

    package func render(_ report: Report) -> String {
        let title = "\(report.listName) mailing list update from \(TextRenderer.rangeDescription(report.selection))"
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Self.safe(title))</title>
            <style>
            body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.4; }
            table { border-collapse: collapse; margin-bottom: 1.5rem; }
            th, td { padding: 0.2rem 0.8rem; border-bottom: 1px solid #ddd; text-align: left; }
            td.count { text-align: right; font-variant-numeric: tabular-nums; }
            ul.patches li.series { list-style: none; margin-left: 1.5rem; }
            article { border-top: 1px solid #ccc; padding-top: 0.5rem; margin-top: 1rem; }
            pre { background: #f6f6f6; padding: 0.6rem; overflow-x: auto; white-space: pre-wrap; }
            .subject { font-family: monospace; color: #444; }
            footer { margin-top: 2rem; color: #555; }
            </style>
            </head>
            <body>
            <h1>\(Self.safe(title))</h1>

            """
        out += "<h2>Top \(report.top) contributor email domains (based on email body)</h2>\n"
        out += "<table class=\"domains\">\n<tr><th>Patches</th><th>Domain</th></tr>\n"
        for row in report.domains {
            out += "<tr><td class=\"count\">\(row.count)</td><td>\(Self.safe(row.domain))</td></tr>\n"
        }
        out += "</table>\n<h2>Top \(report.top) contributors (based on email body)</h2>\n"
        out += "<table class=\"contributors\">\n<tr><th>Patches</th><th>Name</th><th>Email</th></tr>\n"
        for row in report.contributors {
            out += "<tr><td class=\"count\">\(row.count)</td><td>\(Self.safe(row.name))</td>"
            out += "<td>\(Self.safe(row.email))</td></tr>\n"
        }
        out += "</table>\n<h2>Patch list in this time period</h2>\n<ul class=\"patches\">\n"
        for line in report.patchList {
            let cssClass = line.isInSeries ? " class=\"series\"" : ""
            out += "<li\(cssClass)>\(Self.safe(line.subject))</li>\n"
        }
        out += "</ul>\n<h2>Patch commit messages</h2>\n"
        for entry in report.entries {
            out += "<article>\n<h3>New: \(Self.safe(entry.title))</h3>\n"
            out += "<p class=\"subject\">\(Self.safe(entry.subject))</p>\n"
            out += "<p>Author: \(Self.safe(entry.authorName)) &lt;\(Self.safe(entry.authorEmail))&gt;</p>\n"
            out += "<pre>\(Self.safe(entry.text))</pre>\n</article>\n"
        }
        if let history = report.history { out += Self.historySection(history) }
        out += "<footer>\(Self.safe(TextRenderer.accountingLine(report.accounting)))</footer>\n"
        out += "</body>\n</html>\n"
        return out
    }

    private static func historySection(_ history: HistorySection) -> String {
        var out = "<section class=\"history\">\n<h2>History (from the index)</h2>\n"
        out += "<h3>First patches on this list</h3>\n<ul class=\"first-patches\">\n"
        if history.firstPatches.isEmpty { out += "<li>(none)</li>\n" }
        for first in history.firstPatches {
            out += "<li>\(safe(first.name)) &lt;\(safe(first.email))&gt; (first patch mail: \(safe(first.date)))</li>\n"
        }
        out += "</ul>\n<h3>Revised series (earlier versions before this range)</h3>\n<ul class=\"revised-series\">\n"
        if history.revisedSeries.isEmpty { out += "<li>(none)</li>\n" }
        for series in history.revisedSeries {
            let versions = TextRenderer.earlierVersionsText(series.earlierVersions)
            out += "<li><span class=\"subject\">\(safe(series.subject))</span> (\(safe(versions)))</li>\n"
        }
        return out + "</ul>\n</section>\n"
    }

    private static func safe(_ text: String) -> String {
        text.terminalSafe.htmlEscaped
    }
}
