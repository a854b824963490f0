internal import MailParser

/// `feed.atom`: an Atom 1.0 feed (RFC 4287) with one entry per published week, newest first.
///
/// Links are relative to the feed (`2025-W41.html`), resolved against `xml:base` when the site's
/// URL is known, else against the feed's own URL, as RFC 4287 reads IRI references. Every string
/// from mail (the list name, series titles) goes through ``Swift/String/markupText``; the HTML in
/// `content type="html"` is escaped once as HTML and once more as XML.
struct AtomFeed {
    var siteTitle: String
    /// The site's own URL ending in `/`, when given (`--site-url`); nil: links stay relative.
    var siteURL: String?
    /// Newest first.
    var weeks: [WeekSummary]
    /// The feed's `updated` when it has no entry: the time of the run.
    var now: Int64

    /// What names the feed in its id: the site URL when given, else the list's name.
    var identity: String { siteURL ?? siteTitle }

    func render() -> String {
        let updated = weeks.map(\.newestCommitTime).max() ?? now
        var out = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"\(siteURL.map { " xml:base=\"\($0.markupText)\"" } ?? "")>
            <id>\(StableIdentifier.urn(for: "feed " + identity))</id>
            <title>\(siteTitle.markupText)</title>
            <updated>\(DateText.iso8601(updated))</updated>
            <author><name>lore-digest</name></author>
            <generator>lore-digest</generator>
            <link rel="alternate" type="text/html" href="index.html"/>
            <link rel="self" type="application/atom+xml" href="feed.atom"/>

            """
        for week in weeks { out += entry(week) }
        return out + "</feed>\n"
    }

    private func entry(_ week: WeekSummary) -> String {
        let label = week.week.label
        let title = "[\(week.listName)] mailing list update \(label) (\(week.week.days))"
        var html = "<p>\(week.figures.sentence.markupText)</p>"
        if !week.highlights.isEmpty {
            html += "<p>New series:</p><ul>"
            for highlight in week.highlights { html += "<li>\(highlight.markupText)</li>" }
            html += "</ul>"
        }
        html += "<p><a href=\"\(label).html\">The whole update</a> (<a href=\"\(label).md\">Markdown</a>)</p>"
        return """
            <entry>
            <id>\(StableIdentifier.urn(for: "week " + identity + " " + label))</id>
            <title>\(title.markupText)</title>
            <updated>\(DateText.iso8601(week.newestCommitTime))</updated>
            <link rel="alternate" type="text/html" href="\(label).html"/>
            <summary type="text">\(week.figures.sentence.markupText)</summary>
            <content type="html">\(html.markupText)</content>
            </entry>

            """
    }
}
