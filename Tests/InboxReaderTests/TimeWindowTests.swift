import Foundation
import Testing

@testable import InboxReader

/// `2025-10-01 00:00:00 UTC`.
private let october1: Int64 = 1_759_276_800
private let hour: Int64 = 3600
private let day: Int64 = 86_400

/// One epoch of mails received at the given times.
private func archive(times: [Int64]) async throws -> (TemporaryDirectory, Inbox, [CommitRef]) {
    let temporary = try TemporaryDirectory()
    let path = temporary.path + "/list"
    try await ArchiveWriter.writeEpoch(
        entries: times.indices.map { .mail(TestMail.bytes($0)) }, to: path + "/git/0.git", commitTimes: times)
    let inbox = try Inbox.open(path)
    return (temporary, inbox, try await inbox.resolve(RevisionRange()).commits)
}

/// Mails at 12-hour steps from 2025-09-30 00:00 to 2025-10-03 00:00 UTC (seven of them).
private func octoberArchive() async throws -> (TemporaryDirectory, Inbox, [CommitRef]) {
    try await archive(times: (0..<7).map { october1 - day + Int64($0) * 12 * hour })
}

private let absoluteDates: [(String, Int64)] = [
    ("2025-10-01", october1),
    ("2025-10-01T12:00Z", october1 + 43_200),
    ("2025-10-01T12:00", october1 + 43_200),
    ("2025-10-01 12:00 +0200", october1 + 36_000),
    ("@1759276800", october1),
    (" 2025-10-01 ", october1),
]

@Suite struct TimeWindowTests {
    @Test(arguments: absoluteDates)
    func absoluteDatesAreReadByGitInUTC(value: String, expected: Int64) async throws {
        let (temporary, inbox, _) = try await octoberArchive()
        defer { withExtendedLifetime(temporary) {} }
        #expect(try await inbox.resolveDate(value, bound: .since) == expected)
        #expect(try await inbox.resolveDate(value, bound: .until) == expected)
    }

    @Test func relativeDatesCountBackFromNow() async throws {
        let (temporary, inbox, _) = try await octoberArchive()
        defer { withExtendedLifetime(temporary) {} }
        let now = Int64(Date().timeIntervalSince1970)
        let twoWeeks = try await inbox.resolveDate("2 weeks ago", bound: .since)
        #expect(abs(twoWeeks - (now - 14 * day)) < 60)
        let yesterday = try await inbox.resolveDate("yesterday", bound: .since)
        #expect(abs(yesterday - (now - day)) < 60)
        let today = try await inbox.resolveDate("today", bound: .since)
        // Midnight UTC (the day may turn meanwhile).
        #expect(today == now - now % day || today == now - now % day + day)
    }

    @Test func sinceIsInclusive() async throws {
        let (temporary, inbox, commits) = try await octoberArchive()
        defer { withExtendedLifetime(temporary) {} }
        let resolved = try await inbox.resolve(RevisionRange(since: "2025-10-01"))
        #expect(resolved.commits == Array(commits[2...]))
        #expect(resolved.since == october1)
        #expect(resolved.until == nil)
    }

    @Test func untilIsInclusive() async throws {
        let (temporary, inbox, commits) = try await octoberArchive()
        defer { withExtendedLifetime(temporary) {} }
        let resolved = try await inbox.resolve(RevisionRange(until: "2025-10-01"))
        #expect(resolved.commits == Array(commits[...2]))
        #expect(resolved.until == october1)
    }

    @Test func windowWithBothEnds() async throws {
        let (temporary, inbox, commits) = try await octoberArchive()
        defer { withExtendedLifetime(temporary) {} }
        let resolved = try await inbox.resolve(RevisionRange(since: "2025-10-01T12:00Z", until: "2025-10-02"))
        #expect(resolved.commits == Array(commits[3...4]))
        #expect(resolved.firstLabel.map { commits[3].oid.hasPrefix($0) } == true)
        #expect(resolved.lastLabel.map { commits[4].oid.hasPrefix($0) } == true)
    }

    @Test func windowIntersectsFromAndTo() async throws {
        let (temporary, inbox, commits) = try await octoberArchive()
        defer { withExtendedLifetime(temporary) {} }
        // --from 1 --to 5 is commits 2…5; since 2025-10-01T12:00Z drops 2.
        let resolved = try await inbox.resolve(
            RevisionRange(from: commits[1].oid, to: commits[5].oid, since: "2025-10-01T12:00Z"))
        #expect(resolved.commits == Array(commits[3...5]))
        #expect(resolved.fromLabel.map { commits[1].oid.hasPrefix($0) } == true)
        // until before the whole of --from..--to: empty, not an error.
        let empty = try await inbox.resolve(RevisionRange(from: commits[4].oid, until: "2025-09-30"))
        #expect(empty.commits.isEmpty)
    }

