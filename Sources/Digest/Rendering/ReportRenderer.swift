/// One output format of a ``Report``: text, Markdown, HTML, JSON or e-mail.
///
/// Every renderer reads only the report, so the formats cannot disagree on a count. The wording
/// they share is ``ReportWording``; the formats that print the report section by section conform
/// to ``ReportSectionRenderer`` instead of writing `render(_:)` themselves.
package protocol ReportRenderer: Sendable {
    /// The whole report in this format. Only a format that can fail to encode (JSON) throws.
    func render(_ report: Report) throws -> String
}
