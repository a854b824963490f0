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
        let header =
            "Message-ID: <m\(index)@example.org>\nList-Id: <widget.lists.example.org>\nDate: Mon, 6 Oct 2025 10:\(String(format: "%02d", index % 60)):00 +0200\n"
        func mail(_ text: String) -> ArchiveEntry { .mail(Array(text.utf8)) }
        switch index % 10 {
        case 0:
            return mail(
                "From: \(author)\nSubject: [PATCH v2 0/3] widget: series \(series)\n\(header)\nThis series does \(series).\n\nDev\n"
            )
        case 1, 2, 3:
            let number = index % 10
            return mail(
                "From: \(author)\nSubject: [PATCH v2 \(number)/3] widget: part \(number) of \(series)\n\(header)In-Reply-To: <m\(index - number)@example.org>\nReferences: <m\(index - number)@example.org>\n\nPart \(number) of series \(series).\n\nSigned-off-by: \(author)\n---\n a.c | 1 +\n 1 file changed, 1 insertion(+)\n\ndiff --git a/a.c b/a.c\n"
            )
        case 4:
            return mail(
                "From: List Bot <bot@example.org>\nSubject: [PATCH] widget: standalone fix \(index)\n\(header)\nFrom: Real Author \(index) <real\(index)@example.net>\n\nFix the widget \(index).\n\nFixes: 1234567 (\"widget\")\nSigned-off-by: Real Author \(index) <real\(index)@example.net>\n---\n b.c | 2 +-\n\ndiff --git a/b.c b/b.c\n"
            )
        case 5, 6:
            return mail(
                "From: Reviewer <rev@example.com>\nSubject: Re: [PATCH v2 1/3] widget: part 1 of \(series)\n\(header)In-Reply-To: <m\(index - index % 10 + 1)@example.org>\nReferences: <m\(index - index % 10)@example.org> <m\(index - index % 10 + 1)@example.org>\n\n> quoted\nLooks good.\n\nReviewed-by: Reviewer <rev@example.com>\n"
            )
        case 7:
            return mail(
                "From: Maintainer <maint@example.com>\nSubject: [GIT PULL] widget fixes \(index)\n\(header)\nPlease pull.\n"
            )
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

/// Mails that carry the per-message facts of series (schema v2): a cover with a change-id and its
/// patches with real diffs (patch-ids), a partial re-roll `v2.1`, a later version by change-id and
/// one by title only, a review with a mismatched trailer, a b4 thank-you, a robot's report, a pull
/// request with request-pull's text, and a deletion.
enum SeriesArchive {
    static let pullBase = String(repeating: "a", count: 40)
    static let pullHead = String(repeating: "b", count: 40)

    static func patch(
        _ id: String, _ subject: String, from: String = "Dev <dev@example.org>", replyTo parent: String? = nil,
        references: [String] = [], line: String, extra: String = ""
    ) -> ArchiveEntry {
        let threading =
            (parent.map { "In-Reply-To: <\($0)>\n" } ?? "")
            + (references.isEmpty ? "" : "References: \(references.map { "<\($0)>" }.joined(separator: " "))\n")
        return .mail(
            Array(
                """
                From: \(from)
                Subject: \(subject)
                Message-ID: <\(id)>
                \(threading)Date: Mon, 6 Oct 2025 10:00:00 +0200

                Change \(line).

                Signed-off-by: \(from)
                ---
                 a.c | 2 +-
                 1 file changed, 1 insertion(+), 1 deletion(-)

                diff --git a/a.c b/a.c
                index 1111111..2222222 100644
                --- a/a.c
                +++ b/a.c
                @@ -1,3 +1,3 @@
                 int a;
                -int \(line)_old;
                +int \(line)_new;
                 int d;
                \(extra)
                """.utf8))
    }

    static func mail(
        _ id: String, from: String, subject: String, replyTo parent: String?, references: [String], body: String
    )
        -> ArchiveEntry
    {
        let threading =
            (parent.map { "In-Reply-To: <\($0)>\n" } ?? "")
            + (references.isEmpty ? "" : "References: \(references.map { "<\($0)>" }.joined(separator: " "))\n")
        return .mail(
            Array(
                "From: \(from)\nSubject: \(subject)\nMessage-ID: <\(id)>\n\(threading)Date: Mon, 6 Oct 2025 11:00:00 +0200\n\n\(body)"
                    .utf8))
    }

    static let entries: [ArchiveEntry] = [
        // 0-2: v1 with a cover that carries a change-id.
        mail(
            "s1-0@example.org", from: "Dev <dev@example.org>", subject: "[PATCH 0/2] widget: speed up", replyTo: nil,
            references: [],
            body:
                "Faster widgets.\n\nDev (2):\n  a\n  b\n\n---\nbase-commit: 1234567\nchange-id: 20251001-widget-speed-0123456789ab\n"
        ),
        patch(
            "s1-1@example.org", "[PATCH 1/2] widget: first", replyTo: "s1-0@example.org",
            references: ["s1-0@example.org"], line: "first"),
        patch(
            "s1-2@example.org", "[PATCH 2/2] widget: second", replyTo: "s1-0@example.org",
            references: ["s1-0@example.org"], line: "second"),
        // 3: a review of patch 1 whose trailer names someone else (mismatched).
        mail(
            "r1@example.org", from: "Reviewer <rev@example.com>", subject: "Re: [PATCH 1/2] widget: first",
            replyTo: "s1-1@example.org", references: ["s1-0@example.org", "s1-1@example.org"],
            body:
                "> quoted\nLooks good.\n\nReviewed-by: Reviewer <rev@example.com>\nTested-by: Other Person <other@example.net>\n"
        ),
        // 4: a reply to the review (deeper in the thread).
        mail(
            "r2@example.org", from: "Dev <dev@example.org>", subject: "Re: [PATCH 1/2] widget: first",
            replyTo: "r1@example.org", references: ["s1-0@example.org", "s1-1@example.org", "r1@example.org"],
            body: "Thanks.\n"),
        // 5: a partial re-roll of patch 2.
        patch(
            "s1-2.1@example.org", "[PATCH v1.1 2/2] widget: second", replyTo: "s1-2@example.org",
            references: ["s1-0@example.org", "s1-2@example.org"], line: "second_again"),
        // 6: a robot's report.
        mail(
            "bot1@example.org", from: "kernel test robot <lkp@intel.com>", subject: "Re: [PATCH 2/2] widget: second",
            replyTo: "s1-2@example.org", references: ["s1-0@example.org", "s1-2@example.org"],
            body: "Hi Dev,\n\nkernel test robot noticed the following build errors:\n"),
        // 7: v2 with the same change-id, v2 patch 1 unchanged.
        mail(
            "s2-0@example.org", from: "Dev <dev@example.org>", subject: "[PATCH v2 0/2] widget: speed up", replyTo: nil,
            references: [], body: "Faster widgets, v2.\n\n---\nchange-id: 20251001-widget-speed-0123456789ab\n"),
        patch(
            "s2-1@example.org", "[PATCH v2 1/2] widget: first", replyTo: "s2-0@example.org",
            references: ["s2-0@example.org"], line: "first"),
        // 9: b4's thank-you on v2.
        mail(
            "ty@example.org", from: "Maintainer <maint@example.com>", subject: "Re: [PATCH v2 0/2] widget: speed up",
            replyTo: "s2-0@example.org", references: ["s2-0@example.org"],
            body:
                "On Mon, Dev wrote:\n> Faster widgets\n\nApplied to widget-next, thanks!\n\n[1/2] widget: first\n      commit: 0123456789ab\n\nBest regards,\n"
        ),
        // 10: a pull request.
        mail(
            "pull@example.org", from: "Maintainer <maint@example.com>", subject: "[GIT PULL] widget fixes",
            replyTo: nil,
            references: [],
            body:
                "The following changes since commit \(pullBase):\n\n  Linux 6.2 (2025-10-01)\n\nare available in the Git repository at:\n\n  git://example.org/widget.git tags/widget-fixes\n\nfor you to fetch changes up to \(pullHead):\n\n  widget: fix (2025-10-02)\n\n----\nMaintainer (1):\n      widget: fix\n\n a.c | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)\n"
        ),
        // 11: a deletion.
        .deletion(Array("From: x@example.org\n\nremoved\n".utf8)),
        // 12: a standalone patch, then 13 its v2 by title only (no change-id).
        patch("t1@example.org", "[PATCH] widget: lone fix", from: "Lone <Lone@Example.org>", line: "lone"),
        patch("t2@example.org", "[PATCH v2] widget: lone fix", from: "Lone <lone@example.org>", line: "lone_v2"),
    ]

    /// Writes the archive; commit times one a minute from `ArchiveWriter.defaultFirstCommitTime`.
    static func write(in directory: TemporaryDirectory, name: String = "series") async throws -> String {
        let inbox = directory.url.appendingPathComponent(name).path
        try await ArchiveWriter.writeEpoch(entries: entries, to: "\(inbox)/git/0.git")
        return inbox
    }
}
