/// The lines of a large report's patch list, left in the entries' temporary file until printed
/// (``Report/patchListLines``): at a million messages the list is half a million lines, about
/// 140 MB as values, held through the series rules for nothing.
///
/// Each line is one text of the spool: the commit and the Message-ID, each as its UTF-8 length
/// in decimal, a space and the bytes (`-` for no Message-ID), then the subject. Lengths, not
/// separators: a subject may hold any character. Whether a line is in a series is known only
/// once the list is in order, so it stays in memory; so lines can be written as their mails are
/// read, in archive order, and put in the list's order after.
package struct SpooledPatchList: Sendable, Equatable {
    let spool: EntryTextSpool
    /// In the list's order.
    let spans: [EntryTextSpool.Span]
    /// In the list's order.
    let isInSeries: [Bool]
    /// The archive's web view, set by ``Report/link(_:)``: each line's `url` as it is read back.
    var links: MessageLinks?

    /// Appends `lines` to `spool`.
    init(_ lines: [PatchListLine], in spool: EntryTextSpool) {
        self.init(
            spool: spool, spans: lines.map { Self.append($0, to: spool) }, isInSeries: lines.map(\.isInSeries))
    }

    /// The lines written earlier at `spans` (by ``append(_:to:)``), in the list's order.
    init(spool: EntryTextSpool, spans: [EntryTextSpool.Span], isInSeries: [Bool]) {
        precondition(spans.count == isInSeries.count, "one flag a line")
        self.spool = spool
        self.spans = spans
        self.isInSeries = isInSeries
    }

    /// Writes `line` (but whether it is in a series) to `spool`.
    static func append(_ line: PatchListLine, to spool: EntryTextSpool) -> EntryTextSpool.Span {
        spool.append(text(of: line))
    }

    /// How many lines the list has.
    package var count: Int { spans.count }

    /// The line at `index`, with its link when the report has them.
    /// - Throws: ``SpoolReadFailure`` when the file cannot be read back or the line is damaged.
    package func line(at index: Int) throws(SpoolReadFailure) -> PatchListLine {
        guard var line = Self.line(from: try spool.text(at: spans[index])) else {
            throw SpoolReadFailure(reason: "a patch list line is damaged")
        }
        line.isInSeries = isInSeries[index]
        line.url = line.messageID.flatMap { links?.url(for: $0) }
        return line
    }

    /// The text of `line`, without whether it is in a series.
    static func text(of line: PatchListLine) -> String {
        let id = line.messageID.map { "\($0.utf8.count) \($0)" } ?? "-"
        return "\(line.commit.utf8.count) \(line.commit)\(id)\(line.subject)"
    }

    /// The line of `text`, not in a series; nil when the text is no such line.
    static func line(from text: String) -> PatchListLine? {
        var bytes = Substring(text).utf8[...]
        guard let commit = field(&bytes) else { return nil }
        var messageID: String?
        if bytes.first == UInt8(ascii: "-") {
            bytes.removeFirst()
        } else {
            guard let id = field(&bytes) else { return nil }
            messageID = id
        }
        return PatchListLine(subject: String(Substring(bytes)), commit: commit, isInSeries: false, messageID: messageID)
    }

    /// A length in decimal, a space and that many bytes, taken from the front of `bytes`.
    private static func field(_ bytes: inout Substring.UTF8View) -> String? {
        var length = 0
        while let byte = bytes.first, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), length < 1 << 40 {
            length = length * 10 + Int(byte - UInt8(ascii: "0"))
            bytes.removeFirst()
        }
        guard bytes.popFirst() == UInt8(ascii: " "), bytes.count >= length else { return nil }
        let end = bytes.index(bytes.startIndex, offsetBy: length)
        let value = String(Substring(bytes[..<end]))
        bytes = bytes[end...]
        return value
    }

    package static func == (lhs: SpooledPatchList, rhs: SpooledPatchList) -> Bool {
        lhs.spool === rhs.spool && lhs.spans == rhs.spans && lhs.isInSeries == rhs.isInSeries
            && lhs.links == rhs.links
    }
}
