internal import MailParser

/// The parts of a patch mail's body after its in-body headers, found in one pass over its lines.
///
/// For a patch (report.md, "Which mails get a New: entry"):
/// ```
/// KVM: do the thing                    <- firstLine; message and entryText start here
///
/// Signed-off-by: A <a@example.org>     <- message ends after this line
/// ---                                  <- separator
///  virt/kvm/kvm_main.c | 2 +-          <- notes and diffstat: in entryText
///  1 file changed, 1 insertion(+), 1 deletion(-)
///
/// diff --git a/virt/kvm/kvm_main.c ... <- entryText ends before this line
/// ```
/// The diff starts at the first line beginning with `diff --git`, `diff -` (`diff -u`, `diff -Nru`,
/// `diff --cc`), `Index: ` or `--- a/`, or at a `--- name` line directly followed by a `+++ ` line.
/// A patch with no diff ends at its signature line `-- ` (exactly dash, dash, space), so that the
/// `-- \n2.43.0` that format-patch appends never shows. A cover letter ends only at the signature:
/// its range-diff or interdiff stays. Leading blank lines are dropped, trailing blank lines trimmed,
/// and CRLF reads as LF.
package struct CommitMessage: Sendable {
    /// The commit message proper: up to the `---` separator (or the diff or signature when there is
    /// none), trailing blank lines trimmed. Trailers are looked for here.
    package var message: Substring
    /// The "New:" body of the report, LF line breaks, trailing blank lines trimmed.
    package var entryText: String
    /// The first non-blank line, trailing white space trimmed; nil for an empty body.
    package var firstLine: String?
    /// The diffstat summary between the separator and the diff (for a cover letter: anywhere in it).
    package var diffstat: Diffstat?

    /// - Parameters:
    ///   - text: the body after the in-body headers (`InBodyHeaders.remainder`).
    ///   - isCoverLetter: cut at the signature only, not at a diff.
    /// - Complexity: O(*n*) in the length of the text up to the diff.
    package init(_ text: Substring, isCoverLetter: Bool) {
        var start: String.Index?
        var stop = text.endIndex
        var separator: TextLine?
        var pendingMinusStart: String.Index?
        var sawCarriageReturn = false
        var firstLine: Substring?

        for line in TextLines(text) {
            let body = line.text
            if start == nil {
                if line.isBlank { continue }
                start = line.start
                firstLine = body
            }
            if line.hadCarriageReturn { sawCarriageReturn = true }
            if body.isSignatureSeparator {
                stop = line.start
                break
            }
            if isCoverLetter { continue }
            if let minusStart = pendingMinusStart {
                if body.hasBytePrefix("+++ ") {
                    stop = minusStart
                    break
                }
                pendingMinusStart = nil
            }
            guard let first = body.utf8.first, first == ASCII.minus || first == 0x64 || first == 0x49 else { continue }
            if separator == nil, Self.isSeparator(body) {
                separator = line
            } else if body.hasBytePrefix("diff --git") || body.hasBytePrefix("diff -") || body.hasBytePrefix("Index: ")
                || body.hasBytePrefix("--- a/")
            {
                stop = line.start
                break
            } else if body.hasBytePrefix("--- ") {
                pendingMinusStart = line.start
            }
        }

        let begin = start ?? text.endIndex
        let messageEnd = separator?.start ?? stop
        message = Self.trimmingTrailingBlankLines(text[begin..<max(begin, messageEnd)])
        let entry = Self.trimmingTrailingBlankLines(text[begin..<max(begin, stop)])
        entryText = sawCarriageReturn ? Self.removingCarriageReturns(entry) : String(entry)
        self.firstLine = firstLine.map { String($0.trimmingSpaces()) }
        if let separator, separator.next <= stop {
            diffstat = Diffstat(section: text[separator.next..<stop])
        } else if isCoverLetter {
            diffstat = Diffstat(section: entry)
        } else {
            diffstat = nil
        }
    }

    /// `---` alone on its line, maybe followed by spaces.
    private static func isSeparator(_ line: Substring) -> Bool {
        guard line.hasBytePrefix("---") else { return false }
        return line.utf8.dropFirst(3).allSatisfy { $0 == ASCII.space || $0 == ASCII.tab }
    }

    /// `text` up to the end of its last line that has something other than white space.
    static func trimmingTrailingBlankLines(_ text: Substring) -> Substring {
        let utf8 = text.utf8
        guard let lastVisible = utf8.lastIndex(where: { !ASCII.isWhitespace($0) }) else {
            return text[text.startIndex..<text.startIndex]
        }
        let lineEnd =
            utf8[lastVisible...].firstIndex(where: { $0 == ASCII.lf || $0 == ASCII.cr })
            ?? text.endIndex
        return text[text.startIndex..<lineEnd]
    }

    private static func removingCarriageReturns(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previousWasCarriageReturn = false
        for byte in text.utf8 {
            if previousWasCarriageReturn && byte != ASCII.lf { bytes.append(ASCII.cr) }
            previousWasCarriageReturn = byte == ASCII.cr
            if !previousWasCarriageReturn { bytes.append(byte) }
        }
        if previousWasCarriageReturn { bytes.append(ASCII.cr) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
