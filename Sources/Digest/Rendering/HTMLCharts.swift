/// The "At a glance" section of the HTML report: the three charts of ``SVGCharts``, each in a
/// `<figure>` with a caption and, in a `<details>`, the table of its figures (the text alternative
/// a screen reader, a search or a copy and paste can use).
enum HTMLCharts {
    static func section(_ charts: ReportCharts) -> String {
        var out = "<section class=\"charts\">\n<h2>At a glance</h2>\n<div class=\"chart-grid\">\n"
        let companyCaption =
            charts.hasOthers
            ? "Patch mails by company (top \(charts.companies.count - 1) and others)" : "Patch mails by company"
        out += figure(
            id: "chart-companies", caption: companyCaption, svg: SVGCharts.companies(charts, id: "chart-companies"),
            columns: ["Company", "Patch mails"], rows: charts.companies)
        out += figure(
            id: "chart-days", caption: "Patch mails per day (UTC)", svg: SVGCharts.days(charts, id: "chart-days"),
            columns: ["Day", "Patch mails"], rows: charts.days)
        out += figure(
            id: "chart-series", caption: "Series by state (\(charts.seriesCount) series)",
            svg: SVGCharts.series(charts, id: "chart-series"), columns: ["State", "Series"],
            rows: charts.completeness + charts.progress)
        return out + "</div>\n</section>\n"
    }

    private static func figure(id: String, caption: String, svg: String, columns: [String], rows: [ChartBar]) -> String
    {
        var out = "<figure class=\"chart\" aria-labelledby=\"\(id)-caption\">\n"
        out += "<figcaption id=\"\(id)-caption\">\(SVGWriter.escape(caption))</figcaption>\n"
        out += svg
        out += "<details class=\"figures\"><summary>The figures</summary>\n<div class=\"table-wrap\"><table>\n"
        out += "<tr>" + columns.map { "<th>\(SVGWriter.escape($0))</th>" }.joined() + "</tr>\n"
        for row in rows {
            out += "<tr><td>\(SVGWriter.escape(row.label))</td><td class=\"count\">\(row.value)</td></tr>\n"
        }
        return out + "</table></div>\n</details>\n</figure>\n"
    }
}
