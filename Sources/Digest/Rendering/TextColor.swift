/// `--color auto|always|never`, as git spells it.
package enum ColorChoice: String, Sendable, CaseIterable {
    case auto, always, never
}

/// Colour for the text report: ANSI SGR sequences around headings, counts and labels, and
/// nothing else, so that removing them gives back the uncoloured report byte for byte. Text from
/// mail is never coloured and still goes through ``Swift/String/terminalSafe``, so the only
/// escape sequences in a coloured report are these.
package struct TextColor: Sendable, Equatable {
    package var isEnabled: Bool

    package init(isEnabled: Bool) {
        self.isEnabled = isEnabled
    }

    package static let plain = TextColor(isEnabled: false)
    package static let ansi = TextColor(isEnabled: true)

    /// Whether to colour, as git and no-color.org decide: `always` and `never` are obeyed;
    /// `auto` colours only when standard output is a terminal, `NO_COLOR` is unset or empty, and
    /// `TERM` is set and is not `dumb` (git treats a missing `TERM` as dumb).
    /// - Parameters:
    ///   - isTerminal: whether the report goes to a terminal (`isatty(1)`, and no `--output`).
    ///   - environment: the process environment (injected, so the rule is testable).
    package static func decide(_ choice: ColorChoice, isTerminal: Bool, environment: [String: String])
        -> TextColor
    {
        switch choice {
        case .always: return .ansi
        case .never: return .plain
        case .auto:
            let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
            let term = environment["TERM"] ?? ""
            return TextColor(isEnabled: isTerminal && !noColor && !term.isEmpty && term != "dumb")
        }
    }

    /// A section heading or banner: bold blue.
    package func heading(_ text: String) -> String { wrap(text, "1;34") }
    /// A number in a table: bold.
    package func count(_ text: String) -> String { wrap(text, "1") }
    /// A label before a value (`New:`, `Author:`, a list's name): green.
    package func label(_ text: String) -> String { wrap(text, "32") }

    private func wrap(_ text: String, _ parameters: String) -> String {
        guard isEnabled, !text.isEmpty else { return text }
        return "\u{1B}[\(parameters)m" + text + Self.reset
    }

    static let reset = "\u{1B}[m"

    /// `text` without SGR sequences (`ESC [ digits and ; m`): what a report looks like uncoloured.
    package static func removingSGR(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.first {
            if scalar == "\u{1B}", scalars.dropFirst().first == "[" {
                let parameters = scalars.dropFirst(2).prefix { ("0"..."9").contains($0) || $0 == ";" }
                let end = scalars.index(scalars.startIndex, offsetBy: 2 + parameters.count)
                if end < scalars.endIndex, scalars[end] == "m" {
                    scalars = scalars[(end + 1)...]
                    continue
                }
            }
            output.append(scalar)
            scalars = scalars.dropFirst()
        }
        return String(output)
    }
}