    @Test func emptyWindowIsNotAnError() async throws {
        let (temporary, inbox, _) = try await octoberArchive()
        defer { withExtendedLifetime(temporary) {} }
        let resolved = try await inbox.resolve(RevisionRange(since: "2030-01-01"))
        #expect(resolved.commits.isEmpty)
        #expect(resolved.firstLabel == nil && resolved.lastLabel == nil)
        #expect(resolved.since == 1_893_456_000)
    }

    @Test(arguments: ["garbage", "tomorrow", "foo bar", "--all", "-n"])
    func unreadableDateIsOneClearLine(value: String) async throws {
        let (temporary, inbox, _) = try await octoberArchive()
        defer { withExtendedLifetime(temporary) {} }
        let error = await #expect(throws: InboxError.self) {
            try await inbox.resolve(RevisionRange(since: value))
        }
        #expect(error?.code == .invalidDate)
        #expect(
            error?.description
                == "--since '\(value)' is not a date lore-digest reads; give YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] with an optional zone (Z, +02:00), @SECONDS, or a relative date such as '2 weeks ago' or yesterday"
        )
    }

    @Test(arguments: [
        (
            "2022-13-45",
            "--since '2022-13-45' is not a real date: there is no month 13; give one that exists, e.g. 2025-10-01"
        ),
        (
            "2022-02-30",
            "--since '2022-02-30' is not a real date: 2022-02 has 28 days; give one that exists, e.g. 2025-10-01"
        ),
        (
            "60 years ago",
            "--since '60 years ago' is not a relative date git reads correctly (only 1970 to now); give an absolute date, e.g. 2025-10-01"
        ),
        (
            "01/11/2022",
            "--since '01/11/2022' is not a date lore-digest reads; give YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] with an optional zone (Z, +02:00), @SECONDS, or a relative date such as '2 weeks ago' or yesterday"
        ),
        (
            "a\nb",
            "--since 'a\\nb' is not a date lore-digest reads; give YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] with an optional zone (Z, +02:00), @SECONDS, or a relative date such as '2 weeks ago' or yesterday"
        ),
    ])
    func datesGitWouldMisreadAreRefused(value: String, message: String) async throws {
        let (temporary, inbox, _) = try await octoberArchive()
        defer { withExtendedLifetime(temporary) {} }
        let error = await #expect(throws: InboxError.self) { try await inbox.resolve(RevisionRange(since: value)) }
        #expect(error?.code == .invalidDate)
        #expect(error?.description == message)
    }

    @Test func datesGitMisreadAreWhatTheySay() async throws {
        let (temporary, inbox, commits) = try await octoberArchive()
        defer { withExtendedLifetime(temporary) {} }
        #expect(try await inbox.resolveDate("@0", bound: .since) == 0)
        #expect(try await inbox.resolveDate("@-1", bound: .since) == -1)
        #expect(try await inbox.resolveDate("1900-01-01", bound: .since) == -2_208_988_800)
        #expect(try await inbox.resolveDate("9999-12-31", bound: .until) == 253_402_214_400)
        #expect(try await inbox.resolve(RevisionRange(since: "@0")).commits == commits)
        #expect(try await inbox.resolve(RevisionRange(since: "2100-01-01")).commits.isEmpty)
    }

    @Test func emptyDateIsRefusedBeforeGit() async throws {
        let (temporary, inbox, _) = try await octoberArchive()
        defer { withExtendedLifetime(temporary) {} }
        let error = await #expect(throws: InboxError.self) { try await inbox.resolve(RevisionRange(until: " ")) }
        #expect(error?.description.hasPrefix("--until ' ' is not a date lore-digest reads") == true)
    }

    @Test func aDateNeverBecomesAGitOption() async throws {
        let (temporary, inbox, _) = try await octoberArchive()
        let target = temporary.path + "/injected"
        _ = try? await inbox.resolve(RevisionRange(since: "--output=\(target)"))
        _ = try? await inbox.resolve(RevisionRange(until: "--output=\(target)"))
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test func sinceAfterUntilIsRefused() async throws {
        let (temporary, inbox, _) = try await octoberArchive()
        defer { withExtendedLifetime(temporary) {} }
        let error = await #expect(throws: InboxError.self) {
            try await inbox.resolve(RevisionRange(since: "2025-10-02", until: "2025-10-01"))
        }
        #expect(error?.code == .invalidDate)
        #expect(
            error?.description
                == "--since '2025-10-02' (2025-10-02 00:00 UTC) is after --until '2025-10-01' (2025-10-01 00:00 UTC): the window is empty; swap them or widen the window"
        )
    }

    @Test func windowSpansEpochs() async throws {
        let archive = try await TwoEpochInbox()
        // Both epochs hold times first + 0…4 minutes: the window keeps minutes 1…2 of each.
        let first = ArchiveWriter.defaultFirstCommitTime
        let resolved = try await archive.inbox.resolve(
            RevisionRange(since: "@\(first + 60)", until: "@\(first + 120)"))
        #expect(resolved.commits == [1, 2, 6, 7].map { archive.commits[$0] })
    }

}
