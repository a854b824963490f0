import Digest
import Foundation
import InboxReader
import TestSupport
import Testing

/// A whole real archive (kvm-ppc, 5,965 mails of 2009-2024): no crash, and every commit of the
/// range lands in exactly one bucket of the Accounting line.
@Suite(.enabled(if: SharedData.isAvailable, Comment(rawValue: SharedData.skipReason)))
struct CorpusAccountingTests {
    @Test func theWholeKvmPpcArchiveIsAccountedFor() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let inboxPath = directory.url.appendingPathComponent("kvm-ppc")
        let epoch = inboxPath.appendingPathComponent("git/0.git").path
        let bundle = SharedData.corpusBundle("kvm-ppc-0").path
        let clone = try CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["git", "clone", "-q", "--bare", bundle, epoch])
        try #require(clone.exitCode == 0, "git clone failed: \(clone.standardError)")
        let count = try CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["git", "--git-dir=\(epoch)", "rev-list", "--count", "HEAD"])
        let commits = try #require(Int(count.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)))

        let report = try await ReportBuilder().build(
            inbox: try Inbox.open(inboxPath.path), range: RevisionRange(from: nil, to: nil), options: ReportOptions())
        let accounting = report.accounting
        #expect(accounting.messages + accounting.deleted == commits)
        #expect(accounting.patchMails > 0 && accounting.replies > 0)
        #expect(report.contributors.map(\.count).reduce(0, +) <= accounting.patchMails)
        #expect(report.patchList.count == accounting.patchMails)
        #expect(report.listName == "KVM-PPC")
        let text = TextRenderer().render(report)
        #expect(!text.contains("=?utf-8?") && !text.contains("=?UTF-8?"))
    }
}
