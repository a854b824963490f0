import PatchModel
import Testing

/// report.md, "Which mails count": series whose tags lack the word PATCH.
@Suite struct MessageKindDiffTests {
    static func kind(_ subject: String, diff: Bool) -> MessageKind {
        MessageKind(subject: SubjectTags(subject: subject), bodyCarriesDiff: { diff })
    }

    static let cases: [(String, Bool, MessageKind)] = [
        ("[RFC 1/6] KVM: x", true, .patch),
        ("[RFC 1/6] KVM: x", false, .other),
        ("[v2 3/6] KVM: x", true, .patch),
        ("[kvmtool v3 5/5] arm: x", true, .patch),
        ("[RESEND TRIVIAL 1/3] x", true, .patch),
        ("[RFC v2 01/14] arm64/mm: x", true, .patch),
        ("[RFC] KVM: arm64: Support FEAT_CCIDX", true, .patch),
        ("[RFC] Some idea", false, .other),
        ("[RFC 0/6] KVM: cover", false, .cover),
        ("[v2 00/14] KVM: cover", false, .cover),
        ("[kvm-unit-tests RFC 00/10] cover", false, .cover),
        // `0/M` with neither RFC nor a version: a cover only if it carries a diff.
        ("[0/3] cover?", false, .other),
        ("[0/3] cover?", true, .cover),
        ("[ANNOUNCE] v2 of something", true, .other),
        ("[ANNOUNCE v2] something", true, .patch),
        ("[ANNOUNCE] something", true, .other),
        // Pull requests, bot reports and replies stay what they are, diff or not.
        ("[GIT PULL] KVM for 6.18", true, .pull),
        ("[PULL 1/2] queued", true, .pull),
        ("[tree:branch 1/2] file.c: warning: unused", true, .bot),
        ("Re: [RFC 1/6] KVM: x", true, .reply),
        ("Re: [v2 3/6] KVM: x", true, .reply),
        // With the word PATCH the body is never asked.
        ("[PATCH 2/5] x", false, .patch),
        ("[PATCH v2 0/5] x", false, .cover),
    ]

    @Test(arguments: cases)
    func classifies(_ subject: String, _ diff: Bool, _ expected: MessageKind) {
        #expect(Self.kind(subject, diff: diff) == expected)
    }

    @Test func theBodyIsAskedOnlyWhenTheSubjectCannotTell() {
        var asked = 0
        for subject in [
            "[PATCH 1/2] x", "Re: [RFC 1/2] x", "[GIT PULL] x", "[linux-next:master] x", "hello", "[RFC 0/2] x",
        ] {
            _ = MessageKind(subject: SubjectTags(subject: subject)) {
                asked += 1
                return true
            }
        }
        #expect(asked == 0)
        _ = MessageKind(subject: SubjectTags(subject: "[RFC 1/2] x")) {
            asked += 1
            return true
        }
        #expect(asked == 1)
    }

    @Test func theSubjectAloneTakesNoDiff() {
        #expect(MessageKind(subject: SubjectTags(subject: "[RFC 1/6] x")) == .other)
        #expect(MessageKind(subject: SubjectTags(subject: "[RFC 0/6] x")) == .cover)
    }

    static let bodies: [(String, Bool)] = [
        ("text\ndiff --git a/x b/x\n", true),
        ("Index: linux/mm/x.c\n===\n", true),
        ("--- a/x.c\n+++ b/x.c\n", true),
        ("--- /dev/null\n+++ b/new.c\n", true),
        ("diff --git a/x b/x", true),
        ("> diff --git a/x b/x\n", false),
        ("  --- a/x.c\n", false),
        ("---\n x.c | 1 +\n", false),
        ("diff -u a b\n", false),
        ("--- x.c\n+++ y.c\n", false),
        ("we should diff --git this\n", false),
        ("", false),
    ]

    @Test(arguments: bodies)
    func carriesDiff(_ body: String, _ expected: Bool) {
        #expect(MessageKind.carriesDiff(body) == expected)
    }
}

/// The line search reads eight bytes at a time: a diff line after a line of every length, and a
/// diff start that is not at a line start, at every offset.
@Suite struct DiffLineAlignmentTests {
    @Test(arguments: 0..<20)
    func aDiffLineAfterALineOfAnyLength(_ length: Int) {
        let filler = String(repeating: "x", count: length)
        #expect(MessageKind.carriesDiff(filler + "\ndiff --git a/x b/x\n"))
        #expect(MessageKind.carriesDiff(filler + "\r\n" + filler + "\n--- a/x\n"))
        #expect(!MessageKind.carriesDiff("y" + filler + "diff --git a/x b/x\n"))
        #expect(!MessageKind.carriesDiff("y" + filler + "\n" + filler + " --- a/x\n"))
    }
}
