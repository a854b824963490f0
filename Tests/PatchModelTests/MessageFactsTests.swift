import Foundation
import MailParser
import PatchModel
import Testing

@Suite struct MessageFactsTests {
    static func facts(_ text: String) -> MessageFacts {
        MessageFacts(commit: "abc123", mail: MailMessage(bytes: Array(text.utf8)))
    }

    static let sentForSomeoneElse = """
        From: Sean Christopherson <seanjc@google.com>
        To: kvm@vger.kernel.org
        Subject: [PATCH v12 04/12] KVM: guest_memfd: Add slab-allocated
         inode cache
        Message-ID: <20251007221420.344669-5-seanjc@google.com>
        In-Reply-To: <20251007221420.344669-1-seanjc@google.com>
        References: <20251007221420.344669-1-seanjc@google.com>
        Date: Tue, 7 Oct 2025 15:14:12 -0700
        List-Id: <kvm.vger.kernel.org>

        From: Shivank Garg <shivankg@amd.com>

        Add a dedicated gmem_inode structure.

        Signed-off-by: Shivank Garg <shivankg@amd.com>
        Co-developed-by: Sean Christopherson <seanjc@google.com>
        Signed-off-by: Sean Christopherson <seanjc@google.com>
        ---
         virt/kvm/guest_memfd.c | 3 ++-
         1 file changed, 2 insertions(+), 1 deletion(-)

        diff --git a/virt/kvm/guest_memfd.c b/virt/kvm/guest_memfd.c
        --- a/virt/kvm/guest_memfd.c
        +++ b/virt/kvm/guest_memfd.c
        @@ -1 +1,2 @@
        -x
        +y
        +z
        -- 
        2.51.0.710.ga91ca5db03-goog

        """

    @Test func patchSentForItsAuthor() {
        let facts = Self.facts(Self.sentForSomeoneElse)
        #expect(facts.kind == .patch)
        #expect(facts.commit == "abc123")
        #expect(facts.messageID == "20251007221420.344669-5-seanjc@google.com")
        #expect(facts.inReplyTo == "20251007221420.344669-1-seanjc@google.com")
        #expect(facts.references == ["20251007221420.344669-1-seanjc@google.com"])
        #expect(facts.listID == "kvm.vger.kernel.org")
        #expect(facts.subject == "[PATCH v12 04/12] KVM: guest_memfd: Add slab-allocated inode cache")
        #expect(facts.title == "KVM: guest_memfd: Add slab-allocated inode cache")
        #expect(facts.sender == Mailbox(name: "Sean Christopherson", address: "seanjc@google.com"))
        #expect(facts.author == Mailbox(name: "Shivank Garg", address: "shivankg@amd.com"))
        #expect(facts.isAuthorFromBody)
        #expect(facts.version == 12)
        #expect(facts.number == 4)
        #expect(facts.total == 12)
        #expect(facts.firstLine == "Add a dedicated gmem_inode structure.")
        #expect(
            facts.entryText == """
                Add a dedicated gmem_inode structure.

                Signed-off-by: Shivank Garg <shivankg@amd.com>
                Co-developed-by: Sean Christopherson <seanjc@google.com>
                Signed-off-by: Sean Christopherson <seanjc@google.com>
                ---
                 virt/kvm/guest_memfd.c | 3 ++-
                 1 file changed, 2 insertions(+), 1 deletion(-)
                """)
        #expect(facts.diffstat == Diffstat(filesChanged: 1, insertions: 2, deletions: 1))
        #expect(facts.trailers.map(\.name) == ["Signed-off-by", "Co-developed-by", "Signed-off-by"])
        #expect(facts.date?.secondsSince1970 == 1_759_875_252)
    }

    @Test func dmarcRewrittenFromIsRepaired() {
        let facts = Self.facts(
            """
            From: Jane Doe via Virtualization <virtualization@lists.linux-foundation.org>
            Reply-To: Jane Doe <jane@example.org>
            X-Mailing-List: virtualization@lists.linux-foundation.org
            Subject: [PATCH] virtio: fix

            Fix it.
            """)
        #expect(facts.sender == Mailbox(name: "Jane Doe", address: "jane@example.org"))
        #expect(facts.author == facts.sender)
        #expect(!facts.isAuthorFromBody)
    }

    @Test func dmarcRewrittenFromPrefersXOriginalFrom() {
        let facts = Self.facts(
            """
            From: "Jane Doe via Virtualization" <virtualization@lists.linux-foundation.org>
            X-Original-From: Jane Doe <jane@example.org>
            Reply-To: virtualization@lists.linux-foundation.org
            List-Id: <virtualization.lists.linux-foundation.org>
            Subject: [PATCH] virtio: fix

            Fix it.
            """)
        #expect(facts.author == Mailbox(name: "Jane Doe", address: "jane@example.org"))
    }

    @Test func reviewReplyCountsItsOwnTrailersOnly() {
        let facts = Self.facts(
            """
            From: Reviewer <r@example.org>
            Subject: Re: [PATCH 1/3] accel/kvm: x

            On 10/7/25, A wrote:
            > Signed-off-by: A <a@example.org>

            Reviewed-by: Reviewer <r@example.org>
            """)
        #expect(facts.kind == .reply)
        #expect(facts.entryText == nil)
        #expect(facts.firstLine == nil)
        #expect(facts.trailers.map(\.name) == ["Reviewed-by"])
        #expect(facts.trailers.first?.person == Mailbox(name: "Reviewer", address: "r@example.org"))
    }

    @Test func coverLetterEntryStopsAtTheSignature() {
        let facts = Self.facts(
            """
            From: A <a@example.org>
            Subject: [PATCH 0/2] series

            This series does two things.

            A (2):
              one
              two

             2 files changed, 3 insertions(+)

            -- 
            2.43.0
            """)
        #expect(facts.kind == .cover)
        #expect(facts.number == 0)
        #expect(
            facts.entryText
                == "This series does two things.\n\nA (2):\n  one\n  two\n\n 2 files changed, 3 insertions(+)")
        #expect(facts.diffstat == Diffstat(filesChanged: 2, insertions: 3, deletions: 0))
    }

    @Test func crlfMail() {
        let facts = Self.facts(
            "From: A <a@example.org>\r\nSubject: [PATCH] x: y\r\n\r\nFix.\r\n\r\nSigned-off-by: A <a@example.org>\r\n---\r\n 1 file changed, 1 insertion(+)\r\n\r\ndiff --git a/x b/x\r\n"
        )
        #expect(facts.kind == .patch)
        #expect(facts.entryText == "Fix.\n\nSigned-off-by: A <a@example.org>\n---\n 1 file changed, 1 insertion(+)")
        #expect(facts.trailers.count == 1)
    }

    @Test func mailWithoutHeaderIsUnparseable() {
        let facts = Self.facts("")
        #expect(facts.kind == .unparseable)
        #expect(facts.author == nil)
        #expect(!facts.problems.isEmpty)
    }
}
