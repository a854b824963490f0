/// Builds the text of one inline SVG drawing, element by element. Every text and attribute value
/// goes through ``SVGWriter/escape(_:)`` (HTML and SVG share the escaping of inline SVG), so a
/// name from mail can close neither a text element nor an attribute.
struct SVGWriter {
    private(set) var text = ""

    /// A rectangle with a CSS class (colours come from the page's style sheet, so dark mode and
    /// print need no second drawing), and a tooltip `<title>` when `tooltip` is given.
    mutating func rect(x: Double, y: Double, width: Double, height: Double, cssClass: String, tooltip: String? = nil) {
        let geometry =
            "x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" "
            + "width=\"\(Self.number(max(0, width)))\" height=\"\(Self.number(max(0, height)))\""
        if let tooltip {
            text += "<rect \(geometry) class=\"\(cssClass)\"><title>\(Self.escape(tooltip))</title></rect>\n"
        } else {
            text += "<rect \(geometry) class=\"\(cssClass)\"/>\n"
        }
    }

    enum Anchor: String {
        case start, middle, end
    }

    /// A line of text at a baseline point.
    mutating func label(_ content: String, x: Double, y: Double, anchor: Anchor = .start, cssClass: String = "label") {
        text += "<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" text-anchor=\"\(anchor.rawValue)\" "
        text += "class=\"\(cssClass)\">\(Self.escape(content))</text>\n"
    }

    /// A straight line (axes and grid lines).
    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, cssClass: String) {
        text += "<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" "
        text += "y2=\"\(Self.number(y2))\" class=\"\(cssClass)\"/>\n"
    }

    /// The whole drawing: `role="img"`, labelled by its `<title>` and `<desc>` (ids `ID-title`,
    /// `ID-desc`), scaled to the width of its container by its view box.
    func document(id: String, width: Int, height: Int, title: String, description: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" "
            + "aria-labelledby=\"\(id)-title \(id)-desc\" class=\"chart\" id=\"\(id)\">\n"
            + "<title id=\"\(id)-title\">\(Self.escape(title))</title>\n"
            + "<desc id=\"\(id)-desc\">\(Self.escape(description))</desc>\n"
            + text + "</svg>\n"
    }

    /// Escaped for text content and quoted attributes, control characters and bidirectional
    /// overrides removed, like everything else the HTML report prints.
    static func escape(_ value: String) -> String {
        value.terminalSafe.htmlEscaped
    }

    /// `12`, `12.5`: one decimal at most, no exponent, the same text on every machine.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let whole = abs(tenths) / 10
        let fraction = abs(tenths) % 10
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    /// `text` cut to `limit` characters with an ellipsis (before escaping, so that no entity is
    /// cut in two); the whole text goes into a tooltip and the table.
    static func shortened(_ text: String, limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(max(1, limit - 1))) + "…"
    }
}
