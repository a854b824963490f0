internal import MailParser

/// b4's change-id: the name b4 gives a series when it is first prepared, kept by every version of
/// it (`20230101-topic-abc123def456`). A series is linked to its earlier versions by it.
///
/// Where it is found, first match wins:
/// - the `X-Change-ID:` header, which b4 0.13 and later add to every mail it sends;
/// - a line `change-id: VALUE` of the body, which b4 writes below the `---` of a cover letter
///   (after the diffstat, with `base-commit:`) or of a single patch (after the diff). The label is
///   matched without regard to case, at the start of the line (so never in a quoted `>` line);
///   the value is its first word. Gerrit's `Change-Id: I<40 hex digits>` commit-message trailer is
///   not b4's and is skipped.
package enum ChangeID {
    /// The change-id of a mail, from its `X-Change-ID` header values (raw) or its decoded body.
    package static func find(headerValues: [ArraySlice<UInt8>], body: some StringProtocol) -> String? {
        for value in headerValues {
            if let word = firstWord(value[...]), !isGerrit(word) { return String(decoding: word, as: UTF8.self) }
        }
        let utf8 = body.utf8
        if let found = utf8.withContiguousStorageIfAvailable({ inBody($0) }) { return found }
        return Array(utf8).withUnsafeBufferPointer { inBody($0) }
    }

    /// The value of the first `change-id:` line of `bytes` that is not Gerrit's.
    /// - Complexity: O(*n*); only lines starting with `c` or `C` are looked at twice.
    package static func inBody(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var lineStart = 0
        let count = bytes.count
        while lineStart < count {
            let lineEnd = LineFeedSearch.next(in: bytes, from: lineStart)
            if lineEnd - lineStart > label.count, ASCII.lowercased(bytes[lineStart]) == 0x63 {
                let line = bytes[lineStart..<lineEnd]
                if zip(line.prefix(label.count), label).allSatisfy({ ASCII.lowercased($0) == $1 }),
                    let word = firstWord(line.dropFirst(label.count)), !isGerrit(word)
                {
                    return String(decoding: word, as: UTF8.self)
                }
            }
            lineStart = lineEnd + 1
        }
        return nil
    }

    private static let label = Array("change-id:".utf8)

    /// The first run of bytes other than white space; nil when there is none.
    private static func firstWord<C: Collection<UInt8>>(_ bytes: C) -> C.SubSequence? {
        guard let start = bytes.firstIndex(where: { !ASCII.isWhitespace($0) }) else { return nil }
        let end = bytes[start...].firstIndex(where: ASCII.isWhitespace) ?? bytes.endIndex
        return bytes[start..<end]
    }

    /// `I` and 40 hex digits: a Gerrit Change-Id.
    private static func isGerrit<C: Collection<UInt8>>(_ word: C) -> Bool {
        guard word.count == 41, word.first == 0x49 else { return false }
        return word.dropFirst().allSatisfy {
            ASCII.isDigit($0) || (0x61...0x66).contains($0) || (0x41...0x46).contains($0)
        }
    }
}
