internal import Foundation

/// The report as one JSON document: the same ``Report`` the text shows, with sorted keys so
/// that two runs diff cleanly. JSON escaping makes any mail content safe to embed.
package struct JSONRenderer: ReportRenderer {
    package init() {}

    package func render(_ report: Report) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: JSONInvisibles.escaped(try encoder.encode(report)), as: UTF8.self) + "\n"
    }
}
