internal import Digest

extension String {
    /// This text for XML (and HTML) element content or a quoted attribute value: terminal
    /// controls and bidi formatting dropped (``Swift/String/terminalSafe``, which also removes
    /// every C0 control XML 1.0 forbids), the noncharacters U+FFFE/U+FFFF dropped (not XML
    /// characters either), then `& < > " '` escaped. Mail is untrusted: `]]>`, `<script>` and
    /// `&` come out as text.
    var markupText: String {
        var cleaned = terminalSafe
        if cleaned.unicodeScalars.contains(where: { $0.value == 0xFFFE || $0.value == 0xFFFF }) {
            cleaned = String(String.UnicodeScalarView(cleaned.unicodeScalars.filter { $0.value < 0xFFFE }))
        }
        return cleaned.htmlEscaped
    }
}
