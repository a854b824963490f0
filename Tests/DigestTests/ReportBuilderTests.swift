import Foundation
import InboxReader
import TestSupport
import Testing

@testable import Digest

/// The whole path on a synthetic archive: git, parsing on every core, aggregation.
@Suite struct ReportBuilderTests {
    private static func mail(
        _ subject: String, from: String = "Ann Lee <ann@example.org>", listID: String? = "<widgets.lists.example.org>"
    ) -> ArchiveEntry {
        var text = "From: \(from)\nSubject: \(subject)\nMessage-ID: <\(subject.hashValue)@x>\n"
        if let listID { text += "List-Id: \(listID)\n" }
        text += "\nBody.\n"
        return .mail(Array(text.utf8))
    }

    @Test func everyCommitOfTheRangeIsAccountedForOnce() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let epoch = directory.url.appendingPathComponent("list/git/0.git").path
        var entries: [ArchiveEntry] = []
        for index in 0..<700 {
            switch index % 7 {
            case 0: entries.append(.deletion(Array("deleted \(index)".utf8)))
            case 1, 2: entries.append(Self.mail("Re: [PATCH] p\(index)"))
            case 3: entries.append(.mail([0xFF, 0x00, 0xFE]))
            case 4: entries.append(Self.mail("hello \(index)"))
            default: entries.append(Self.mail("[PATCH] p\(index)", from: "P\(index % 3) <p\(index % 3)@example.org>"))
            }
        }
        try await ArchiveWriter.writeEpoch(entries: entries, to: epoch)
        let inbox = try Inbox.open(directory.url.appendingPathComponent("list").path)
        let report = try await ReportBuilder().build(
            inbox: inbox, range: RevisionRange(from: nil, to: nil), options: ReportOptions())
        #expect(report.accounting.deleted == 100)
        #expect(report.accounting.replies == 200)
        #expect(report.accounting.unparseable == 100)
        #expect(report.accounting.other == 100)
        #expect(report.accounting.patchMails == 200)
        #expect(report.accounting.messages + report.accounting.deleted == 700)
        #expect(report.listName == "WIDGETS")
        #expect(report.patchList.count == 200)
        // Archive order survives parsing in parallel.
        let numbers = report.patchList.map { Int($0.subject.dropFirst("[PATCH] p".count)) ?? -1 }
        #expect(numbers == numbers.sorted())
    }

    @Test func theListNameFallsBackToTheDirectoryName() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let epoch = directory.url.appendingPathComponent("kvm-ppc/git/0.git").path
        try await ArchiveWriter.writeEpoch(entries: [Self.mail("[PATCH] x", listID: nil)], to: epoch)
        let inbox = try Inbox.open(directory.url.appendingPathComponent("kvm-ppc").path)
        let report = try await ReportBuilder().build(
            inbox: inbox, range: RevisionRange(from: nil, to: nil), options: ReportOptions())
        #expect(report.listName == "KVM-PPC")
        let named = try await ReportBuilder().build(
            inbox: inbox, range: RevisionRange(from: nil, to: nil), options: ReportOptions(listName: "PowerPC KVM"))
        #expect(named.listName == "PowerPC KVM")
    }
}
