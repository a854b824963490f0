import ArgumentParser
import Digest

/// `--format`: which renderer prints the report.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case text
    case markdown
    case html
    case json
    case email

    /// Whether the format shows each message's web address (the classic text shows none).
    var showsLinks: Bool { self != .text }

    /// `email` needs its renderer (with the addresses); the other formats ignore it.
    func render(_ report: Report, email: EmailRenderer?, color: TextColor = .plain) throws -> String {
        switch self {
        case .text: return TextRenderer(color: color).render(report)
        case .markdown: return MarkdownRenderer().render(report)
        case .html: return HTMLRenderer().render(report)
        case .json: return try JSONRenderer().render(report)
        case .email:
            guard let email else { throw CommandFailure("--format email needs its addresses (internal error)") }
            return email.render(report)
        }
    }
}
