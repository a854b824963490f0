import ArgumentParser
import Digest

/// `--format`: which renderer prints the report.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case text
    case markdown
    case html
    case json
    case email

    /// The e-mail headers, used by `email` only.
    struct EmailHeaders {
        var from: String
        var to: String?
    }

    func render(_ report: Report, email: EmailHeaders, color: TextColor = .plain) throws -> String {
        switch self {
        case .text: TextRenderer(color: color).render(report)
        case .markdown: MarkdownRenderer().render(report)
        case .html: HTMLRenderer().render(report)
        case .json: try JSONRenderer().render(report)
        case .email: EmailRenderer(from: email.from, to: email.to).render(report)
        }
    }
}
