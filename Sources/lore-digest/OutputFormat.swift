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

    /// Whether `render(_:email:color:into:)` prints the report piece by piece, each "New:" entry's
    /// text read back from the report's temporary file as it is printed.
    var streamsEntryTexts: Bool { self == .text || self == .markdown || self == .html }

    /// The report handed to `write` piece by piece: text, Markdown and HTML a section (or one
    /// "New:" entry) at a time, so that the whole report is never held; JSON and e-mail whole.
    func render(
        _ report: Report, email: EmailRenderer?, color: TextColor = .plain, into write: (String) throws -> Void
    ) throws {
        switch self {
        case .text: try TextRenderer(color: color).render(report, into: write)
        case .markdown: try MarkdownRenderer().render(report, into: write)
        case .html: try HTMLRenderer().render(report, into: write)
        case .json, .email: try write(render(report, email: email, color: color))
        }
    }

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
