import Foundation
import InboxReader
import MessageStream
import PatchModel
import TestSupport
import Testing

@testable import Digest

/// Several archives in one report (issue 14): merged by the time each archive received a mail,
/// a cross-posted mail (the same Message-ID) once, with every list it reached.
@Suite struct SeveralArchivesTests {
    static let start = ArchiveWriter.defaultFirstCommitTime

    static func mail(_ subject: String, id: String, list: String, replyTo: String? = nil) -> ArchiveEntry {
        var text = "From: Ann Lee <ann@example.org>\nSubject: \(subject)\nMessage-ID: <\(id)>\n"
        text += "List-Id: <\(list)>\nDate: Mon, 6 Oct 2025 10:00:00 +0000\n"
        if let replyTo { text += "In-Reply-To: <\(replyTo)>\nReferences: <\(replyTo)>\n" }
        text += "\nBody of \(id).\n\nSigned-off-by: Ann Lee <ann@example.org>\n"
        return .mail(Array(text.utf8))
    }

    /// KVM: a two-patch series (cross-posted to KVMARM) and a reply only KVM got; KVMARM: the
    /// series' cover and first patch, a minute later and at the same second, and a patch of its own.
    static func writeTwoLists(in directory: TemporaryDirectory) async throws -> [Inbox] {
        let kvm = directory.url.appendingPathComponent("kvm").path
        let kvmarm = directory.url.appendingPathComponent("kvmarm").path
        try await ArchiveWriter.writeEpoch(
            entries: [
                mail("[PATCH 0/2] arm64: cover", id: "cover@x", list: "kvm.vger.kernel.org"),
                mail("[PATCH 1/2] arm64: one", id: "p1@x", list: "kvm.vger.kernel.org", replyTo: "cover@x"),
                mail("[PATCH 2/2] arm64: two", id: "p2@x", list: "kvm.vger.kernel.org", replyTo: "cover@x"),
                mail("Re: [PATCH 1/2] arm64: one", id: "r1@x", list: "kvm.vger.kernel.org", replyTo: "p1@x"),
            ], to: kvm + "/git/0.git", commitTimes: [start, start + 120, start + 240, start + 400])
        try await ArchiveWriter.writeEpoch(
            entries: [
                mail("[PATCH 0/2] arm64: cover", id: "cover@x", list: "kvmarm.lists.linux.dev"),
                mail("[PATCH 1/2] arm64: one", id: "p1@x", list: "kvmarm.lists.linux.dev", replyTo: "cover@x"),
                mail("[PATCH] arm64: only on kvmarm", id: "solo@x", list: "kvmarm.lists.linux.dev"),
            ], to: kvmarm + "/git/0.git", commitTimes: [start + 60, start + 120, start + 180])
        return [try Inbox.open(kvm), try Inbox.open(kvmarm)]
    }

    static func merged(_ inboxes: [Inbox]) async throws -> (MergedArchives, Selection) {
        var archives: [MergedArchives.Archive] = []
        var selections: [Selection] = []
        for inbox in inboxes {
            let range = RevisionRange(from: nil, to: nil)
            let resolved = try await inbox.resolve(range)
            archives.append(MergedArchives.Archive(inbox: inbox, commits: resolved.commits))
            selections.append(Selection(resolved, range: range))
        }
        return (
            try await MergedArchives.read(archives, pipeline: ReportBuilder().pipeline), Selection(merging: selections)
        )
    }

    static func messageIDs(_ merged: MergedArchives) -> [String] {
        merged.messages.compactMap { message in
            guard case .message(_, let facts) = message.parsed else { return nil }
            return facts.messageID
        }
    }

