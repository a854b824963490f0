import Foundation
import InboxReader
import MailParser
import PatchModel
import Testing

@testable import Digest

@Suite struct MessageRecordTests {
    static func line(_ mail: String) throws -> String {
        let facts = MessageFacts(commit: "abc123", mail: MailMessage(bytes: Array(mail.utf8)))
        return String(decoding: try MessageRecord.makeEncoder().encode(MessageRecord(facts)), as: UTF8.self)
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

        """

    /// No Message-ID, no Date; quotes, a backslash, a slash, a tab, a control character and
    /// non-ASCII text; a trailer without a person.
    static let awkward = """
        From: "Doe, Jane" <jane@example.org>
        Subject: [RFC PATCH RESEND] a/b: "quoted" back\\slash\ttab \u{7}bell caf\u{E9} \u{65E5}\u{672C}
        Content-Type: text/plain; charset=utf-8

        Fix it.

        Fixes: 1234567 ("a/b")
        Signed-off-by: Jane Doe <jane@example.org>
        ---
         1 file changed, 1 insertion(+)

        """

    @Test func aLineHasEveryKeyInAlphabeticalOrderWithPeopleAsNameAndEmail() throws {
        let line = try Self.line(Self.sentForSomeoneElse)
        #expect(line.contains(#""author":{"email":"shivankg@amd.com","name":"Shivank Garg"}"#))
        #expect(line.contains(#""message_id":"20251007221420.344669-5-seanjc@google.com""#))
        #expect(line.contains(#""body_first_line":"Add a dedicated gmem_inode structure.""#))
        #expect(line.contains(#""kind":"patch""#))
        #expect(line == Self.sentForSomeoneElseLine)
    }

    @Test func missingValuesAreNullAndEveryStringIsEscaped() throws {
        #expect(try Self.line(Self.awkward) == Self.awkwardLine)
    }

    /// The lines `lore-digest messages` wrote before its JSON shape had one home, byte for byte.
    static let sentForSomeoneElseLine = #"{"author":{"email":"shivankg@amd.com","name":"Shivank Garg"},"body_first_line":"Add a dedicated gmem_inode structure.","commit":"abc123","date":"2025-10-07T22:14:12Z","in_reply_to":"20251007221420.344669-1-seanjc@google.com","kind":"patch","list_id":"kvm.vger.kernel.org","message_id":"20251007221420.344669-5-seanjc@google.com","number":4,"problems":[],"references":["20251007221420.344669-1-seanjc@google.com"],"resend":false,"rfc":false,"sender":{"email":"seanjc@google.com","name":"Sean Christopherson"},"subject":"[PATCH v12 04/12] KVM: guest_memfd: Add slab-allocated inode cache","total":12,"trailers":[{"is_person":true,"name":"Signed-off-by","person":{"email":"shivankg@amd.com","name":"Shivank Garg"},"value":"Shivank Garg <shivankg@amd.com>"},{"is_person":true,"name":"Co-developed-by","person":{"email":"seanjc@google.com","name":"Sean Christopherson"},"value":"Sean Christopherson <seanjc@google.com>"},{"is_person":true,"name":"Signed-off-by","person":{"email":"seanjc@google.com","name":"Sean Christopherson"},"value":"Sean Christopherson <seanjc@google.com>"}],"version":12}"#
    static let awkwardLine = #"{"author":{"email":"jane@example.org","name":"Doe, Jane"},"body_first_line":"Fix it.","commit":"abc123","date":null,"in_reply_to":null,"kind":"patch","list_id":null,"message_id":null,"number":null,"problems":["no Message-ID header","no Date header"],"references":[],"resend":true,"rfc":true,"sender":{"email":"jane@example.org","name":"Doe, Jane"},"subject":"[RFC PATCH RESEND] a/b: \"quoted\" back\\slash tab \u0007bell café 日本","total":null,"trailers":[{"is_person":false,"name":"Fixes","value":"1234567 (\"a/b\")"},{"is_person":true,"name":"Signed-off-by","person":{"email":"jane@example.org","name":"Jane Doe"},"value":"Jane Doe <jane@example.org>"}],"version":null}"#

    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00Z"),
        (Int64(1_759_875_836), "2025-10-07T22:23:56Z"),
        (Int64(951_782_400), "2000-02-29T00:00:00Z"),
        (Int64(-1), "1969-12-31T23:59:59Z"),
        (Int64(4_102_444_800), "2100-01-01T00:00:00Z"),
    ])
    func formatsDatesAsUTCISO8601(seconds: Int64, expected: String) {
        #expect(DateText.iso8601(seconds) == expected)
    }
}
