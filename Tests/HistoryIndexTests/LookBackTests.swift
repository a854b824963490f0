import HistoryIndex
import InboxReader
import TestSupport
import Testing

/// The look-back queries answer from the index alone.
struct LookBackTests {
    @Test func firstPostAndEarlierVersions() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        func patch(_ subject: String, _ from: String, _ id: Int) -> ArchiveEntry {
            .mail(Array("From: \(from)\nSubject: \(subject)\nMessage-ID: <\(id)@x>\n\nText.\n---\n a | 1 +\n".utf8))
        }
        let inbox = directory.path + "/list"
        try await ArchiveWriter.writeEpoch(
            entries: [
                patch("[PATCH] net: fix the widget", "Ann <ann@example.org>", 1),
                patch("Re: [PATCH] net: fix the widget", "Bob <bob@example.org>", 2),
                patch("[PATCH v2] net: fix the widget", "Ann <ANN@example.org>", 3),
                patch("[PATCH] mm: other", "Bob <bob@example.org>", 4),
                patch("[PATCH v3] net: fix the widget", "Ann <ann@example.org>", 5),
            ], to: inbox + "/git/0.git")
        let index = try MessageIndex.open(at: directory.path + "/index.sqlite", create: true)
        _ = try await index.update(from: try Inbox.open(inbox))

        #expect(try index.firstPatchMail(byAuthor: "Ann@Example.org")?.messageID == "1@x")
        #expect(try index.firstPatchMail(byAuthor: "bob@example.org")?.messageID == "4@x")  // a reply is no post
        #expect(try index.firstPatchMail(byAuthor: "nobody@example.org") == nil)
        let v3 = ArchiveWriter.defaultFirstCommitTime + 4 * 60
        let earlier = try index.earlierPatchMails(
            title: "net: fix the widget", authorEmail: "ann@example.org", before: v3)
        #expect(earlier.map(\.version) == [nil, 2])
    }
}