    @Test func aCrossPostedMailIsOneMessageWithEveryListItReached() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (merged, _) = try await Self.merged(try await Self.writeTwoLists(in: directory))
        #expect(merged.listNames == ["KVM", "KVMARM"])
        #expect(merged.foldedDuplicates == 2)
        #expect(Self.messageIDs(merged) == ["cover@x", "p1@x", "solo@x", "p2@x", "r1@x"])
        #expect(merged.messages.map(\.lists) == [["KVM", "KVMARM"], ["KVM", "KVMARM"], ["KVMARM"], ["KVM"], ["KVM"]])
    }

    @Test func theArchivesAreMergedByCommitTimeTiesToTheArchiveGivenFirst() throws {
        func commit(_ oid: String, _ time: Int64) -> ParsedMessageFixture { ParsedMessageFixture(oid, time) }
        let first = [commit("a0", 0), commit("a1", 100), commit("a2", 100), commit("a3", 90)]
        let second = [commit("b0", 50), commit("b1", 100), commit("b2", 200)]
        let merged = MergedArchives.merge(
            [first.map(\.parsed), second.map(\.parsed)], listNames: ["A", "B"])
        // Each archive keeps its own order (a3 after a2, though received earlier); equal times
        // go to the archive given first.
        #expect(merged.messages.map(\.parsed.commit.oid) == ["a0", "b0", "a1", "a2", "a3", "b1", "b2"])
        #expect(merged.foldedDuplicates == 0)
        let reversed = MergedArchives.merge([second.map(\.parsed), first.map(\.parsed)], listNames: ["B", "A"])
        #expect(reversed.messages.map(\.parsed.commit.oid) == ["a0", "b0", "b1", "a1", "a2", "a3", "b2"])
    }

    @Test func theReportCountsACrossPostedMailOnceAndNamesItsLists() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (merged, selection) = try await Self.merged(try await Self.writeTwoLists(in: directory))
        let report = try ReportBuilder().build(merged: merged, selection: selection, options: ReportOptions())
        #expect(report.listName == "KVM + KVMARM")
        #expect(report.lists == ["KVM", "KVMARM"])
        #expect(report.accounting.messages == 5)
        #expect(report.accounting.patchMails == 4)
        #expect(report.accounting.replies == 1)
        #expect(report.accounting.crossPostedDuplicates == 2)
        #expect(report.contributors.map(\.count) == [4])
        #expect(report.patchList.map(\.subject).filter { $0.contains("arm64: one") }.count == 1)
        #expect(report.series.count == 2)
        let series = try #require(report.series.first { $0.title == "arm64: cover" })
        #expect(series.lists == ["KVM", "KVMARM"])
        #expect(series.completeness == "2/2")
        #expect(report.series.first { $0.title == "arm64: only on kvmarm" }?.lists == ["KVMARM"])
        #expect(report.entries.map(\.lists) == [["KVM", "KVMARM"], ["KVM", "KVMARM"], ["KVMARM"]])
        #expect(report.selection.commitCount == 7)
    }

    @Test func theTextNamesTheListsInTheTitleEachSeriesAndEachCrossPostedEntry() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (merged, selection) = try await Self.merged(try await Self.writeTwoLists(in: directory))
        let report = try ReportBuilder().build(merged: merged, selection: selection, options: ReportOptions())
        let text = TextRenderer().render(report)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[1].hasPrefix("KVM + KVMARM mailing list update from the first message to "))
        #expect(lines.filter { $0 == "  Lists: KVM, KVMARM" }.count == 1)
        #expect(lines.filter { $0 == "  Lists: KVMARM" }.count == 1)
        // The "New:" entries: a Lists line only under the cross-posted ones.
        #expect(lines.filter { $0 == "Lists: KVM, KVMARM" }.count == 2)
        #expect(!lines.contains("Lists: KVMARM"))
        #expect(
            lines.contains(
                "Accounting: 5 messages (4 patch mails, 1 replies, 0 other, 0 unparseable), 0 deleted, 2 cross-posted duplicates folded"
            ))
    }

    @Test func theJSONHasTheListsBesideTheExistingFieldsAndOneArchiveHasThemNull() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let inboxes = try await Self.writeTwoLists(in: directory)
        let (merged, selection) = try await Self.merged(inboxes)
        let report = try ReportBuilder().build(merged: merged, selection: selection, options: ReportOptions())
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try JSONRenderer().render(report).utf8)) as? [String: Any])
        #expect(json["lists"] as? [String] == ["KVM", "KVMARM"])
        #expect(json["list_name"] as? String == "KVM + KVMARM")
        #expect((json["accounting"] as? [String: Any])?["cross_posted_duplicates"] as? Int == 2)
        let series = try #require(json["series"] as? [[String: Any]])
        #expect(series.map { $0["lists"] as? [String] ?? [] } == [["KVM", "KVMARM"], ["KVMARM"]])
        let entries = try #require(json["entries"] as? [[String: Any]])
        #expect(entries.first?["lists"] as? [String] == ["KVM", "KVMARM"])

        let single = try await ReportBuilder().build(
            inbox: inboxes[0], range: RevisionRange(from: nil, to: nil), options: ReportOptions())
        let singleJSON = try JSONRenderer().render(single)
        // One archive: the keys are there (schema 3: no key is left out), with null.
        let singleObject = try #require(
            try JSONSerialization.jsonObject(with: Data(singleJSON.utf8)) as? [String: Any])
        #expect(singleObject["lists"] is NSNull)
        #expect((singleObject["accounting"] as? [String: Any])?["cross_posted_duplicates"] is NSNull)
        #expect(!singleJSON.contains("\"lists\" : ["))
        #expect(!TextRenderer().render(single).contains("Lists:"))
    }
}

/// A parsed deletion at a commit time, enough for the merge order.
struct ParsedMessageFixture {
    var parsed: ParsedMessage

    init(_ oid: String, _ time: Int64) {
        parsed = .deleted(CommitRef(epoch: 0, oid: oid, commitTime: time))
    }
}
