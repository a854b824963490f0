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
        #expect(line == Self.sentForSomeoneElseSeriesLine)
    }

    /// The keys of the first version keep their values; the keys added since are all present.
    @Test(arguments: [
        (MessageRecordTests.sentForSomeoneElse, MessageRecordTests.sentForSomeoneElseLine),
        (MessageRecordTests.awkward, MessageRecordTests.awkwardLine),
    ])
    func theFirstVersionsKeysKeepTheirValues(mail: String, firstVersion: String) throws {
        let line = try #require(try Self.object(Self.line(mail)))
        let old = try #require(try Self.object(firstVersion))
        for (key, value) in old {
            if key == "trailers" {
                // Trailers gained `type` and `mismatch`: the other keys are those of the first version.
                let trailers = try #require(line[key] as? [[String: Any]])
                let oldTrailers = try #require(value as? [[String: Any]])
                #expect(trailers.count == oldTrailers.count)
                for (new, first) in zip(trailers, oldTrailers) {
                    #expect(try Self.canonical(new.filter { first[$0.key] != nil }) == Self.canonical(first))
                    #expect(new["type"] is String && new["mismatch"] is Bool)
                }
            } else {
                #expect(try Self.canonical(line[key] as Any) == Self.canonical(value), "\(key)")
            }
        }
        let added = Set(line.keys).subtracting(old.keys)
        #expect(added == ["patch_id", "change_id", "minor_version", "bot", "applied", "pull_request"])
    }

    @Test func missingValuesAreNullAndEveryStringIsEscaped() throws {
        #expect(try Self.line(Self.awkward) == Self.awkwardSeriesLine)
    }

    @Test func anAppliedNoticeAndAPullRequestAreObjectsWithEveryKey() throws {
        let thanks = try #require(
            try Self.object(
                Self.line(
                    """
                    From: Maintainer <maint@example.com>
                    Subject: Re: [PATCH v2 0/2] widget: speed up
                    Message-ID: <ty@example.org>

                    Applied to widget-next, thanks!

                    [1/2] widget: first
                          commit: 0123456789ab

                    Best regards,
                    """)))
        let applied = try #require(thanks["applied"] as? [String: Any])
        #expect(applied["form"] as? String == "b4-thank-you")
        #expect(applied["branch"] as? String == "widget-next")
        #expect(applied["repository"] is NSNull)
        #expect(Set(applied.keys) == ["form", "branch", "repository", "commits", "positions", "by", "statement"])
        let commit = try #require((applied["commits"] as? [[String: Any]])?.first)
        #expect(Set(commit.keys) == ["position", "total", "subject", "sha", "url"])
        #expect(commit["sha"] as? String == "0123456789ab")
        #expect(commit["url"] is NSNull)
        #expect((applied["by"] as? [String: Any])?["email"] as? String == "maint@example.com")
        #expect(thanks["pull_request"] is NSNull)

        let pull = try #require(
            try Self.object(
                Self.line(
                    """
                    From: Maintainer <maint@example.com>
                    Subject: [GIT PULL] widget fixes
                    Message-ID: <pull@example.org>

                    The following changes since commit \(String(repeating: "a", count: 40)):

                      Linux 6.2 (2025-10-01)

                    are available in the Git repository at:

                      git://example.org/widget.git tags/widget-fixes

                    for you to fetch changes up to \(String(repeating: "b", count: 40)):

                     a.c | 2 +-
                     1 file changed, 1 insertion(+), 1 deletion(-)
                    """)))
        let request = try #require(pull["pull_request"] as? [String: Any])
        #expect(request["repository"] as? String == "git://example.org/widget.git")
        #expect(request["ref"] as? String == "tags/widget-fixes")
        #expect(request["head_commit"] as? String == String(repeating: "b", count: 40))
        let stat = try #require(request["diffstat"] as? [String: Any])
        #expect(stat["files_changed"] as? Int == 1 && stat["insertions"] as? Int == 1 && stat["deletions"] as? Int == 1)
        #expect(pull["applied"] is NSNull)
    }

    /// A decoded JSON value as sorted JSON text, to compare two of them.
    static func canonical(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys]), as: UTF8.self)
    }

    static func object(_ line: String) throws -> [String: Any]? {
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
    }

    /// The lines of the current version (with the facts of series).
    static let sentForSomeoneElseSeriesLine =
        #"{"applied":null,"author":{"email":"shivankg@amd.com","name":"Shivank Garg"},"body_first_line":"Add a dedicated gmem_inode structure.","bot":null,"change_id":null,"commit":"abc123","date":"2025-10-07T22:14:12Z","in_reply_to":"20251007221420.344669-1-seanjc@google.com","kind":"patch","list_id":"kvm.vger.kernel.org","message_id":"20251007221420.344669-5-seanjc@google.com","minor_version":null,"number":4,"patch_id":"b18d3a0b2f3bade7961e2032bb54ad6e1b013e36","problems":[],"pull_request":null,"references":["20251007221420.344669-1-seanjc@google.com"],"resend":false,"rfc":false,"sender":{"email":"seanjc@google.com","name":"Sean Christopherson"},"subject":"[PATCH v12 04/12] KVM: guest_memfd: Add slab-allocated inode cache","total":12,"trailers":[{"is_person":true,"mismatch":false,"name":"Signed-off-by","person":{"email":"shivankg@amd.com","name":"Shivank Garg"},"type":"other","value":"Shivank Garg <shivankg@amd.com>"},{"is_person":true,"mismatch":false,"name":"Co-developed-by","person":{"email":"seanjc@google.com","name":"Sean Christopherson"},"type":"other","value":"Sean Christopherson <seanjc@google.com>"},{"is_person":true,"mismatch":false,"name":"Signed-off-by","person":{"email":"seanjc@google.com","name":"Sean Christopherson"},"type":"other","value":"Sean Christopherson <seanjc@google.com>"}],"version":12}"#
    static let awkwardSeriesLine =
        #"{"applied":null,"author":{"email":"jane@example.org","name":"Doe, Jane"},"body_first_line":"Fix it.","bot":null,"change_id":null,"commit":"abc123","date":null,"in_reply_to":null,"kind":"patch","list_id":null,"message_id":null,"minor_version":null,"number":null,"patch_id":null,"problems":["no Message-ID header","no Date header"],"pull_request":null,"references":[],"resend":true,"rfc":true,"sender":{"email":"jane@example.org","name":"Doe, Jane"},"subject":"[RFC PATCH RESEND] a/b: \"quoted\" back\\slash tab \u0007bell café 日本","total":null,"trailers":[{"is_person":false,"mismatch":false,"name":"Fixes","type":"utility","value":"1234567 (\"a/b\")"},{"is_person":true,"mismatch":false,"name":"Signed-off-by","person":{"email":"jane@example.org","name":"Jane Doe"},"type":"other","value":"Jane Doe <jane@example.org>"}],"version":null}"#

    /// The lines `lore-digest messages` wrote before its JSON shape had one home, byte for byte
    /// (before the facts of series were added).
    static let sentForSomeoneElseLine =
        #"{"author":{"email":"shivankg@amd.com","name":"Shivank Garg"},"body_first_line":"Add a dedicated gmem_inode structure.","commit":"abc123","date":"2025-10-07T22:14:12Z","in_reply_to":"20251007221420.344669-1-seanjc@google.com","kind":"patch","list_id":"kvm.vger.kernel.org","message_id":"20251007221420.344669-5-seanjc@google.com","number":4,"problems":[],"references":["20251007221420.344669-1-seanjc@google.com"],"resend":false,"rfc":false,"sender":{"email":"seanjc@google.com","name":"Sean Christopherson"},"subject":"[PATCH v12 04/12] KVM: guest_memfd: Add slab-allocated inode cache","total":12,"trailers":[{"is_person":true,"name":"Signed-off-by","person":{"email":"shivankg@amd.com","name":"Shivank Garg"},"value":"Shivank Garg <shivankg@amd.com>"},{"is_person":true,"name":"Co-developed-by","person":{"email":"seanjc@google.com","name":"Sean Christopherson"},"value":"Sean Christopherson <seanjc@google.com>"},{"is_person":true,"name":"Signed-off-by","person":{"email":"seanjc@google.com","name":"Sean Christopherson"},"value":"Sean Christopherson <seanjc@google.com>"}],"version":12}"#
    static let awkwardLine =
        #"{"author":{"email":"jane@example.org","name":"Doe, Jane"},"body_first_line":"Fix it.","commit":"abc123","date":null,"in_reply_to":null,"kind":"patch","list_id":null,"message_id":null,"number":null,"problems":["no Message-ID header","no Date header"],"references":[],"resend":true,"rfc":true,"sender":{"email":"jane@example.org","name":"Doe, Jane"},"subject":"[RFC PATCH RESEND] a/b: \"quoted\" back\\slash tab \u0007bell café 日本","total":null,"trailers":[{"is_person":false,"name":"Fixes","value":"1234567 (\"a/b\")"},{"is_person":true,"name":"Signed-off-by","person":{"email":"jane@example.org","name":"Jane Doe"},"value":"Jane Doe <jane@example.org>"}],"version":null}"#

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
