import Foundation
import InboxReader
import TestSupport
import Testing

/// `report` and `messages` over several archives through the built binary (issue 14).
@Suite struct SeveralArchivesCommandTests {
    static func mail(_ subject: String, id: String, list: String) -> ArchiveEntry {
        .mail(
            Array(
                "From: Ann Lee <ann@example.org>\nSubject: \(subject)\nMessage-ID: <\(id)>\nList-Id: <\(list)>\n\nBody.\n"
                    .utf8))
    }

    /// Two archives, KVM and KVMARM, that both received `both@x` (KVMARM first).
    static func writeArchives(in directory: TemporaryDirectory) async throws -> (kvm: String, kvmarm: String) {
        let start = ArchiveWriter.defaultFirstCommitTime
        let kvm = directory.url.appendingPathComponent("kvm").path
        let kvmarm = directory.url.appendingPathComponent("kvmarm").path
        try await ArchiveWriter.writeEpoch(
            entries: [
                mail("[PATCH] kvm: first", id: "kvm1@x", list: "kvm.vger.kernel.org"),
                mail("[PATCH] both: cross-posted", id: "both@x", list: "kvm.vger.kernel.org"),
            ], to: kvm + "/git/0.git", commitTimes: [start, start + 300])
        try await ArchiveWriter.writeEpoch(
            entries: [
                mail("[PATCH] both: cross-posted", id: "both@x", list: "kvmarm.lists.linux.dev"),
                mail("[PATCH] kvmarm: own", id: "arm1@x", list: "kvmarm.lists.linux.dev"),
            ], to: kvmarm + "/git/0.git", commitTimes: [start + 120, start + 600])
        return (kvm, kvmarm)
    }

    @Test func fromAndToAreRefusedWithSeveralArchives() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (kvm, kvmarm) = try await Self.writeArchives(in: directory)
        for command in ["report", "messages"] {
            for option in ["--from", "--to"] {
                let result = try CommandRunner.loreDigest([command, kvm, kvmarm, option, "HEAD"])
                #expect(result.exitCode == 64)
                #expect(result.standardOutput.isEmpty)
                #expect(
                    result.standardError
                        == "Error: --from and --to name a commit of one archive; with several archives, choose the range with --since and --until; see 'lore-digest \(command) --help' for the options\n"
                )
            }
        }
    }

    @Test func theReportNamesTheListsAndCountsTheCrossPostOnce() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (kvm, kvmarm) = try await Self.writeArchives(in: directory)
        let result = try CommandRunner.loreDigest(
            ["report", kvm, kvmarm, "--since", "2023-01-01"], cacheHome: directory.url.path)
        #expect(result.exitCode == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines[1] == "KVM + KVMARM mailing list update from 2023-01-01 00:00 UTC to the newest message")
        // As often as in KVM's own report: the patch list, the entry's title and subject, the series.
        let alone = try CommandRunner.loreDigest(["report", kvm, "--no-index"])
        let linesAlone = alone.standardOutput.split(separator: "\n").filter { $0.hasSuffix("both: cross-posted") }
        #expect(linesAlone.count == 4)
        #expect(lines.filter { $0.hasSuffix("both: cross-posted") }.count == linesAlone.count)
        #expect(lines.contains("Lists: KVM, KVMARM"))
        #expect(lines.contains("  Lists: KVMARM"))
        #expect(
            lines.last
                == "Accounting: 3 messages (3 patch mails, 0 replies, 0 other, 0 unparseable), 0 deleted, 1 cross-posted duplicate folded"
        )
    }

    @Test func messagesAreMergedByArrivalWithTheirLists() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (kvm, kvmarm) = try await Self.writeArchives(in: directory)
        let result = try CommandRunner.loreDigest(["messages", kvm, kvmarm])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let records = try result.standardOutput.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(records.map { $0["message_id"] as? String } == ["kvm1@x", "both@x", "arm1@x"])
        #expect(records.map { $0["lists"] as? [String] ?? [] } == [["KVM"], ["KVMARM", "KVM"], ["KVMARM"]])
        // One archive: no lists key, as before.
        let single = try CommandRunner.loreDigest(["messages", kvm])
        #expect(!single.standardOutput.contains("\"lists\""))
    }
}
