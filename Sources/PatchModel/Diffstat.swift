internal import MailParser

/// The summary line of a diffstat: ` 3 files changed, 40 insertions(+), 12 deletions(-)`.
package struct Diffstat: Sendable, Hashable, Codable {
    package var filesChanged: Int
    package var insertions: Int
    package var deletions: Int

    package init(filesChanged: Int, insertions: Int, deletions: Int) {
        self.filesChanged = filesChanged
        self.insertions = insertions
        self.deletions = deletions
    }

    /// Parses one summary line; nil when the line is not one.
    ///
    /// Accepts the forms git writes: `N file(s) changed`, then optionally `, N insertion(s)(+)` and
    /// `, N deletion(s)(-)`, with any leading white space.
    package init?(summaryLine line: some StringProtocol) {
        var filesChanged: Int?
        var insertions = 0
        var deletions = 0
        for part in line.split(separator: ",") {
            let words = part.split(separator: " ", maxSplits: 1)
            guard words.count == 2, let count = Int(words[0]) else { return nil }
            let label = words[1]
            if label.hasPrefix("file") && label.hasSuffix("changed") {
                filesChanged = count
            } else if label.hasPrefix("insertion") {
                insertions = count
            } else if label.hasPrefix("deletion") {
                deletions = count
            } else {
                return nil
            }
        }
        guard let filesChanged else { return nil }
        self.init(filesChanged: filesChanged, insertions: insertions, deletions: deletions)
    }

    /// Finds the summary line in a `---` section (the lines between `---` and the diff).
    package init?(section: Substring) {
        for line in TextLines(section) {
            // Most lines do not start with a digit: skip them before trimming the whole line.
            let first = line.text.utf8.first { $0 != ASCII.space && $0 != ASCII.tab }
            guard let first, ASCII.isDigit(first) else { continue }
            let trimmed = line.text.trimmingSpaces()
            guard let first = trimmed.utf8.first, ASCII.isDigit(first), trimmed.contains(" changed") else { continue }
            if let found = Diffstat(summaryLine: trimmed) {
                self = found
                return
            }
        }
        return nil
    }
}
