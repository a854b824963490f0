import Foundation
import MailParser
import PatchModel
import Testing

/// The per-patch facts of issue 10 on whole mails: kind without the word PATCH, patch-id,
/// change-id, minor version; `Detail.full` and `Detail.report` agree on the kind.
@Suite struct MessageFactsPatchTests {
    static func facts(_ text: String, detail: MessageFacts.Detail = .full) -> MessageFacts {
        MessageFacts(commit: "c", mail: MailMessage(bytes: Array(text.utf8)), detail: detail)
    }

    static let diff = """
        diff --git a/a.c b/a.c
        index 1234567..89abcde 100644
        --- a/a.c
        +++ b/a.c
        @@ -1,3 +1,3 @@
         int a;
        -int b;
        +int b = 1;
         int c;
        -- 
        2.43.0

        """

    static func mail(subject: String, headers: String = "", body: String) -> String {
        """
        From: Jane Doe <jane@example.org>
        Subject: \(subject)
        Message-ID: <m1@example.org>
        Date: Tue, 7 Oct 2025 15:14:12 -0700
        \(headers)List-Id: <kvmarm.lists.cs.columbia.edu>

        \(body)
        """
    }

    static let patchBody = "Do it.\n\nSigned-off-by: Jane Doe <jane@example.org>\n---\n a.c | 2 +-\n\n" + diff

    @Test(arguments: ["[RFC 1/3] KVM: arm64: x", "[v2 3/6] KVM: x", "[kvmtool v3 5/5] arm: x", "[RFC] KVM: arm64: x"])
    func aSeriesWithoutThePatchWordIsAPatchWhenItCarriesADiff(_ subject: String) {
        for detail in [MessageFacts.Detail.full, .report] {
            let facts = Self.facts(Self.mail(subject: subject, body: Self.patchBody), detail: detail)
            #expect(facts.kind == .patch)
            #expect(facts.author?.address == "jane@example.org")
            #expect(facts.messageID == "m1@example.org")
        }
        let full = Self.facts(Self.mail(subject: subject, body: Self.patchBody))
        // The id git patch-id --stable prints for this diff (PatchIDTests "basic").
        #expect(full.patchID == "68373168ab845e32eeaccc8fc2c2708704263992")
        #expect(full.firstLine == "Do it.")
    }

    @Test func anRFCWithoutDiffIsNotAPatchMail() {
        for detail in [MessageFacts.Detail.full, .report] {
            let facts = Self.facts(Self.mail(subject: "[RFC] Some idea", body: "What if we did x?\n"), detail: detail)
            #expect(facts.kind == .other)
            #expect(facts.patchID == nil && facts.entryText == nil)
        }
    }

    @Test func aCoverWithoutThePatchWord() {
        for detail in [MessageFacts.Detail.full, .report] {
            let facts = Self.facts(Self.mail(subject: "[RFC v2 00/14] kvm/arm: y", body: "The plan.\n"), detail: detail)
            #expect(facts.kind == .cover)
            #expect(facts.number == 0 && facts.total == 14 && facts.version == 2 && facts.isRFC)
            #expect(facts.entryText == "The plan.")
        }
    }

    @Test func aReplyWithADiffStaysAReply() {
        let facts = Self.facts(Self.mail(subject: "Re: [RFC 1/3] x", body: Self.patchBody))
        #expect(facts.kind == .reply && facts.patchID == nil)
    }

    @Test func aPatchIDOnlyForPatchesWithADiff() {
        let noDiff = Self.facts(Self.mail(subject: "[PATCH] doc only", body: "Words.\n---\n"))
        #expect(noDiff.kind == .patch && noDiff.patchID == nil)
        let cover = Self.facts(Self.mail(subject: "[PATCH 0/1] cover", body: "Cover.\n\n" + Self.diff))
        #expect(cover.kind == .cover && cover.patchID == nil)
        // The report's detail gathers the patch-id too: the series rules compare versions by it.
        let lean = Self.facts(Self.mail(subject: "[PATCH] x", body: Self.patchBody), detail: .report)
        #expect(
            lean.patchID != nil
                && lean.patchID == Self.facts(Self.mail(subject: "[PATCH] x", body: Self.patchBody)).patchID)
    }

    @Test func aQuotedPrintablePatchHasThePatchIDOfItsDecodedDiff() {
        let encoded = Self.patchBody.replacingOccurrences(of: "int b = 1;", with: "int b =3D 1;")
        let mail = Self.mail(
            subject: "[PATCH] x",
            headers:
                "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n",
            body: encoded)
        #expect(Self.facts(mail).patchID == "68373168ab845e32eeaccc8fc2c2708704263992")
    }

    @Test func aCRLFMailHasTheSamePatchID() {
        let mail = Self.mail(subject: "[PATCH] x", body: Self.patchBody).replacingOccurrences(of: "\n", with: "\r\n")
        #expect(Self.facts(mail).patchID == "68373168ab845e32eeaccc8fc2c2708704263992")
    }

    @Test func changeIDOfCoverAndPatch() {
        let cover = Self.facts(
            Self.mail(
                subject: "[PATCH v3 0/2] x",
                body: "Cover.\n\n---\nbase-commit: abc\nchange-id: 20250101-x-0123456789ab\n\nBest regards,\n"))
        #expect(cover.changeID == "20250101-x-0123456789ab")
        let patch = Self.facts(
            Self.mail(
                subject: "[PATCH v3 1/2] x", headers: "X-Change-ID: 20250101-x-0123456789ab\n", body: Self.patchBody))
        #expect(patch.changeID == "20250101-x-0123456789ab")
        let reply = Self.facts(
            Self.mail(subject: "Re: [PATCH v3 0/2] x", body: "> change-id: 20250101-x-0123456789ab\nchange-id: 1\n"))
        #expect(reply.changeID == nil)
    }

    @Test func partialReRoll() {
        let facts = Self.facts(Self.mail(subject: "[PATCH v5.1 3/12] KVM: x", body: Self.patchBody))
        #expect(facts.kind == .patch && facts.version == 5 && facts.minorVersion == 1 && facts.number == 3)
    }
}
