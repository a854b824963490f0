import PatchModel
import Testing

@testable import Digest

/// The series look-ups over several archives' histories: every archive asked, one answer per
/// Message-ID, the copy received first (issue 14).
@Suite struct MergedSeriesLookupTests {
    static func message(
        _ id: String, at time: Int64, inReplyTo: String? = nil, title: String = "widget: fix", changeID: String? = nil,
        kind: MessageKind = .patch
    ) -> ThreadMessage {
        ThreadMessage(
            messageID: id, inReplyTo: inReplyTo, references: inReplyTo.map { [$0] } ?? [], receivedAt: time,
            authorEmail: "ann@example.org", authorName: "Ann", kind: kind, subject: "[PATCH] \(title)", title: title,
            changeID: changeID)
    }

    /// KVM holds the patch (received at 100) and a reply; KVMARM holds the same patch (received
    /// at 90, cross-posted) and a reply of its own.
    static let kvm = InMemorySeriesLookup(messages: [
        message("p@x", at: 100, changeID: "c1"), message("r1@x", at: 200, inReplyTo: "p@x", kind: .reply),
    ])
    static let kvmarm = InMemorySeriesLookup(messages: [
        message("p@x", at: 90, changeID: "c1"), message("r2@x", at: 150, inReplyTo: "p@x", kind: .reply),
    ])

    @Test func aMessageInSeveralArchivesIsTheCopyReceivedFirst() {
        let merged = MergedSeriesLookup(lookups: [Self.kvm, Self.kvmarm])
        #expect(merged.message(id: "p@x")?.receivedAt == 90)
        #expect(merged.message(id: "r1@x")?.receivedAt == 200)
        #expect(merged.message(id: "r2@x")?.receivedAt == 150)
        #expect(merged.message(id: "nowhere@x") == nil)
        #expect(merged.earlierVersions(changeID: "c1").map(\.receivedAt) == [90])
        #expect(
            merged.earlierVersions(title: "widget: fix", authorEmail: "ANN@example.org", before: 1000, notBefore: 0)
                .map(\.receivedAt) == [90])
    }

    @Test func aThreadIsEveryArchivesRepliesOnce() {
        let merged = MergedSeriesLookup(lookups: [Self.kvm, Self.kvmarm])
        #expect(merged.messages(inThreadOf: "p@x").map(\.messageID).sorted() == ["r1@x", "r2@x"])
        // One archive alone answers as before.
        #expect(MergedSeriesLookup(lookups: [Self.kvm]).messages(inThreadOf: "p@x").map(\.messageID) == ["r1@x"])
    }

    @Test func firstReceivedKeepsTheOrderOfFirstAppearanceAndTheEarliestCopy() {
        let answers = [
            Self.message("a@x", at: 5), Self.message("b@x", at: 3), Self.message("a@x", at: 4),
            Self.message("a@x", at: 4), Self.message("b@x", at: 3),
        ]
        let kept = MergedSeriesLookup.firstReceived(answers)
        #expect(kept.map(\.messageID) == ["a@x", "b@x"])
        #expect(kept.map(\.receivedAt) == [4, 3])
    }
}
