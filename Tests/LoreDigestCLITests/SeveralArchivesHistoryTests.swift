import Foundation
import InboxReader
import TestSupport
import Testing

/// `report A B …` with each archive's own history index and `--since-last-run` bookmark, through
/// the built binary (issue 14).
@Suite struct SeveralArchivesHistoryTests {
    static let start = ArchiveWriter.defaultFirstCommitTime

    /// Adds epoch 1 to each archive: `later@x` cross-posted to both (KVMARM first), and
    /// `arm2@x` on KVMARM only; all after the mails of ``SeveralArchivesCommandTests/writeArchives(in:)``.
    static func appendMails(kvm: String, kvmarm: String) async throws {
        try await ArchiveWriter.writeEpoch(
            entries: [
                SeveralArchivesCommandTests.mail("[PATCH] later: both", id: "later@x", list: "kvm.vger.kernel.org")
            ],
            to: kvm + "/git/1.git", commitTimes: [start + 2000])
        try await ArchiveWriter.writeEpoch(
            entries: [
                SeveralArchivesCommandTests.mail("[PATCH] later: both", id: "later@x", list: "kvmarm.lists.linux.dev"),
                SeveralArchivesCommandTests.mail(
                    "[PATCH] kvmarm: second", id: "arm2@x", list: "kvmarm.lists.linux.dev"),
            ], to: kvmarm + "/git/1.git", commitTimes: [start + 1900, start + 2100])
    }

    static func accounting(_ output: String) -> String? {
        output.split(separator: "\n").last { $0.hasPrefix("Accounting: ") }.map(String.init)
    }

    static func subjects(_ output: String) -> Set<String> {
        Set(
            ["kvm: first", "both: cross-posted", "kvmarm: own", "later: both", "kvmarm: second"].filter {
                output.contains($0)
            })
    }

