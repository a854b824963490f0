import MailParser
import PatchModel
import Testing

@Suite struct ReplyTrailerTests {
    static let replier = Mailbox(name: "Jane Doe", address: "jane@example.org")

    @Test func quotedTrailerDoesNotCount() {
        let body = "> Reviewed-by: Old Quote <old@example.org>\n>> Acked-by: Older <older@example.org>\n\nLooks fine.\n"
        #expect(TrailerParser.replyTrailers(in: body[...], replier: Self.replier).isEmpty)
    }

    /// b4 takes `^\s*Token: value`: a review written indented under the quote still counts
    /// (kvmarm: Vladimir Murzin's Reviewed-by of "KVM: arm64: Drop useless PAN setting").
    @Test func indentedTrailerCounts() {
        let body = "> Signed-off-by: Author <author@example.org>\n\n    Reviewed-by: Jane Doe <jane@example.org>\n"
        let trailers = TrailerParser.replyTrailers(in: body[...], replier: Self.replier)
        #expect(trailers.map(\.name) == ["Reviewed-by"])
        #expect(trailers.first?.person == Self.replier)
    }

    @Test func trailerBelowTheSignatureDoesNotCount() {
        let body = "Looks good.\n\n-- \nReviewed-by: Jane Doe <jane@example.org>\n"
        #expect(TrailerParser.replyTrailers(in: body[...], replier: Self.replier).isEmpty)
    }

    @Test func reviewedByInsideAQuotedPatchDoesNotCount() {
        let body = """
            On Tue, Jane wrote:
            > Fix the thing.
            >
            > Reviewed-by: Someone Else <else@example.org>
            > Signed-off-by: Author <author@example.org>
            > ---
            > diff --git a/x b/x
            > +Reviewed-by: in a diff <diff@example.org>

            Tested-by: Jane Doe <jane@example.org>
            """
        let trailers = TrailerParser.replyTrailers(in: body[...], replier: Self.replier)
        #expect(trailers.map(\.name) == ["Tested-by"])
        #expect(trailers.map(\.type) == [.testedBy])
        #expect(trailers.map(\.isMismatched) == [false])
    }

    @Test func typesReviewTrailersAndKeepsOthersAsOther() {
        let body = """
            Reviewed-by: Jane Doe <jane@example.org>
            Acked-by: Jane Doe <jane@example.org>
            Nacked-by: Jane Doe <jane@example.org>
            Reported-by: Jane Doe <jane@example.org>
            Suggested-by: Jane Doe <jane@example.org>
            Fixes: 0123456789ab ("x: y")
            Cc: Someone <someone@example.org>
            Reviewed-by: no address here
            """
        let trailers = TrailerParser.replyTrailers(in: body[...], replier: Self.replier)
        #expect(trailers.map(\.type) == [.reviewedBy, .ackedBy, .nackedBy, .other, .other, .utility])
    }

    @Test func mismatchedTrailerIsKeptAndFlagged() {
        let body = "Reviewed-by: Someone Else <else@example.org>\n"
        let trailers = TrailerParser.replyTrailers(in: body[...], replier: Self.replier)
        #expect(trailers.count == 1)
        #expect(trailers.first?.isMismatched == true)
    }

    @Test func nameMatchIsNoMismatch() {
        let body = "Reviewed-by: jane doe <jane.doe@work.example.com>\n"
        #expect(TrailerParser.replyTrailers(in: body[...], replier: Self.replier).first?.isMismatched == false)
    }

    @Test(arguments: ["JANE@Example.ORG", "jane+kvm@example.org", "jane@mail.example.org"])
    func addressMatchIsNoMismatch(address: String) {
        let body = "Acked-by: J. D. <\(address)>\n"
        #expect(TrailerParser.replyTrailers(in: body[...], replier: Self.replier).first?.isMismatched == false)
    }

    @Test func commaNameOfTheReplierMatchesItsParts() {
        let replier = Mailbox(name: "Doe, Jane", address: "jd@corp.example")
        let body = "Reviewed-by: Jane Doe <jane@example.org>\n"
        #expect(TrailerParser.replyTrailers(in: body[...], replier: replier).first?.isMismatched == false)
    }

    @Test func multiLineTrailersAreJoined() {
        let body = """
            Reviewed-by: A Rather Long Name Indeed
             <long@example.org>
            Fixes: 0123456789ab ("KVM: x86: a subject that
            goes on")
            Acked-by: Jane Doe <jane@example.org>
              this indented prose is no part of the ack
            """
        let trailers = TrailerParser.replyTrailers(in: body[...], replier: Self.replier)
        #expect(trailers.map(\.name) == ["Reviewed-by", "Fixes", "Acked-by"])
        #expect(trailers[0].person == Mailbox(name: "A Rather Long Name Indeed", address: "long@example.org"))
        #expect(trailers[0].isMismatched)
        #expect(trailers[1].value == "0123456789ab (\"KVM: x86: a subject that goes on\")")
        #expect(trailers[2].value == "Jane Doe <jane@example.org>")
    }

    @Test func replyFactsCarryTheFlagsAgainstTheRepairedSender() throws {
        let mail = """
            From: Jane Doe via Lists <list@lists.example.org>
            X-Original-From: Jane Doe <jane@example.org>
            List-Id: <list.lists.example.org>
            Subject: Re: [PATCH 1/2] x: y
            Message-ID: <r@example.org>

            Reviewed-by: Jane Doe <jane@example.org>
            Reviewed-by: Other Person <other@example.org>
            """
        let facts = MessageFacts(commit: "c", mail: MailMessage(bytes: Array(mail.utf8)))
        #expect(facts.kind == .reply)
        #expect(facts.trailers.map(\.isMismatched) == [false, true])
        #expect(facts.trailers.map(\.type) == [.reviewedBy, .reviewedBy])
    }
}

extension ReplyTrailerTests {
    @Test func commentInTheNameIsIgnored() {
        let replier = Mailbox(name: "Russell King (Oracle)", address: "linux@armlinux.org.uk")
        let body = "Reviewed-by: Russell King (Oracle) <rmk+kernel@armlinux.org.uk>\n"
        #expect(TrailerParser.replyTrailers(in: body[...], replier: replier).first?.isMismatched == false)
    }
}

extension ReplyTrailerTests {
    @Test func nameWithAnUnquotedCommaKeepsItsAddress() throws {
        let replier = Mailbox(name: "Yi Liu", address: "yi.l.liu@linux.intel.com")
        let trailers = TrailerParser.replyTrailers(
            in: "Reviewed-by: Liu, Yi L <yi.l.liu@linux.intel.com>\n"[...], replier: replier)
        let trailer = try #require(trailers.first)
        #expect(trailer.person == Mailbox(name: "Liu, Yi L", address: "yi.l.liu@linux.intel.com"))
        #expect(!trailer.isMismatched)
    }
}
