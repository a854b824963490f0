/// The HTML report's three drawings, from ``ReportCharts``: patch mails by company (horizontal
/// bars), patch mails per day (columns) and series by state (two stacked bars). Each is an inline
/// `<svg role="img">` with a `<title>` and a `<desc>` saying the figures in words; its classes take
/// their colours from the page (light, dark, print). All are 480 units wide and scale with the
/// page, so text stays readable at 400 px.
enum SVGCharts {
    static let width = 480

    /// One bar per company, the "others" bar in a quieter colour; the value after each bar.
    static func companies(_ charts: ReportCharts, id: String) -> String {
        let bars = charts.companies
        let rowHeight = 26.0
        let labelWidth = 150.0
        let barStart = labelWidth + 8
        let barSpace = Double(width) - barStart - 44
        let largest = Double(max(1, bars.map(\.value).max() ?? 1))
        var svg = SVGWriter()
        for (index, bar) in bars.enumerated() {
            let top = Double(index) * rowHeight + 4
            let isOthers = charts.hasOthers && index == bars.count - 1
            svg.label(SVGWriter.shortened(bar.label, limit: 20), x: labelWidth, y: top + 17, anchor: .end)
            let length = max(2, barSpace * Double(bar.value) / largest)
            svg.rect(
                x: barStart, y: top + 3, width: length, height: rowHeight - 8,
                cssClass: isOthers ? "c-others" : "c-bar", tooltip: "\(bar.label): \(bar.value)")
            svg.label("\(bar.value)", x: barStart + length + 5, y: top + 17, cssClass: "value")
        }
        if bars.isEmpty { svg.label("no patch mails", x: 8, y: 20) }
        let height = max(30, Int(Double(bars.count) * rowHeight) + 8)
        let description =
            bars.isEmpty
            ? "No patch mails in the range."
            : bars.map { "\($0.label) \($0.value)" }.joined(separator: ", ") + "."
        return svg.document(
            id: id, width: width, height: height, title: "Patch mails by company", description: description)
    }

    /// One column per day, zero days as a flat mark on the axis; grid lines at a round step and
    /// day labels every so many days (every day for a week, weekly for a month or two).
    static func days(_ charts: ReportCharts, id: String) -> String {
        let days = charts.days
        let (left, right, top, bottom) = (34.0, 6.0, 10.0, 26.0)
        let height = 200.0
        let plotWidth = Double(width) - left - right
        let plotHeight = height - top - bottom
        let largest = max(1, days.map(\.value).max() ?? 0)
        let step = gridStep(for: largest)
        let ceiling = Double((largest + step - 1) / step * step)
        var svg = SVGWriter()
        var mark = 0
        while mark <= Int(ceiling) {
            let y = top + plotHeight - plotHeight * Double(mark) / ceiling
            svg.line(x1: left, y1: y, x2: Double(width) - right, y2: y, cssClass: mark == 0 ? "c-axis" : "c-grid")
            svg.label("\(mark)", x: left - 5, y: y + 4, anchor: .end, cssClass: "tick")
            mark += step
        }
        let column = days.isEmpty ? plotWidth : plotWidth / Double(days.count)
        let labelEvery = dayLabelStep(for: days.count)
        for (index, day) in days.enumerated() {
            let x = left + column * Double(index)
            let barHeight = plotHeight * Double(day.value) / ceiling
            svg.rect(
                x: x + column * 0.15, y: top + plotHeight - max(barHeight, 1), width: column * 0.7,
                height: max(barHeight, 1), cssClass: day.value == 0 ? "c-zero" : "c-bar",
                tooltip: "\(day.label): \(day.value)")
            if index % labelEvery == 0 {
                svg.label(shortDay(day.label), x: x + column / 2, y: height - 8, anchor: .middle, cssClass: "tick")
            }
        }
        if days.isEmpty { svg.label("no days", x: left + 8, y: top + 20) }
        let total = days.map(\.value).reduce(0, +)
        let busiest = days.max { $0.value < $1.value }
        var description = "\(total) patch mails over \(days.count) days"
        if let first = days.first, let last = days.last { description += ", \(first.label) to \(last.label)" }
        if let busiest, busiest.value > 0 { description += "; most on \(busiest.label) (\(busiest.value))" }
        description += "; \(days.filter { $0.value == 0 }.count) days without any."
        return svg.document(
            id: id, width: width, height: Int(height), title: "Patch mails per day", description: description)
    }

    /// Two stacked bars, each summing to the number of series: by completeness and by progress,
    /// each with a legend naming every part and its count (the colours never carry a figure alone).
    static func series(_ charts: ReportCharts, id: String) -> String {
        let groups = [
            (name: "Completeness", bars: charts.completeness), (name: "Progress", bars: charts.progress),
        ]
        let total = charts.seriesCount
        let groupHeight = 82.0
        var svg = SVGWriter()
        for (index, group) in groups.enumerated() {
            let top = Double(index) * groupHeight
            svg.label(group.name, x: 0, y: top + 15, cssClass: "heading")
            var x = 0.0
            let barWidth = Double(width)
            if total == 0 {
                svg.rect(x: 0, y: top + 22, width: barWidth, height: 24, cssClass: "c-zero")
                svg.label("no series", x: 8, y: top + 39)
            }
            for bar in group.bars where total > 0 && bar.value > 0 {
                let length = barWidth * Double(bar.value) / Double(total)
                svg.rect(
                    x: x, y: top + 22, width: length, height: 24, cssClass: "s-\(bar.label)",
                    tooltip: "\(bar.label): \(bar.value)")
                x += length
            }
            for (slot, bar) in group.bars.enumerated() {
                let legendX = Double(slot) * 120
                svg.rect(x: legendX, y: top + 55, width: 12, height: 12, cssClass: "s-\(bar.label)")
                svg.label("\(bar.label) \(bar.value)", x: legendX + 17, y: top + 66, cssClass: "legend")
            }
        }
        let description =
            "\(total) series. "
            + groups.map { group in
                group.name + ": " + group.bars.map { "\($0.label) \($0.value)" }.joined(separator: ", ")
            }.joined(separator: ". ") + "."
        return svg.document(
            id: id, width: width, height: Int(groupHeight * 2) - 8, title: "Series by state",
            description: description)
    }

    /// The grid step: 1, 2 or 5 times a power of ten, giving at most five lines above zero.
    static func gridStep(for largest: Int) -> Int {
        var magnitude = 1
        while true {
            for factor in [1, 2, 5] where largest <= factor * magnitude * 5 { return factor * magnitude }
            magnitude *= 10
        }
    }

    /// Every day for up to ten days, then every 2, 7, 14, 28… days: at most about eight labels.
    static func dayLabelStep(for count: Int) -> Int {
        if count <= 10 { return 1 }
        for step in [2, 7, 14, 28, 56, 91, 182] where count <= step * 8 { return step }
        return 365
    }

    /// `2025-10-06` as `Oct 6`.
    static func shortDay(_ day: String) -> String {
        let parts = day.split(separator: "-")
        guard parts.count == 3, let month = Int(parts[1]), (1...12).contains(month), let dayNumber = Int(parts[2])
        else { return day }
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(names[month - 1]) \(dayNumber)"
    }
}