    @Test func eachArchiveReportsWhatCameSinceItsOwnBookmark() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (kvm, kvmarm) = try await SeveralArchivesCommandTests.writeArchives(in: directory)
        let cache = directory.path + "/cache"
        let run = { (extra: [String]) throws -> CommandResult in
            try CommandRunner.loreDigest(
                ["report", kvm, kvmarm, "--since-last-run", "--state", "weekly"] + extra, cacheHome: cache)
        }
        // The first run: each archive from --since, each creating its own index and bookmark.
        let first = try run(["--since", "2000-01-01"])
        #expect(first.exitCode == 0, "\(first.standardError)")
        #expect(
            first.standardOutput.split(separator: "\n")[1].hasPrefix(
                "KVM + KVMARM mailing list update from 2023-11-14 to 2023-11-14"))
        #expect(
            Self.accounting(first.standardOutput)
                == "Accounting: 3 messages (3 patch mails, 0 replies, 0 other, 0 unparseable), 0 deleted, 1 cross-posted duplicate folded"
        )
        #expect(
            first.standardError.contains(
                "lore-digest: kvm: first run of the state 'weekly' (no bookmark yet): reporting the 2 commits since 2000-01-01 00:00 UTC"
            ))
        #expect(
            first.standardError.contains(
                "lore-digest: kvmarm: first run of the state 'weekly' (no bookmark yet): reporting the 2 commits since 2000-01-01 00:00 UTC"
            ))
        try await Self.appendMails(kvm: kvm, kvmarm: kvmarm)
        // A report that cannot be written advances no bookmark.
        let failed = try run(["--output", directory.path + "/no/such/folder/report.txt"])
        #expect(failed.exitCode == 1)
        #expect(failed.standardError.contains("cannot write"))
        let dry = try run(["--dry-run"])
        #expect(dry.exitCode == 0, "\(dry.standardError)")
        #expect(dry.standardError.contains("lore-digest: kvm: dry run: the state 'weekly' was not advanced (1 commits"))
        #expect(
            dry.standardError.contains("lore-digest: kvmarm: dry run: the state 'weekly' was not advanced (2 commits"))

        // The second run: only what each archive received since its bookmark (neither the failed
        // run nor the dry run advanced it), merged.
        let second = try run([])
        #expect(second.exitCode == 0, "\(second.standardError)")
        #expect(Self.subjects(second.standardOutput) == ["later: both", "kvmarm: second"])
        #expect(
            Self.accounting(second.standardOutput)
                == "Accounting: 2 messages (2 patch mails, 0 replies, 0 other, 0 unparseable), 0 deleted, 1 cross-posted duplicate folded"
        )
        #expect(second.standardOutput.contains("Lists: KVM, KVMARM"))

        // Both bookmarks advanced: nothing is new anywhere.
        let third = try run([])
        #expect(third.exitCode == 0, "\(third.standardError)")
        #expect(Self.accounting(third.standardOutput)?.hasPrefix("Accounting: 0 messages") == true)
        #expect(third.standardError.contains("lore-digest: kvm: nothing new in kvm since the last run 'weekly'"))
        #expect(third.standardError.contains("lore-digest: kvmarm: nothing new in kvmarm since the last run 'weekly'"))
    }

    /// The bookmark is the archive's: a report of one archive with the same state advances it,
    /// and the report of both then brings only the other archive's new mail.
    @Test func theBookmarksAreEachArchivesOwn() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (kvm, kvmarm) = try await SeveralArchivesCommandTests.writeArchives(in: directory)
        let cache = directory.path + "/cache"
        let both = ["report", kvm, kvmarm, "--since-last-run", "--state", "w"]
        let first = try CommandRunner.loreDigest(both + ["--since", "2000-01-01"], cacheHome: cache)
        #expect(first.exitCode == 0, "\(first.standardError)")
        try await Self.appendMails(kvm: kvm, kvmarm: kvmarm)
        let alone = try CommandRunner.loreDigest(
            ["report", kvmarm, "--since-last-run", "--state", "w"], cacheHome: cache)
        #expect(alone.exitCode == 0, "\(alone.standardError)")
        #expect(Self.subjects(alone.standardOutput) == ["later: both", "kvmarm: second"])
        let merged = try CommandRunner.loreDigest(both, cacheHome: cache)
        #expect(merged.exitCode == 0, "\(merged.standardError)")
        #expect(Self.subjects(merged.standardOutput) == ["later: both"])
        #expect(merged.standardError.contains("lore-digest: kvmarm: nothing new in kvmarm since the last run 'w'"))
        #expect(!merged.standardOutput.contains("Lists: KVMARM"))
        #expect(
            Self.accounting(merged.standardOutput)
                == "Accounting: 1 messages (1 patch mails, 0 replies, 0 other, 0 unparseable), 0 deleted, 0 cross-posted duplicates folded"
        )
    }

    @Test func indexAndHistoryAreRefusedWithSeveralArchives() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (kvm, kvmarm) = try await SeveralArchivesCommandTests.writeArchives(in: directory)
        let index = try CommandRunner.loreDigest(["report", kvm, kvmarm, "--index", directory.path + "/i.sqlite"])
        #expect(index.exitCode == 64)
        #expect(
            index.standardError
                == "Error: --index names one index file; with several archives each reads its own in the cache directory (leave --index out); see 'lore-digest report --help' for the options\n"
        )
        let history = try CommandRunner.loreDigest(["report", kvm, kvmarm, "--history"])
        #expect(history.exitCode == 64)
        #expect(history.standardError.hasPrefix("Error: --history reads one archive's history index;"))
        // The same archive twice would read its bookmark twice (and take its lock twice).
        let twice = try CommandRunner.loreDigest(
            ["report", kvm, kvmarm, kvm + "/.", "--since-last-run", "--state", "w"], cacheHome: directory.path)
        #expect(twice.exitCode == 1)
        #expect(twice.standardOutput.isEmpty)
        #expect(twice.standardError == "Error: '\(kvm)' and '\(kvm)/.' are the same archive; give each archive once\n")
    }

    /// KVM got a patch two days before the range; KVMARM, in the range, a review of it (the
    /// patch was not cross-posted there). Only KVM's index knows the patch.
    static func writeReviewOfAnEarlierPatch(in directory: TemporaryDirectory) async throws -> (
        kvm: String, kvmarm: String
    ) {
        let kvm = directory.url.appendingPathComponent("kvm").path
        let kvmarm = directory.url.appendingPathComponent("kvmarm").path
        let patch =
            "From: Ann Lee <ann@example.org>\nSubject: [PATCH] widget: fix\nMessage-ID: <w@x>\n"
            + "List-Id: <kvm.vger.kernel.org>\n\nFix it.\n\nSigned-off-by: Ann Lee <ann@example.org>\n"
        let review =
            "From: Bo Novak <bo@example.org>\nSubject: Re: [PATCH] widget: fix\nMessage-ID: <r@x>\n"
            + "In-Reply-To: <w@x>\nReferences: <w@x>\nList-Id: <kvmarm.lists.linux.dev>\n\n"
            + "Reviewed-by: Bo Novak <bo@example.org>\n"
        try await ArchiveWriter.writeEpoch(
            entries: [.mail(Array(patch.utf8))], to: kvm + "/git/0.git", commitTimes: [start])
        try await ArchiveWriter.writeEpoch(
            entries: [.mail(Array(review.utf8))], to: kvmarm + "/git/0.git", commitTimes: [start + 2 * 86_400])
        return (kvm, kvmarm)
    }

    @Test func theSeriesLookBeforeTheRangeInEveryArchivesIndex() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (kvm, kvmarm) = try await Self.writeReviewOfAnEarlierPatch(in: directory)
        let cache = directory.path + "/cache"
        let window = ["--since", "@\(Self.start + 86_400)"]
        let unindexed = try CommandRunner.loreDigest(["report", kvm, kvmarm] + window, cacheHome: cache)
        #expect(unindexed.exitCode == 0, "\(unindexed.standardError)")
        #expect(unindexed.standardOutput.contains("Series: this range only (no history index)"))
        #expect(!unindexed.standardOutput.contains("widget: fix, posted"))

        let indexed = try CommandRunner.loreDigest(["index", kvm, kvmarm], cacheHome: cache)
        #expect(indexed.exitCode == 0, "\(indexed.standardError)")
        let report = try CommandRunner.loreDigest(["report", kvm, kvmarm] + window, cacheHome: cache)
        #expect(report.exitCode == 0, "\(report.standardError)")
        #expect(report.standardError.isEmpty)
        #expect(!report.standardOutput.contains("Series: this range only"))
        #expect(report.standardOutput.contains(Self.earlierActivity), "\(report.standardOutput)")
        // The same report, as --no-index gives it, but for what the history adds.
        let noIndex = try CommandRunner.loreDigest(["report", kvm, kvmarm, "--no-index"] + window, cacheHome: cache)
        #expect(noIndex.standardOutput == unindexed.standardOutput)
    }

    @Test func anArchiveWithoutAnIndexIsANoteAndTheOthersStillAnswer() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (kvm, kvmarm) = try await Self.writeReviewOfAnEarlierPatch(in: directory)
        let cache = directory.path + "/cache"
        let indexed = try CommandRunner.loreDigest(["index", kvm], cacheHome: cache)
        #expect(indexed.exitCode == 0, "\(indexed.standardError)")
        let report = try CommandRunner.loreDigest(
            ["report", kvm, kvmarm, "--since", "@\(Self.start + 86_400)"], cacheHome: cache)
        #expect(report.exitCode == 0, "\(report.standardError)")
        #expect(
            report.standardError
                == "lore-digest: no history index for kvmarm: the series look before the range in the other archives only; run 'lore-digest index \(kvmarm)' to add it\n"
        )
        #expect(report.standardOutput.contains(Self.earlierActivity), "\(report.standardOutput)")
    }

    /// What the text report says of the review of the earlier patch.
    static let earlierActivity = """
        ===== Activity on earlier series =====

        widget: fix, posted 2023-11-14 by Ann Lee <ann@example.org>
          Replies: 1
          Reviewed-by: Bo Novak (patch 1)

        """
}
