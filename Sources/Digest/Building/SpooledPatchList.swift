/// The lines of a large report's patch list, left in the entries' temporary file until printed
/// (``Report/patchListLines``): at a million messages the list is half a million lines, about
/// 140 MB as values, held through the series rules for nothing.
///
/// Each line is one text of the spool: `0` or `1` (in a series), then the commit and the
/// Message-ID, each as its UTF-8 length in decimal, a space and the bytes (`-` for no
/// Message-ID), then the subject. Lengths, not separators: a subject may hold any character.
package struct SpooledPatchList: Sendable, Equatable {
    let spool: EntryTextSpool
    let spans: [EntryTextSpool.Span]
    /// The archive's web view, set by ``Report/link(_:)``: each line's `url` as it is read back.
    var links: MessageLinks?

    /// Appends `lines` to `spool`.
    init(_ lines: [PatchListLine], in spool: EntryTextSpool) {
        self.spool = spool
        spans = lines.map { spool.append(Self.text(of: $0)) }
    }

    /// How many lines the list has.
    package var count: Int { spans.count }

    /// The line at `index`, with its link when the report has them.
    /// - Throws: ``SpoolReadFailure`` when the file cannot be read back or the line is damaged.
    package func line(at index: Int) throws(SpoolReadFailure) -> PatchListLine {
        guard var line = Self.line(from: try spool.text(at: spans[index])) else {
            throw SpoolReadFailure(reason: "a patch list line is damaged")
        }
        line.url = line.messageID.flatMap { links?.url(for: $0) }
        return line
    }

    static func text(of line: PatchListLine) -> String {
        let id = line.messageID.map { "\($0.utf8.count) \($0)" } ?? "-"
        return "\(line.isInSeries ? 1 : 0)\(line.commit.utf8.count) \(line.commit)\(id)\(line.subject)"
    }

    static func line(from text: String) -> PatchListLine? {
        var bytes = Substring(text).utf8[...]
        guard let flag = bytes.popFirst(), flag == UInt8(ascii: "0") || flag == UInt8(ascii: "1"),
            let commit = field(&bytes)
        else { return nil }
        var messageID: String?
        if bytes.first == UInt8(ascii: "-") {
            bytes.removeFirst()
        } else {
            guard let id = field(&bytes) else { return nil }
            messageID = id
        }
        return PatchListLine(
            subject: String(Substring(bytes)), commit: commit, isInSeries: flag == UInt8(ascii: "1"),
            messageID: messageID)
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
        lhs.spool === rhs.spool && lhs.spans == rhs.spans && lhs.links == rhs.links
    }
}
