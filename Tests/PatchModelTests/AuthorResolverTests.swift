import MailParser
import PatchModel
import Testing

@Suite struct AuthorResolverTests {
    static let list: Set<String> = ["virtualization@lists.linux-foundation.org"]

    @Test func viaFromIsRepairedFromXOriginalFrom() {
        let result = AuthorResolver.repairedSender(
            from: Mailbox(name: "Jane Doe via Virtualization", address: "virtualization@lists.linux-foundation.org"),
            replyTo: Mailbox(name: "Other", address: "other@example.org"),
            originalFrom: Mailbox(name: "Jane Doe", address: "jane@example.org"),
            listAddresses: Self.list)
        #expect(result.sender == Mailbox(name: "Jane Doe", address: "jane@example.org"))
        #expect(result.problem == nil)
    }

    @Test func viaFromIsRepairedFromReplyTo() {
        let result = AuthorResolver.repairedSender(
            from: Mailbox(name: "Jane Doe via Virtualization", address: "virtualization@lists.linux-foundation.org"),
            replyTo: Mailbox(name: "", address: "jane@example.org"), originalFrom: nil, listAddresses: Self.list)
        #expect(result.sender == Mailbox(name: "Jane Doe", address: "jane@example.org"))
    }

    @Test func listAddressWithoutViaIsRepairedToo() {
        let result = AuthorResolver.repairedSender(
            from: Mailbox(name: "", address: "Virtualization@Lists.Linux-Foundation.org"),
            replyTo: Mailbox(name: "Jane Doe", address: "jane@example.org"), originalFrom: nil,
            listAddresses: Self.list)
        #expect(result.sender == Mailbox(name: "Jane Doe", address: "jane@example.org"))
    }

    @Test func theListIsNeverAnAuthor() {
        let result = AuthorResolver.repairedSender(
            from: Mailbox(name: "Jane via Virtualization", address: "virtualization@lists.linux-foundation.org"),
            replyTo: Mailbox(name: "", address: "virtualization@lists.linux-foundation.org"), originalFrom: nil,
            listAddresses: Self.list)
        #expect(result.sender == nil)
        #expect(result.problem != nil)
    }

    @Test func viaSuffixIsStrippedWhenNothingBetterExists() {
        let result = AuthorResolver.repairedSender(
            from: Mailbox(name: "'Jane Doe' via kasan-dev", address: "jane@example.org"), replyTo: nil,
            originalFrom: nil, listAddresses: Self.list)
        #expect(result.sender == Mailbox(name: "Jane Doe", address: "jane@example.org"))
    }

    @Test func ordinaryFromIsKeptEvenWithReplyTo() {
        let from = Mailbox(name: "Sean Christopherson", address: "seanjc@google.com")
        let result = AuthorResolver.repairedSender(
            from: from, replyTo: Mailbox(name: "Someone", address: "s@example.org"), originalFrom: nil,
            listAddresses: ["kvm@vger.kernel.org"])
        #expect(result.sender == from)
    }

    @Test func listAddressesComeFromListIDMailingListAndListPost() {
        let addresses = AuthorResolver.listAddresses(
            listID: "kvm.vger.kernel.org", mailingList: [ArraySlice("linux-kernel@vger.kernel.org".utf8)],
            listPost: [ArraySlice(" <mailto:Virtualization@lists.linux-foundation.org?subject=x>".utf8)])
        #expect(
            addresses == [
                "kvm@vger.kernel.org", "linux-kernel@vger.kernel.org", "virtualization@lists.linux-foundation.org",
            ])
    }

    /// The answer kept for repeated headers is given only for the same headers, in any order of
    /// calls.
    @Test func repeatedHeadersGiveTheSameAnswerAndOthersTheirOwn() {
        func addresses(_ listID: String?, _ post: String) -> Set<String> {
            AuthorResolver.listAddresses(listID: listID, mailingList: [], listPost: [ArraySlice(post.utf8)])
        }
        for _ in 0..<2 {
            #expect(addresses("kvm.vger.kernel.org", "<mailto:kvm@vger.kernel.org>") == ["kvm@vger.kernel.org"])
            #expect(addresses("kvm.vger.kernel.org", "<mailto:kvm@vger.kernel.org>") == ["kvm@vger.kernel.org"])
            #expect(
                addresses("kvm.vger.kernel.org", "<mailto:other@vger.kernel.org>")
                    == ["kvm@vger.kernel.org", "other@vger.kernel.org"])
            #expect(addresses(nil, "<mailto:kvm@vger.kernel.org>") == ["kvm@vger.kernel.org"])
            #expect(addresses("kvmarm.lists.linux.dev", "") == ["kvmarm@lists.linux.dev"])
        }
        let twoValues = AuthorResolver.listAddresses(
            listID: nil, mailingList: [ArraySlice("a@x.org".utf8), ArraySlice("b@x.org".utf8)], listPost: [])
        #expect(twoValues == ["a@x.org", "b@x.org"])
        let oneValue = AuthorResolver.listAddresses(
            listID: nil, mailingList: [ArraySlice("a@x.org".utf8)], listPost: [])
        #expect(oneValue == ["a@x.org"])
    }

    /// The byte-level path (ASCII values) and the String path (any other value) read alike.
    @Test(
        arguments: [
            ("<mailto:KVM@vger.kernel.org>", "kvm@vger.kernel.org"),
            ("  <mailto:kvm@vger.kernel.org?subject=help>", "kvm@vger.kernel.org"),
            ("kvm@vger.kernel.org (KVM list)", "kvm@vger.kernel.org"),
            ("<kvm@vger.kernel.org>, <other@example.org>", "kvm@vger.kernel.org"),
            ("\r\n\t<kvm@vger.kernel.org>", "kvm@vger.kernel.org"),
            ("<mailto:no-address-here>", nil),
            ("", nil),
            ("\u{00A0}<mailto:Kvm@Vger.kernel.org>", "kvm@vger.kernel.org"),
            ("<mailto:kvm@vger.kernel.org>\u{00E9}", "kvm@vger.kernel.org"),
        ] as [(String, String?)])
    func listAddressInListPost(value: String, expected: String?) {
        let addresses = AuthorResolver.listAddresses(listID: nil, mailingList: [], listPost: [ArraySlice(value.utf8)])
        #expect(addresses == Set([expected].compactMap { $0 }))
    }
}
