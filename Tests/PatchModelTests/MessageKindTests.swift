import PatchModel
import Testing

@Suite struct MessageKindTests {
    static let cases: [(String, MessageKind)] = [
        ("[PATCH] KVM: x", .patch),
        ("[PATCH v12 01/12] KVM: x", .patch),
        ("[PATCH 0/3] accel/kvm: Cleanups", .cover),
        ("[PATCH v12 00/12] KVM: guest_memfd", .cover),
        ("[RFC PATCH 0/5] idea", .cover),
        ("[PATCH 6.1.y] backport", .patch),
        ("Re: [PATCH 1/3] accel/kvm: x", .reply),
        ("Re: [PATCH 0/3] accel/kvm: x", .reply),
        ("Fwd: [PATCH] x", .reply),
        ("Re: question", .reply),
        ("[GIT PULL] KVM for 6.18", .pull),
        ("[PULL 00/12] queue", .pull),
        ("[PULL 03/12] a queued patch", .pull),
        ("[kvm:queue 3/5] arch/x86/kvm/x86.c:1: warning: x", .bot),
        ("[linux-next:master] BUILD SUCCESS", .bot),
        ("[syzbot] WARNING in foo", .bot),
        ("KVM: question about foo", .other),
        ("[ANNOUNCE] KVM Forum", .other),
        ("", .other),
    ]

    @Test("Only the subject decides", arguments: cases)
    func classifies(_ subject: String, _ kind: MessageKind) {
        #expect(MessageKind(subject: SubjectTags(subject: subject)) == kind)
    }

    @Test func missingSubjectIsOther() {
        #expect(MessageKind(subject: nil) == .other)
    }

    @Test func patchMailsArePatchesAndCovers() {
        #expect(MessageKind.allCases.filter(\.isPatchMail) == [.patch, .cover])
    }
}
