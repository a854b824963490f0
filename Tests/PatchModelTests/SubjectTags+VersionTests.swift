import PatchModel
import Testing

/// Glued and partial-re-roll subject forms, and series tags without the word PATCH.
@Suite struct SubjectTagsVersionTests {
    @Test func gluedPatchVersion() {
        let tags = SubjectTags(subject: "[PATCHv3] mm: thing")
        #expect(tags.hasPatchTag && tags.version == 3 && tags.minorVersion == nil && tags.number == nil)
    }

    @Test func gluedPatchCounter() {
        let tags = SubjectTags(subject: "[PATCH1/8] mm: thing")
        #expect(tags.hasPatchTag && tags.number == 1 && tags.total == 8 && tags.version == nil)
    }

    @Test func partialReRollHasAMinorVersion() {
        let tags = SubjectTags(subject: "[PATCH v5.1 3/12] KVM: arm64: fix the fix")
        #expect(tags.hasPatchTag)
        #expect(tags.version == 5 && tags.minorVersion == 1)
        #expect(tags.number == 3 && tags.total == 12)
        #expect(tags.title == "KVM: arm64: fix the fix")
        #expect(tags.revision == 5)
    }

    @Test func gluedPartialReRoll() {
        let tags = SubjectTags(subject: "[PATCHv2.3 1/4] x")
        #expect(tags.version == 2 && tags.minorVersion == 3 && tags.number == 1)
    }

    @Test(arguments: ["[PATCH v5. 1/2] x", "[PATCH v.1 1/2] x", "[PATCH v5.1.2 1/2] x", "[PATCH 6.1.y] x"])
    func malformedMinorVersionIsNoVersion(_ subject: String) {
        let tags = SubjectTags(subject: subject)
        #expect(tags.version == nil && tags.minorVersion == nil)
    }

    @Test func aPlainVersionWinsOverAKernelVersion() {
        let stable = SubjectTags(subject: "[PATCH stable v4.9 v2] arm64: entry: x")
        #expect(stable.version == 2 && stable.minorVersion == nil)
        let later = SubjectTags(subject: "[PATCH v2 stable v4.9] x")
        #expect(later.version == 2 && later.minorVersion == nil)
    }

    @Test func theFirstVersionWins() {
        let tags = SubjectTags(subject: "[PATCH v3 v4.2 1/2] x")
        #expect(tags.version == 3 && tags.minorVersion == nil)
    }

    static let withoutPatchWord: [(String, Bool)] = [
        ("[RFC 0/6] KVM: idea", true),
        ("[v2 3/6] KVM: arm64: x", true),
        ("[kvmtool v3 5/5] arm: y", true),
        ("[RESEND TRIVIAL 1/3] z", true),
        ("[RFC v2 01/14] arm64/mm: w", true),
        ("[RFC] Some idea", true),
        ("[ANNOUNCE] KVM Forum", false),
        ("[PATCH v2 3/6] x", false),
        ("Re: [RFC 1/6] x", false),
        ("[GIT PULL v2] x", false),
        ("[tree:branch 1/2] file.c: warning: x", false),
        ("No tags", false),
    ]

    @Test(arguments: withoutPatchWord)
    func seriesWithoutThePatchWord(_ subject: String, _ expected: Bool) {
        #expect(SubjectTags(subject: subject).namesSeriesWithoutPatchWord == expected)
    }
}
