import ArgumentParser
import Digest

/// `--format`: which renderer prints the report.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case text
    case json

    func render(_ report: Report) throws -> String {
        switch self {
        case .text: TextRenderer().render(report)
        case .json: try JSONRenderer().render(report)
        }
    }
}
