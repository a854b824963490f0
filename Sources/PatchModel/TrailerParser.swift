import MailParser

/// Finds the trailers of a commit message, or of a review reply.
package enum TrailerParser {
    /// The trailers of a commit message: its trailer block.
    ///
    /// The block is the last paragraph, when it holds at least one trailer, plus each paragraph
    /// right before it whose non-blank lines are all trailers. Inside the block, lines that are no
    /// trailer (`[sean: reworded]`) are skipped; a line starting with white space continues the
    /// trailer before it.
    /// - Parameter message: the commit message proper (`CommitMessage.message`).
    package static func commitTrailers(in message: Substring) -> [Trailer] {
        var paragraphs: [[Substring]] = [[]]
        for line in TextLines(message) {
            if line.isBlank {
                if !(paragraphs[paragraphs.count - 1].isEmpty) { paragraphs.append([]) }
            } else {
                paragraphs[paragraphs.count - 1].append(line.text)
            }
        }
        if paragraphs.count > 1, paragraphs[paragraphs.count - 1].isEmpty { paragraphs.removeLast() }

        var blocks: [[Trailer]] = []
        for (offset, paragraph) in paragraphs.reversed().enumerated() {
            let isLast = offset == 0
            var trailers: [Trailer] = []
            var allTrailers = true
            for line in paragraph {
                if let first = line.utf8.first, first == ASCII.space || first == ASCII.tab, !trailers.isEmpty {
                    trailers[trailers.count - 1].continueValue(with: line)
                } else if let trailer = Trailer(line: line) {
                    trailers.append(trailer)
                } else {
                    allTrailers = false
                }
            }
            if isLast ? trailers.isEmpty : !allTrailers || trailers.isEmpty { break }
            blocks.append(trailers)
        }
        return blocks.reversed().flatMap { $0 }
    }

    /// The trailers a reply gives: every trailer line that is not quoted, anywhere in the body.
    ///
    /// A quoted line starts with `>` (after optional spaces); the scan stops at the signature `-- `.
    /// A review quotes the patch's `Signed-off-by:` lines and adds its own `Reviewed-by:` unquoted;
    /// only the latter count.
    package static func replyTrailers(in body: Substring) -> [Trailer] {
        var trailers: [Trailer] = []
        for line in TextLines(body) {
            let text = line.text
            if text.isSignatureSeparator { break }
            guard let first = text.utf8.first, ASCII.isLetter(first) else { continue }
            if let trailer = Trailer(line: text) { trailers.append(trailer) }
        }
        return trailers
    }
}

extension Trailer {
    /// Appends a continuation line to the value (and parses the person again).
    mutating func continueValue(with line: Substring) {
        value += " " + line.trimmingSpaces()
        if isPersonTrailer { person = Self.person(in: value) }
    }
}
