package import MailParser

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

    /// The trailers a reply gives, with b4's rules for follow-up trailers.
    ///
    /// - A trailer starts a line (`Reviewed-by: Jane Doe <jane@example.org>`); quoted lines (`>`)
    ///   and indented lines never start one, and the scan stops at the signature `-- `. A review
    ///   quotes the patch's `Signed-off-by:` lines and adds its own `Reviewed-by:` unquoted; only
    ///   the latter count.
    /// - A person trailer counts only with an address; its value may go on over the next lines
    ///   when they are indented or start with `<` (`Reviewed-by: A Long Name` then
    ///   `<long@example.org>`), and so may a `Fixes:` value until its parenthesis closes.
    /// - Names that echo mail headers or series metadata (`Cc`, `To`, `From`, `Author`,
    ///   `Change-Id`, `Base-commit`, `Message-ID`) are not taken from a reply.
    /// - With a `replier` (the reply's sender after DMARC repair), a person trailer that does not
    ///   name them (`isGiven(by:)`) is kept and flagged `isMismatched`.
    /// - Complexity: O(*n*) over the body.
    package static func replyTrailers(in body: Substring, replier: Mailbox? = nil) -> [Trailer] {
        var trailers: [Trailer] = []
        var open: Trailer?
        func close() {
            defer { open = nil }
            guard var trailer = open, !trailer.isPersonTrailer || trailer.person != nil else { return }
            if let replier, trailer.isPersonTrailer { trailer.isMismatched = !trailer.isGiven(by: replier) }
            trailers.append(trailer)
        }
        // Bytes first: most lines are prose, rejected by their first bytes without a Substring.
        body.withBodyLineBytes { lines in
            lines.visit { line in
                if lines.isSignatureSeparator(line) { return false }
                guard !line.text.isEmpty else {
                    close()
                    return true
                }
                let first = lines.bytes[line.text.lowerBound]
                if let trailer = open, trailer.acceptsContinuation(startingWith: first),
                    lines.skippingBlanks(line) < line.text.upperBound
                {
                    open?.continueValue(with: BodyLineBytes.substring(line.text, of: body))
                    return true
                }
                close()
                // b4 takes a trailer indented by white space too (`    Reviewed-by: …` under a
                // quoted patch's own trailers); a quoted line starts with `>` and is never one.
                let nameStart = lines.skippingBlanks(line)
                guard Trailer.mayStart(lines.bytes, from: nameStart, to: line.text.upperBound),
                    let trailer = Trailer(line: BodyLineBytes.substring(nameStart..<line.text.upperBound, of: body)),
                    !Self.namesNotTakenFromReplies.contains(trailer.key)
                else { return true }
                open = trailer
                return true
            }
        }
        close()
        return trailers
    }

    /// Lower-case trailer names a reply does not give (b4's "badtrailers").
    static let namesNotTakenFromReplies: Set<String> = [
        "cc", "to", "from", "author", "change-id", "base-commit", "message-id",
    ]
}

extension Trailer {
    /// Appends a continuation line to the value (and parses the person again).
    mutating func continueValue(with line: Substring) {
        value += " " + line.trimmingSpaces()
        if isPersonTrailer { person = Self.person(in: value) }
    }
}

extension Trailer {
    /// Whether a line starting with `first` goes on with this trailer's value in a reply: only
    /// while the value is unfinished (a person trailer without address, a `Fixes:` whose
    /// parenthesis is still open), so that prose after a complete trailer stays prose.
    func acceptsContinuation(startingWith first: UInt8) -> Bool {
        if isPersonTrailer {
            return person == nil && (first == ASCII.space || first == ASCII.tab || first == ASCII.lessThan)
        }
        guard key == "fixes", first == ASCII.space || first == ASCII.tab || ASCII.isLetter(first) else { return false }
        let opened = value.utf8.count(where: { $0 == ASCII.openParen })
        let closed = value.utf8.count(where: { $0 == ASCII.closeParen })
        return opened > closed
    }

    /// Whether `replier` is the person this trailer names, with b4's rules: the same address
    /// (ignoring case and a `+tag` in the local part, and a domain one label longer or shorter,
    /// as `intel.com` and `linux.intel.com`), else the same name ignoring case, else a From name
    /// written with commas (`Doe, Jane`) whose every part is in the trailer's name. A trailer
    /// without a person is given by anyone.
    package func isGiven(by replier: Mailbox) -> Bool {
        guard let person else { return true }
        if Self.sameAddress(person.address, replier.address) { return true }
        let trailerName = Self.comparableName(person.name)
        let replierName = Self.comparableName(replier.name.isEmpty ? replier.address : replier.name)
        guard !trailerName.isEmpty else { return false }
        if trailerName == replierName { return true }
        guard replierName.contains(",") else { return false }
        let parts = replierName.split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        return !parts.isEmpty && parts.allSatisfy { trailerName.contains($0) }
    }

    /// A name lower-cased, without parenthesised comments and with white space collapsed:
    /// `Russell King (Oracle)` reads as `russell king` whichever parser kept the comment.
    static func comparableName(_ name: String) -> String {
        var kept = ""
        var depth = 0
        for character in name.lowercased() {
            if character == "(" {
                depth += 1
            } else if character == ")", depth > 0 {
                depth -= 1
            } else if depth == 0, character != "\"" {
                kept.append(character)
            }
        }
        return kept.collapsingWhitespace()
    }

    /// b4's fuzzy address comparison (`LoreTrailer.email_eq`).
    static func sameAddress(_ one: String, _ other: String) -> Bool {
        let one = one.lowercased()
        let other = other.lowercased()
        if one == other { return true }
        guard let oneAt = one.lastIndex(of: "@"), let otherAt = other.lastIndex(of: "@") else { return false }
        func local(_ address: String, _ at: String.Index) -> Substring {
            let local = address[..<at]
            return local.firstIndex(of: "+").map { local[..<$0] } ?? local
        }
        guard local(one, oneAt) == local(other, otherAt) else { return false }
        let oneDomain = one[one.index(after: oneAt)...]
        let otherDomain = other[other.index(after: otherAt)...]
        if oneDomain == otherDomain { return true }
        let dots = oneDomain.count(where: { $0 == "." }) - otherDomain.count(where: { $0 == "." })
        return (dots == 1 && oneDomain.hasSuffix("." + otherDomain))
            || (dots == -1 && otherDomain.hasSuffix("." + oneDomain))
    }
}
