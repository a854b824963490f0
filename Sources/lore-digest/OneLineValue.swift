import ArgumentParser

/// Option values that end up in a header (`--list`, `--email-from`, `--email-to`) or in the
/// index and in messages (`--state`) must be one line: a line end in a header starts a new
/// header (`--list $'KVM\nBcc: x@evil'` would add a real Bcc), and one in a message breaks the
/// one-line error. Such values are refused; values quoted back to the user are escaped.
enum OneLineValue {
    /// Refuses `value` when it holds a line end (LF, CR, VT, FF, NEL, U+2028, U+2029) or any
    /// other control character.
    /// - Throws: `ValidationError` naming the option and showing the value escaped.
    static func check(_ value: String?, option: String) throws {
        guard let value, value.unicodeScalars.contains(where: isUnsafe) else { return }
        throw ValidationError(
            "\(option) '\(escaped(value))' contains a line end or control character; give it on one line")
    }

    /// `value` with every line end and control character written as an escape (`\n`, `\r`,
    /// `\t`, `\u{2028}`), so that quoting it cannot break a line or reach the terminal.
    static func escaped(_ value: String) -> String {
        var text = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where isUnsafe(scalar): text += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    /// C0 and C1 controls, DEL, and the line and paragraph separators.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }
}
