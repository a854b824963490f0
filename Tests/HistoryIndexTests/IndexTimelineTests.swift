import Foundation
import GRDB
import HistoryIndex
import InboxReader
import TestSupport
import Testing

/// A time window answered from the index (`MessageIndex` as a `CommitTimeline`): always the
/// commits and order `git rev-list` gives, and git asked instead whenever the index cannot vouch
/// for that (behind HEAD, a merge, not looked at yet).
struct IndexTimelineTests {
    /// Commit times out of order (a mail received "earlier" than the one before it): a fixed
    /// permutation of one a minute, so that a window selects commits scattered over the epoch.
    static func shuffledTimes(_ count: Int, base: Int64) -> [Int64] {
        (0..<count).map { base + Int64(($0 * 37 + 11) % count) * 60 }
    }

    /// A v2 inbox of two epochs (30 and 25 mails), commit times shuffled within and across them.
    static func twoEpochs(in directory: TemporaryDirectory) async throws -> String {
        let inbox = directory.url.appendingPathComponent("widget").path
        let base = ArchiveWriter.defaultFirstCommitTime
        try await ArchiveWriter.writeEpoch(
            entries: (0..<30).map(SyntheticArchive.entry), to: inbox + "/git/0.git",
            commitTimes: shuffledTimes(30, base: base))
        // The second epoch overlaps the first in time: its windows meet both.
        try await ArchiveWriter.writeEpoch(
            entries: (30..<55).map(SyntheticArchive.entry), to: inbox + "/git/1.git",
            commitTimes: shuffledTimes(25, base: base + 20 * 60))
        return inbox
    }

    /// Windows over the archive's span, both ends inclusive, and open-ended ones.
    static let windows: [RevisionRange] = {
        let base = ArchiveWriter.defaultFirstCommitTime
        var windows: [RevisionRange] = [
            RevisionRange(since: "@\(base + 600)"), RevisionRange(until: "@\(base + 900)"),
            RevisionRange(since: "@\(base - 86_400)", until: "@\(base - 60)"),
        ]
        for start in stride(from: base - 60, through: base + 50 * 60, by: 420) {
            windows.append(RevisionRange(since: "@\(start)", until: "@\(start + 600)"))
        }
        return windows
    }()

    @Test func anIndexedWindowIsWhatRevListGivesWithTimesOutOfOrder() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let inbox = try Inbox.open(try await Self.twoEpochs(in: directory))
        let index = try MessageIndex.open(at: directory.path + "/index.sqlite", create: true)
        let update = try await index.update(from: inbox, batchSize: 7)
        #expect(update.total == 55)
        #expect(try index.messageCount() == 55)

