import MailParser
import PatchModel
import Testing

@Suite struct ThreadMessageFactsTests {
    static func message(subject: String, body: String, inReplyTo: String? = nil) -> ThreadMessage? {
        var mail = "From: Jane Doe <jane@example.org>\nSubject: \(subject)\nMessage-ID: <m@example.org>\n"
        if let inReplyTo { mail += "In-Reply-To: <\(inReplyTo)>\n" }
        mail += "\n\(body)"
        let facts = MessageFacts(commit: "c", mail: MailMessage(bytes: Array(mail.utf8)))
        return ThreadMessage(facts: facts, receivedAt: 1)
    }

    static let diff = """
        Fix it.

        Signed-off-by: Jane Doe <jane@example.org>
        ---
        diff --git a/f b/f
        --- a/f
        +++ b/f
        @@ -1 +1 @@
        -a
        +b

        """

    @Test func aPatchKeepsItsSubjectAndTitle() throws {
        let patch = try #require(Self.message(subject: "[PATCH v2 1/3] KVM: fix it", body: Self.diff))
        #expect(patch.kind == .patch)
        #expect(patch.subject == "[PATCH v2 1/3] KVM: fix it")
        #expect(patch.title == "KVM: fix it")
    }

    @Test func anAnswerKeepsNeitherItsSubjectNorItsTitle() throws {
        let reply = try #require(
            Self.message(
                subject: "Re: [PATCH v2 1/3] KVM: fix it", body: "Reviewed-by: Jane Doe <jane@example.org>\n",
                inReplyTo: "p@example.org"))
        #expect(reply.kind == .reply)
        #expect(reply.subject == "")
        #expect(reply.title == "")
        #expect(reply.trailers.map(\.type) == [.reviewed])
    }
}
