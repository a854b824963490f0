import PatchModel
import Testing

@Suite struct SubjectTagsTests {
    /// One subject and every field it should give.
    struct Case: CustomTestStringConvertible, Sendable {
        var subject: String
        var isReply = false
        var tags: [String] = []
        var title: String
        var hasPatchTag = false
        var isRFC = false
        var isResend = false
        var version: Int? = nil
        var number: Int? = nil
        var total: Int? = nil
        var isPullRequest = false
        var isBotReport = false
        var testDescription: String { subject }
    }

    static let cases: [Case] = [
        Case(subject: "[PATCH] KVM: x86: Fix foo", tags: ["PATCH"], title: "KVM: x86: Fix foo", hasPatchTag: true),
        Case(
            subject: "[PATCHv3] mm: thing", tags: ["PATCHv3"], title: "mm: thing", hasPatchTag: true, version: 3),
        Case(
            subject: "[PATCH1/8] mm: thing", tags: ["PATCH1/8"], title: "mm: thing", hasPatchTag: true, number: 1,
            total: 8),
        Case(
            subject: "[PATCH v12 01/12] KVM: guest_memfd: Rename", tags: ["PATCH v12 01/12"],
            title: "KVM: guest_memfd: Rename", hasPatchTag: true, version: 12, number: 1, total: 12),
        Case(subject: "[RFC PATCH] idea", tags: ["RFC PATCH"], title: "idea", hasPatchTag: true, isRFC: true),
        Case(
            subject: "[PATCH RFC v2 0/5] big idea", tags: ["PATCH RFC v2 0/5"], title: "big idea", hasPatchTag: true,
            isRFC: true, version: 2, number: 0, total: 5),
        Case(
            subject: "[PATCH net-next v3 2/9] net: x", tags: ["PATCH net-next v3 2/9"], title: "net: x",
            hasPatchTag: true, version: 3, number: 2, total: 9),
        Case(
            subject: "[kvm-unit-tests PATCH 1/2] x86: test", tags: ["kvm-unit-tests PATCH 1/2"], title: "x86: test",
            hasPatchTag: true, number: 1, total: 2),
        Case(
            subject: "[RESEND PATCH v5 0/6] series", tags: ["RESEND PATCH v5 0/6"], title: "series",
            hasPatchTag: true, isResend: true, version: 5, number: 0, total: 6),
        Case(
            subject: "[PATCH 6.1.y] KVM: backport", tags: ["PATCH 6.1.y"], title: "KVM: backport", hasPatchTag: true),
        Case(
            subject: "[PATCH 00/12] cover", tags: ["PATCH 00/12"], title: "cover", hasPatchTag: true, number: 0,
            total: 12),
        Case(
            subject: "[patch V2 3/4] lower case", tags: ["patch V2 3/4"], title: "lower case", hasPatchTag: true,
            version: 2, number: 3, total: 4),
        Case(
            subject: "[RFC][PATCH v2 1/3]  two   tags", tags: ["RFC", "PATCH v2 1/3"], title: "two tags",
            hasPatchTag: true, isRFC: true, version: 2, number: 1, total: 3),
        Case(
            subject: "[RFCv2 PATCH] glued rfc", tags: ["RFCv2 PATCH"], title: "glued rfc", hasPatchTag: true,
            isRFC: true, version: 2),
        Case(
            subject: "Re: [PATCH 1/3] accel/kvm: Do not expect", isReply: true, tags: ["PATCH 1/3"],
            title: "accel/kvm: Do not expect", hasPatchTag: true, number: 1, total: 3),
        Case(subject: "RE: [PATCH] x", isReply: true, tags: ["PATCH"], title: "x", hasPatchTag: true),
        Case(subject: "re: [PATCH] x", isReply: true, tags: ["PATCH"], title: "x", hasPatchTag: true),
        Case(subject: "Aw: [PATCH] x", isReply: true, tags: ["PATCH"], title: "x", hasPatchTag: true),
        Case(subject: "AW: [PATCH] x", isReply: true, tags: ["PATCH"], title: "x", hasPatchTag: true),
        Case(subject: "Sv: [PATCH] x", isReply: true, tags: ["PATCH"], title: "x", hasPatchTag: true),
        Case(subject: "SV: [PATCH] x", isReply: true, tags: ["PATCH"], title: "x", hasPatchTag: true),
        Case(subject: "Odp: [PATCH] x", isReply: true, tags: ["PATCH"], title: "x", hasPatchTag: true),
        Case(subject: "Fwd: [PATCH] x", isReply: true, tags: ["PATCH"], title: "x", hasPatchTag: true),
        Case(subject: "Fw: [PATCH] x", isReply: true, tags: ["PATCH"], title: "x", hasPatchTag: true),
        Case(subject: "FW: [PATCH] x", isReply: true, tags: ["PATCH"], title: "x", hasPatchTag: true),
        Case(subject: "Re[2]: [PATCH] x", isReply: true, tags: ["PATCH"], title: "x", hasPatchTag: true),
        Case(subject: "Re: Re: [PATCH] x", isReply: true, tags: ["PATCH"], title: "x", hasPatchTag: true),
        Case(subject: "RE : French style", isReply: true, title: "French style"),
        Case(subject: "  Re: leading space", isReply: true, title: "leading space"),
        Case(subject: "Re:no space", isReply: true, title: "no space"),
        Case(subject: "Regression in 6.18", title: "Regression in 6.18"),
        Case(subject: "Reply needed: foo", title: "Reply needed: foo"),
        Case(
            subject: "[GIT PULL] KVM changes for 6.18", tags: ["GIT PULL"], title: "KVM changes for 6.18",
            isPullRequest: true),
        Case(subject: "[PULL] fixes", tags: ["PULL"], title: "fixes", isPullRequest: true),
        Case(
            subject: "[PULL 00/12] qemu queue", tags: ["PULL 00/12"], title: "qemu queue", number: 0, total: 12,
            isPullRequest: true),
        Case(
            subject: "[GIT PULL v2] more", tags: ["GIT PULL v2"], title: "more", version: 2, isPullRequest: true),
        Case(
            subject: "[kvm:queue 3/5] arch/x86/kvm/x86.c:123:5: warning: unused", tags: ["kvm:queue 3/5"],
            title: "arch/x86/kvm/x86.c:123:5: warning: unused", number: 3, total: 5, isBotReport: true),
        Case(
            subject: "[linux-next:master] BUILD REGRESSION abc", tags: ["linux-next:master"],
            title: "BUILD REGRESSION abc", isBotReport: true),
        Case(
            subject: "[tree:branch 1/2] file.c: error: x", tags: ["tree:branch 1/2"], title: "file.c: error: x",
            number: 1, total: 2, isBotReport: true),
        Case(
            subject: "[syzbot] [kvm?] WARNING in kvm_arch_vcpu_ioctl_run", tags: ["syzbot", "kvm?"],
            title: "WARNING in kvm_arch_vcpu_ioctl_run", isBotReport: true),
        Case(
            subject: "[PATCH v2 1/2] Documentation: fix [typo] here", tags: ["PATCH v2 1/2"],
            title: "Documentation: fix [typo] here", hasPatchTag: true, version: 2, number: 1, total: 2),
        Case(
            subject: "[RFC/PATCH 2/3] slash", tags: ["RFC/PATCH 2/3"], title: "slash", hasPatchTag: true, isRFC: true,
            number: 2, total: 3),
        Case(subject: "[RFC-PATCH] hyphen", tags: ["RFC-PATCH"], title: "hyphen", hasPatchTag: true, isRFC: true),
        Case(
            subject: "[stable:PATCH] KVM: arm64: Reset PMC_EL0", tags: ["stable:PATCH"],
            title: "KVM: arm64: Reset PMC_EL0", hasPatchTag: true),
        Case(
            subject: "[PATCH-v2 1/2] hyphen version", tags: ["PATCH-v2 1/2"], title: "hyphen version",
            hasPatchTag: true,
            version: 2, number: 1, total: 2),
        Case(
            subject: "[kvm-unit-tests PULL 1/2] queued", tags: ["kvm-unit-tests PULL 1/2"], title: "queued", number: 1,
            total: 2, isPullRequest: true),
        Case(
            subject: "[v3 1/5] no PATCH word", tags: ["v3 1/5"], title: "no PATCH word", version: 3, number: 1, total: 5
        ),
        Case(
            subject: "disabling halt polling broken? (was Re: [PATCH 00/14] KVM: x)",
            title: "disabling halt polling broken? (was Re: [PATCH 00/14] KVM: x)"),
        Case(subject: "[PATCHWORK] not a patch", tags: ["PATCHWORK"], title: "not a patch"),
        Case(subject: "[DISPATCH] not a patch", tags: ["DISPATCH"], title: "not a patch"),
        Case(
            subject: "[PATCH v2 ÄÖÜ 1/2] unicode tag", tags: ["PATCH v2 ÄÖÜ 1/2"], title: "unicode tag",
            hasPatchTag: true, version: 2, number: 1, total: 2),
        Case(subject: "[PATCH] ", tags: ["PATCH"], title: "", hasPatchTag: true),
        Case(subject: "[PATCH unclosed title", title: "[PATCH unclosed title"),
        Case(subject: "KVM: no tags at all", title: "KVM: no tags at all"),
        Case(subject: "", title: ""),
    ]

    @Test("Subject forms give exact fields", arguments: cases)
    func parsesSubject(_ expected: Case) {
        let tags = SubjectTags(subject: expected.subject)
        #expect(tags.isReply == expected.isReply)
        #expect(tags.tags == expected.tags)
        #expect(tags.title == expected.title)
        #expect(tags.hasPatchTag == expected.hasPatchTag)
        #expect(tags.isRFC == expected.isRFC)
        #expect(tags.isResend == expected.isResend)
        #expect(tags.version == expected.version)
        #expect(tags.number == expected.number)
        #expect(tags.total == expected.total)
        #expect(tags.isPullRequest == expected.isPullRequest)
        #expect(tags.isBotReport == expected.isBotReport)
    }

    @Test func revisionIsInferredWhenNoVersionIsGiven() {
        let bare = SubjectTags(subject: "[PATCH 1/2] x")
        #expect(bare.isRevisionInferred)
        #expect(bare.revision == 1)
        let explicit = SubjectTags(subject: "[PATCH v1 1/2] x")
        #expect(!explicit.isRevisionInferred)
        #expect(explicit.revision == 1)
    }
}
