import Digest
import Foundation
import InboxReader
import MailParser
import PatchModel
import TestSupport
import Testing

/// The report reads `MessageFacts` gathered with `Detail.report`; it must be the report that
/// `Detail.full` facts give, mail for mail.
@Suite(.enabled(if: SharedData.isAvailable, Comment(rawValue: SharedData.skipReason)))
struct ReportDetailTests {
    static func report(_ mails: [(String, [UInt8])], detail: MessageFacts.Detail) throws -> Report {
        var aggregator = ReportAggregator()
        for (index, (name, bytes)) in mails.enumerated() {
            let facts = MessageFacts(commit: name, mail: MailMessage(bytes: bytes), detail: detail)
            aggregator.add(facts, receivedAt: 1_760_000_000 + Int64(index) * 60)
        }
        let selection = Selection(fromLabel: nil, toLabel: "HEAD", firstCommitTime: nil, lastCommitTime: nil)
        return try aggregator.report(listName: "KVM", selection: selection, top: 15)
    }

    @Test func theSeedMailsGiveTheSameReportWithEitherDetail() throws {
        let folder = SharedData.seedFixture.appendingPathComponent("mails")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".eml") }.sorted()
        try #require(files.count > 10)
        var mails = try files.map { ($0, Array(try Data(contentsOf: folder.appendingPathComponent($0)))) }
        // A mail without a header block: its first problem is the reason the report prints.
        mails.append(("garbage", Array("not a mail at all\n".utf8)))
        let full = try Self.report(mails, detail: .full)
        let lean = try Self.report(mails, detail: .report)
        #expect(lean == full)
        #expect(!full.entries.isEmpty && !full.patchList.isEmpty)
    }

    @Test func aReplyKeepsWhatTheSeriesRulesRead() throws {
        let text = """
            From: Jane <jane@example.org>
            Subject: Re: [PATCH 2/3] KVM: x86: fix it
            Message-ID: <r1@example.org>
            In-Reply-To: <p2@example.org>
            References: <p0@example.org> <p2@example.org>
            Date: Tue, 7 Oct 2025 15:14:12 -0700
            List-Id: <kvm.vger.kernel.org>

            > quoted
            > Acked-by: Someone <someone@example.org>

            Reviewed-by: Jane <jane@example.org>

            """
        let mail = MailMessage(bytes: Array(text.utf8))
        let full = MessageFacts(commit: "c", mail: mail, detail: .full)
        let lean = MessageFacts(commit: "c", mail: mail, detail: .report)
        #expect(full.kind == .reply && lean.kind == .reply)
        #expect(lean.listID == "kvm.vger.kernel.org")
        #expect(lean.messageID == "r1@example.org" && lean.inReplyTo == "p2@example.org")
        #expect(lean.references == ["p0@example.org", "p2@example.org"])
        #expect(lean.sender?.address == "jane@example.org")
        #expect(lean.trailers.count == 1 && lean.trailers == full.trailers)
        // What the report does not read stays empty.
        #expect(lean.date == nil && full.date != nil)
        #expect(ThreadMessage(facts: lean, receivedAt: 5) == ThreadMessage(facts: full, receivedAt: 5))
    }

    /// `.report` and `.full` agree, mail for mail, on every field the series rules read (the
    /// thread view) and on the pull request; they differ only in what nobody reads.
    @Test func theSeedMailsGiveTheSameThreadViewWithEitherDetail() throws {
        let folder = SharedData.seedFixture.appendingPathComponent("mails")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".eml") }.sorted()
        try #require(files.count > 10)
        var patchIDs = 0
        for file in files {
            let mail = MailMessage(bytes: Array(try Data(contentsOf: folder.appendingPathComponent(file))))
            let full = MessageFacts(commit: file, mail: mail, detail: .full)
            let lean = MessageFacts(commit: file, mail: mail, detail: .report)
            #expect(ThreadMessage(facts: lean, receivedAt: 1) == ThreadMessage(facts: full, receivedAt: 1), "\(file)")
            #expect(lean.pullRequest == full.pullRequest && lean.botName == full.botName, "\(file)")
            #expect(lean.appliedNotice == full.appliedNotice, "\(file)")
            if lean.patchID != nil { patchIDs += 1 }
        }
        #expect(patchIDs > 10)
    }

    @Test func aLaterPatchKeepsItsAuthorButNoEntry() throws {
        let text = """
            From: Sean <seanjc@google.com>
            Subject: [PATCH v2 2/3] KVM: x86: fix it
            Message-ID: <p2@example.org>
            In-Reply-To: <p0@example.org>
            Date: Tue, 7 Oct 2025 15:14:12 -0700
            List-Id: <kvm.vger.kernel.org>

            From: Shivank Garg <shivankg@amd.com>

            Fix it.

            Signed-off-by: Shivank Garg <shivankg@amd.com>
            ---
             a.c | 1 +
             1 file changed, 1 insertion(+)

            """
        let mail = MailMessage(bytes: Array(text.utf8))
        let lean = MessageFacts(commit: "c", mail: mail, detail: .report)
        #expect(lean.kind == .patch && lean.number == 2 && lean.version == 2)
        #expect(lean.author?.address == "shivankg@amd.com")
        #expect(lean.messageID == "p2@example.org" && lean.inReplyTo == "p0@example.org")
        #expect(lean.entryText == nil && lean.trailers.isEmpty)
        let full = MessageFacts(commit: "c", mail: mail, detail: .full)
        #expect(full.entryText != nil && full.trailers.count == 1)
    }
}
