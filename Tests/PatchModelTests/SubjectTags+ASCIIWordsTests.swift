import Testing

@testable import PatchModel

/// The ASCII tags' byte path (`readASCIIWords`) must read every tag as the `Character` path does.
@Suite struct SubjectTagsASCIIWordsTests {
    /// Words the rules react to, glued forms and near misses, and separators.
    static let vocabulary = [
        "PATCH", "patch", "PATCHES", "PatchSet", "PATCHv3", "PATCH-v2", "PATCH_1/8", "PATCH1/8", "PATCHx", "PATCHESv2",
        "RFC", "rfc", "RFCv2", "RFC/PATCH", "RFC-PATCH", "RFCx", "stable:PATCH", "RESEND", "resend", "PULL", "GIT",
        "v2", "V12", "v5.1", "v4.9", "v.1", "v1.", "vx", "v1234567890", "0/6", "01/12", "3/", "/3", "1/2/3",
        "12345678901/2", "net-next", "snp-host-v10", "kvm:queue", "linux-next:master", "syzbot", "kvmtool", "-", "/",
        ":", ",", "", "PATCH-", "PATCH_", "RFC-v3-1/2",
    ]

    /// A deterministic generator, so that a failure names a subject that can be replayed.
    struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    }

    static func subjects(count: Int) -> [String] {
        var random = SplitMix(state: 10)
        let separators = [" ", ",", ", ", "  ", "/", "-", ":"]
        return (0..<count).map { _ in
            var subject = random.next() % 4 == 0 ? "Re: " : ""
            for _ in 0..<(1 + random.next() % 2) {
                var tag = ""
                for index in 0..<(1 + random.next() % 4) {
                    if index > 0 { tag += random.pick(separators) }
                    tag += random.pick(vocabulary)
                }
                subject += "[\(tag)]"
            }
            return subject + " KVM: x86: title"
        }
    }

    @Test func bytePathAgreesWithCharacterPath() {
        for subject in Self.subjects(count: 4000) + SubjectTagsTests.cases.map(\.subject) {
            let fast = SubjectTags(subject: subject, wordReading: .bytesWhenASCII)
            let reference = SubjectTags(subject: subject, wordReading: .characters)
            #expect(fast == reference, "\(subject)")
        }
    }

    /// A tag with a non-ASCII byte takes the `Character` path, where a combining mark after `-`
    /// keeps `RFC-́PATCH` one piece (bytes would split it and read RFC).
    @Test func nonASCIITagKeepsCharacterRules() {
        let tags = SubjectTags(subject: "[RFC-\u{301}PATCH] x")
        #expect(!tags.isRFC)
        #expect(!tags.hasPatchTag)
        #expect(SubjectTags(subject: "[PÄTCH v2 1/2] x").version == 2)
    }
}
