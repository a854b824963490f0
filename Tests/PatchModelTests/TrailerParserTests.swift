import MailParser
import PatchModel
import Testing

@Suite struct TrailerParserTests {
    @Test func commitTrailerBlockIsTheLastParagraph() {
        let message = """
            KVM: x86: Fix foo

            A paragraph of prose that happens to hold
            Reviewed-by: lines and
            Fixes: lines, which are text here.

            Fixes: 0123456789ab ("KVM: x86: Add foo")
            Reported-by: R <r@example.org>
            Link: https://lore.kernel.org/all/x@y
            [sean: reworded changelog]
            Signed-off-by: A Author <a@example.org>
            Co-developed-by: B <b@example.org>
            Cc: stable@vger.kernel.org
            """
        let trailers = TrailerParser.commitTrailers(in: message[...])
        #expect(trailers.map(\.name) == ["Fixes", "Reported-by", "Link", "Signed-off-by", "Co-developed-by", "Cc"])
        #expect(trailers.map(\.isPersonTrailer) == [false, true, false, true, true, true])
        #expect(trailers[0].value == "0123456789ab (\"KVM: x86: Add foo\")")
        #expect(trailers[0].person == nil)
        #expect(trailers[3].person == Mailbox(name: "A Author", address: "a@example.org"))
        #expect(trailers[5].person == Mailbox(name: "", address: "stable@vger.kernel.org"))
    }

    @Test func earlierAllTrailerParagraphsJoinTheBlock() {
        let message = "Title\n\nBody text.\n\nFixes: abc (\"x\")\n\nSigned-off-by: A <a@example.org>\n"
        let trailers = TrailerParser.commitTrailers(in: message[...])
        #expect(trailers.map(\.name) == ["Fixes", "Signed-off-by"])
    }

    @Test func lastParagraphWithoutTrailersGivesNone() {
        #expect(
            TrailerParser.commitTrailers(in: "Title\n\nSigned-off-by: A <a@example.org>\n\nJust text.\n"[...]).isEmpty)
    }

    @Test func continuationLineExtendsTheValue() {
        let trailers = TrailerParser.commitTrailers(in: "T\n\nLink: https://example.org/a\n  /b\n"[...])
        #expect(trailers.first?.value == "https://example.org/a /b")
    }

    @Test func replyCountsOnlyUnquotedTrailers() {
        let reply = """
            On 10/7/25 13:46, Philippe Mathieu-Daudé wrote:
            > KVM_PUT_FULL_STATE is the higher level defined so far.
            >
            > Signed-off-by: Philippe Mathieu-Daudé <philmd@linaro.org>
            >> Acked-by: Old Quote <old@example.org>
            > ---
            >   accel/kvm/kvm-all.c | 2 --

            Reviewed-by: Reviewer One <r1@linux.ibm.com>

            -- 
            Signed-off-by: in a signature <sig@example.org>
            """
        let trailers = TrailerParser.replyTrailers(in: reply[...])
        #expect(trailers.count == 1)
        #expect(trailers.first?.name == "Reviewed-by")
        #expect(trailers.first?.person == Mailbox(name: "Reviewer One", address: "r1@linux.ibm.com"))
    }
}
