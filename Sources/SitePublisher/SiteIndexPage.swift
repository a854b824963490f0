/// `index.html`: the published weeks, newest first, each with its headline figures and new
/// series, linking to its HTML and Markdown pages; one self-contained page (inline CSS, no
/// script), light and dark, readable at phone width.
struct SiteIndexPage {
    var siteTitle: String
    /// Newest first.
    var weeks: [WeekSummary]

    func render() -> String {
        let title = siteTitle.markupText
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            <link rel="alternate" type="application/atom+xml" title="\(title)" href="feed.atom">
            <style>
            :root { color-scheme: light dark; --muted: #555; --rule: #ccc; --link: #0645ad; }
            @media (prefers-color-scheme: dark) { :root { --muted: #aaa; --rule: #444; --link: #8ab4f8; } }
            body { font-family: system-ui, sans-serif; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.4; }
            a { color: var(--link); }
            article { border-top: 1px solid var(--rule); padding: 0.4rem 0 0.8rem; }
            h2 { font-size: 1.15rem; margin: 0.4rem 0 0.2rem; }
            .days, .alternate { color: var(--muted); font-weight: normal; font-size: 0.9rem; }
            ul.figures { list-style: none; padding: 0; margin: 0.2rem 0; display: flex; flex-wrap: wrap; gap: 0.2rem 1.2rem; }
            ul.figures b { font-variant-numeric: tabular-nums; }
            ul.highlights { margin: 0.2rem 0; padding-left: 1.2rem; overflow-wrap: anywhere; }
            @media print { a { color: inherit; text-decoration: none; } }
            </style>
            </head>
            <body>
            <h1>\(title)</h1>
            <p>One update per ISO week (UTC, Monday to Sunday), newest first. <a href="feed.atom">Atom feed</a>.</p>

            """
        if weeks.isEmpty { out += "<p>No mail in the published window.</p>\n" }
        for week in weeks { out += article(week) }
        return out + "</body>\n</html>\n"
    }

    private func article(_ week: WeekSummary) -> String {
        let label = week.week.label
        let figures = week.figures
        var out = """
            <article id="\(label)">
            <h2><a href="\(label).html">\(label)</a> <span class="days">\(week.week.days)</span> \
            <a class="alternate" href="\(label).md">Markdown</a></h2>
            <ul class="figures">
            <li><b>\(figures.messages)</b> messages</li>
            <li><b>\(figures.patchMails)</b> patch mails</li>
            <li><b>\(figures.newSeries)</b> new series</li>
            <li><b>\(figures.reviews)</b> reviews</li>
            <li><b>\(figures.applied)</b> applied</li>
            </ul>

            """
        if !week.highlights.isEmpty {
            out += "<ul class=\"highlights\">\n"
            for highlight in week.highlights { out += "<li>\(highlight.markupText)</li>\n" }
            out += "</ul>\n"
        }
        return out + "</article>\n"
    }
}
