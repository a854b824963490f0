/// Splits an mbox file into its messages.
///
/// Reads **mboxrd** (what `lei q -o FILE` writes by default, and public-inbox's own
/// `/t.mbox.gz`): a message starts at a `From ` line at the start of the file or right after an
/// empty line; that line is dropped, and in the body every line `>From `, `>>From `, … loses one
/// `>`. An **mboxo** file is read the same way: its writers turned `From ` into `>From ` and
/// left `>From ` alone, so the two cannot be told apart; unescaping as mboxrd is right for
/// every mboxo line except a `>>From ` the author typed (which becomes `>From `). **mboxcl2**
/// (unescaped bodies with Content-Length) is not supported: a body line `From ` after an empty
/// line would split its message.
///
/// The empty line that writers put between messages is removed from the end of each message.
/// Line ends (LF or CRLF) are kept as they are.
///
/// - Complexity: O(*n*) in the size of the file.
package enum MboxSplitter {
    private static let from = Array("From ".utf8)

    /// Whether `bytes` look like an mbox: they start with `From `.
    package static func isMbox(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.starts(with: from)
    }

    /// The messages of `bytes`, in file order; bytes before the first `From ` line are ignored.
    package static func messages(in bytes: [UInt8]) -> [[UInt8]] {
        var messages: [[UInt8]] = []
        var current: [UInt8]?
        var previousLineWasEmpty = true
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            if end < bytes.count { end += 1 }  // include the LF
            let line = bytes[start..<end]
            if previousLineWasEmpty && line.starts(with: from) {
                if let finished = current { messages.append(dropSeparator(finished)) }
                current = []
            } else if current != nil {
                if isEscapedFrom(line) {
                    current?.append(contentsOf: line.dropFirst())
                } else {
                    current?.append(contentsOf: line)
                }
            }
            previousLineWasEmpty = isEmptyLine(line)
            start = end
        }
        if let finished = current { messages.append(dropSeparator(finished)) }
        return messages
    }

    /// `>From `, `>>From `, …
    static func isEscapedFrom(_ line: ArraySlice<UInt8>) -> Bool {
        var index = line.startIndex
        while index < line.endIndex && line[index] == UInt8(ascii: ">") { index += 1 }
        return index > line.startIndex && line[index...].starts(with: from)
    }

    private static func isEmptyLine(_ line: ArraySlice<UInt8>) -> Bool {
        line.elementsEqual([0x0A]) || line.elementsEqual([0x0D, 0x0A])
    }

    /// Removes the empty line a writer adds after each message (`…\n\n` → `…\n`).
    private static func dropSeparator(_ message: [UInt8]) -> [UInt8] {
        if message.count >= 2 && message.suffix(2).elementsEqual([0x0A, 0x0A]) { return Array(message.dropLast()) }
        if message.count >= 4 && message.suffix(4).elementsEqual([0x0D, 0x0A, 0x0D, 0x0A]) {
            return Array(message.dropLast(2))
        }
        return message
    }
}
