import Foundation
import InboxReader
import TestSupport

/// Mails of a small, varied list: standalone patches, series with cover letters, replies with
/// trailers, a pull request, an unparseable mail and deletions.
enum SyntheticArchive {
    /// The mail at `index`; the kinds repeat every 10 mails.
    static func entry(_ index: Int) -> ArchiveEntry {
        let author = "Dev \(index % 5) <dev\(index % 5)@company\(index % 3).example>"
        let series = index / 10
        let header = "Message-ID: <m\(index)@example.org>\nList-Id: <widget.lists.example.org>\nDate: Mon, 6 Oct 2025 10:\(String(format: "%02d", index % 60)):00 +0200\n"
        func mail(_ text: String) -> ArchiveEntry { .mail(Array(text.utf8)) }
        switch index % 10 {
        case 0:
            return mail(
                "From: \(author)\nSubject: [PATCH v2 0/3] widget: series \(series)\n\(header)\nThis series does \(series).\n\nDev\n")
        case 1, 2, 3:
            let number = index % 10
            return mail(
                "From: \(author)\nSubject: [PATCH v2 \(number)/3] widget: part \(number) of \(series)\n\(header)In-Reply-To: <m\(index - number)@example.org>\nReferences: <m\(index - number)@example.org>\n\nPart \(number) of series \(series).\n\nSigned-off-by: \(author)\n---\n a.c | 1 +\n 1 file changed, 1 insertion(+)\n\ndiff --git a/a.c b/a.c\n")
        case 4:
            return mail(
                "From: List Bot <bot@example.org>\nSubject: [PATCH] widget: standalone fix \(index)\n\(header)\nFrom: Real Author \(index) <real\(index)@example.net>\n\nFix the widget \(index).\n\nFixes: 1234567 (\"widget\")\nSigned-off-by: Real Author \(index) <real\(index)@example.net>\n---\n b.c | 2 +-\n\ndiff --git a/b.c b/b.c\n")
        case 5, 6:
            return mail(
                "From: Reviewer <rev@example.com>\nSubject: Re: [PATCH v2 1/3] widget: part 1 of \(series)\n\(header)In-Reply-To: <m\(index - index % 10 + 1)@example.org>\nReferences: <m\(index - index % 10)@example.org> <m\(index - index % 10 + 1)@example.org>\n\n> quoted\nLooks good.\n\nReviewed-by: Reviewer <rev@example.com>\n")
        case 7:
            return mail("From: Maintainer <maint@example.com>\nSubject: [GIT PULL] widget fixes \(index)\n\(header)\nPlease pull.\n")
        case 8:
            return .mail(Array("no header block at all \(index)\n".utf8))
        default:
            return .deletion(Array("From: x@example.org\n\nremoved\n".utf8))
        }
    }

    /// Writes a v2 inbox `NAME/git/0.git` of `count` mails under `directory`, commit times
    /// from `times` (default: one a minute from 2023-11-14).
    @discardableResult
    static func write(
        count: Int, in directory: TemporaryDirectory, name: String = "widget", epoch: Int = 0, offset: Int = 0,
        commitTimes: [Int64]? = nil
    ) async throws -> String {
        let inbox = directory.url.appendingPathComponent(name).path
        try await ArchiveWriter.writeEpoch(
            entries: (0..<count).map { entry($0 + offset) }, to: "\(inbox)/git/\(epoch).git",
            firstCommitTime: ArchiveWriter.defaultFirstCommitTime + Int64(offset) * 60, commitTimes: commitTimes)
        return inbox
    }

    /// Runs git in `gitDirectory` and fails the test when it fails.
    static func git(_ gitDirectory: String, _ arguments: [String]) throws {
        let result = try CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["git", "--git-dir=\(gitDirectory)"] + arguments)
        guard result.exitCode == 0 else {
            throw TestFailure("git \(arguments.joined(separator: " ")) failed: \(result.standardError)")
        }
    }

    /// The full commit id `revision` names in `gitDirectory`.
    static func revParse(_ gitDirectory: String, _ revision: String) throws -> String {
        let result = try CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["git", "--git-dir=\(gitDirectory)", "rev-parse", revision])
        return result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