        var selected = 0
        for range in Self.windows {
            let fromGit = try await inbox.resolve(range)
            let fromIndex = try await inbox.resolve(range, timeline: index)
            #expect(fromIndex == fromGit, "\(range)")
            selected += fromGit.commits.count
        }
        #expect(selected > 55)  // the windows are not all empty
        // The index answered (rather than falling back): each epoch, against rev-list's listing.
        for (epoch, head) in try await inbox.heads() {
            let head = try #require(head)
            let listed = try await inbox.commits(of: epoch, after: nil, through: head)
            let answer = index.commits(of: epoch, head: head, since: nil, until: nil)
            #expect(answer == listed)
            let since = ArchiveWriter.defaultFirstCommitTime + 300
            let until = since + 600
            let window = index.commits(of: epoch, head: head, since: since, until: until)
            #expect(window == listed.filter { $0.commitTime >= since && $0.commitTime <= until })
        }
    }

    @Test func anIndexBehindHeadLeavesThatEpochToGit() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try await Self.twoEpochs(in: directory)
        let gitDirectory = path + "/git/1.git"
        let head = try SyntheticArchive.revParse(gitDirectory, "HEAD")
        try SyntheticArchive.git(gitDirectory, ["update-ref", "refs/heads/master", "HEAD~6"])
        let inbox = try Inbox.open(path)
        let index = try MessageIndex.open(at: directory.path + "/index.sqlite", create: true)
        _ = try await index.update(from: inbox)
        // Six mails arrive after the update: the index does not hold epoch 1's HEAD.
        try SyntheticArchive.git(gitDirectory, ["update-ref", "refs/heads/master", head])
        let epochs = try await inbox.heads()
        #expect(index.commits(of: epochs[0].epoch, head: try #require(epochs[0].head), since: nil, until: nil) != nil)
        #expect(index.commits(of: epochs[1].epoch, head: head, since: nil, until: nil) == nil)
        for range in Self.windows {
            #expect(try await inbox.resolve(range, timeline: index) == (try await inbox.resolve(range)), "\(range)")
        }
        // The next update appends them and the index answers again, still as git does.
        let update = try await index.update(from: inbox)
        #expect(update.added == 6)
        #expect(update.total == 55)
        #expect(index.commits(of: epochs[1].epoch, head: head, since: nil, until: nil)?.count == 25)
        for range in Self.windows {
            #expect(try await inbox.resolve(range, timeline: index) == (try await inbox.resolve(range)), "\(range)")
        }
    }

    @Test func aHistoryWithAMergeIsLeftToGit() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try await Self.twoEpochs(in: directory)
        let gitDirectory = path + "/git/0.git"
        let inbox = try Inbox.open(path)
        let index = try MessageIndex.open(at: directory.path + "/index.sqlite", create: true)
        _ = try await index.update(from: inbox)
        // A side commit off HEAD~10, received after everything, merged into HEAD: rev-list
        // interleaves the side branch by commit time, which no order of ordinals reproduces.
        let identity = [
            "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.org",
        ]
        func commitTree(_ parents: [String], time: Int64) throws -> String {
            var environment = identity
            environment["GIT_COMMITTER_DATE"] = "@\(time) +0000"
            let arguments =
                ["git", "--git-dir=\(gitDirectory)", "commit-tree", "HEAD^{tree}", "-m", "side"]
                + parents.flatMap { ["-p", $0] }
            let result = try CommandRunner.run(
                URL(fileURLWithPath: "/usr/bin/env"), arguments, environment: environment)
            try #require(result.exitCode == 0, "\(result.standardError)")
            return result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let base = ArchiveWriter.defaultFirstCommitTime
        let side = try commitTree([try SyntheticArchive.revParse(gitDirectory, "HEAD~10")], time: base + 3000)
        let merge = try commitTree(["HEAD", side], time: base + 3060)
        try SyntheticArchive.git(gitDirectory, ["update-ref", "refs/heads/master", merge])

        let update = try await index.update(from: inbox)
        #expect(update.added == 2)
        let epoch = inbox.epochs[0]
        #expect(index.commits(of: epoch, head: merge, since: nil, until: nil) == nil)
        for range in Self.windows + [RevisionRange(since: "@\(base + 2000)")] {
            #expect(try await inbox.resolve(range, timeline: index) == (try await inbox.resolve(range)), "\(range)")
        }
        // Were the merge taken for a chain, the same commits would come in another order than
        // rev-list's: the rule is what keeps the answer right.
        let queue = try DatabaseQueue(path: directory.path + "/index.sqlite")
        try await queue.write { db in try db.execute(sql: "UPDATE epochs SET is_linear = 1 WHERE epoch = 0") }
        try queue.close()
        let listed = try await inbox.commits(of: epoch, after: nil, through: merge)
        let forced = try #require(index.commits(of: epoch, head: merge, since: nil, until: nil))
        #expect(Set(forced) == Set(listed))
        #expect(forced != listed)
    }

    @Test func anIndexNotYetLookedAtIsLeftToGitUntilTheNextUpdate() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let inbox = try Inbox.open(try await Self.twoEpochs(in: directory))
        let path = directory.path + "/index.sqlite"
        _ = try await MessageIndex.open(at: path, create: true).update(from: inbox)
        // As an index of schema v2 is after its migration: nothing known about merges.
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in try db.execute(sql: "UPDATE epochs SET is_linear = NULL") }
        try queue.close()

        let index = try MessageIndex.open(at: path, create: false)
        let heads = try await inbox.heads()
        for (epoch, head) in heads {
            #expect(index.commits(of: epoch, head: try #require(head), since: nil, until: nil) == nil)
        }
        let update = try await index.update(from: inbox)
        #expect(update.added == 0)
        #expect(update.total == 55)
        for (epoch, head) in heads {
            #expect(index.commits(of: epoch, head: try #require(head), since: nil, until: nil) != nil)
        }
    }

    @Test func aRewrittenEpochIsLookedAtAgain() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try await Self.twoEpochs(in: directory)
        let index = try MessageIndex.open(at: directory.path + "/index.sqlite", create: true)
        _ = try await index.update(from: try Inbox.open(path))
        try FileManager.default.removeItem(atPath: path + "/git/1.git")
        try await ArchiveWriter.writeEpoch(
            entries: (100..<112).map(SyntheticArchive.entry), to: path + "/git/1.git",
            commitTimes: Self.shuffledTimes(12, base: ArchiveWriter.defaultFirstCommitTime + 7))
        let inbox = try Inbox.open(path)
        let update = try await index.update(from: inbox)
        #expect(update.rewrittenEpochs == [1])
        #expect(update.total == 42)
        #expect(try index.messageCount() == 42)
        for range in Self.windows {
            #expect(try await inbox.resolve(range, timeline: index) == (try await inbox.resolve(range)), "\(range)")
        }
        let head = try SyntheticArchive.revParse(path + "/git/1.git", "HEAD")
        #expect(index.commits(of: inbox.epochs[1], head: head, since: nil, until: nil)?.count == 12)
    }

    @Test func fromAndToAreLeftToGit() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try await Self.twoEpochs(in: directory)
        let inbox = try Inbox.open(path)
        let index = try MessageIndex.open(at: directory.path + "/index.sqlite", create: true)
        _ = try await index.update(from: inbox)
        let from = try SyntheticArchive.revParse(path + "/git/0.git", "HEAD~20")
        let base = ArchiveWriter.defaultFirstCommitTime
        let range = RevisionRange(from: from, since: "@\(base + 300)", until: "@\(base + 1500)")
        let resolved = try await inbox.resolve(range, timeline: index)
        #expect(resolved == (try await inbox.resolve(range)))
        #expect(!resolved.commits.isEmpty)
    }

    @Test func theBookkeepingCheckFindsADamagedIndex() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let inbox = try Inbox.open(try await Self.twoEpochs(in: directory))
        let path = directory.path + "/index.sqlite"
        _ = try await MessageIndex.open(at: path, create: true).update(from: inbox)
        #expect(throws: Never.self) { try MessageIndex.open(at: path, create: false).checkBookkeeping() }
        try IndexDamage.overwritePages(of: path)
        let error = #expect(throws: IndexError.self) {
            try MessageIndex.open(at: path, create: false).checkBookkeeping()
        }
        #expect(error?.code == .damaged)
    }
}
