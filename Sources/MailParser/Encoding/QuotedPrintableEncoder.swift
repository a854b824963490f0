/// Text as RFC 2045 quoted-printable, for a body whose lines are too long to send as they are;
/// the encoding side of ``TransferDecoding/quotedPrintable(_:)``.
///
/// - Lines are split on LF and joined with LF again (the messages lore-digest writes use LF line
///   endings; `sendmail -t` converts them). A CR is encoded like any other control byte.
/// - Printable ASCII but `=` is written as it is; so are space and tab, except at the end of a
///   line, where a transport may strip them. Every other byte is `=XX` (upper-case hex).
/// - A soft line break (`=` then LF) comes before any line would pass 76 characters, never in the
///   middle of an `=XX`.
///
/// - Complexity: O(*n*) in the UTF-8 length of the text.
package enum QuotedPrintableEncoder {
    /// Characters of encoded text per line, before the `=` of a soft line break.
    static let lineWidth = 75

    package static func encode(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        var isFirstLine = true
        for line in text.utf8.split(separator: ASCII.lf, omittingEmptySubsequences: false) {
            if !isFirstLine { out.append(ASCII.lf) }
            isFirstLine = false
            var width = 0
            var index = line.startIndex
            while index < line.endIndex {
                let byte = line[index]
                index = line.index(after: index)
                let isLast = index == line.endIndex
                let isLiteral =
                    (byte >= 0x21 && byte <= 0x7E && byte != ASCII.equals)
                    || (!isLast && ASCII.isBlank(byte))
                let pieceWidth = isLiteral ? 1 : 3
                if width + pieceWidth > lineWidth {
                    out += [ASCII.equals, ASCII.lf]
                    width = 0
                }
                if isLiteral {
                    out.append(byte)
                } else {
                    out += [ASCII.equals, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
                }
                width += pieceWidth
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}
