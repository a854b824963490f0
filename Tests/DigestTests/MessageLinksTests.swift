import Testing

@testable import Digest

/// Issue 12, item 1: each message's link on the archive's web view.
@Suite struct MessageLinksTests {
    /// public-inbox's `mid_escape`: everything outside `A-Za-z0-9-._~!$&'()*+,;=:@` as `%XX`.
    @Test(arguments: [
        ("<20251007081616.68442-1-philmd@linaro.org>", "20251007081616.68442-1-philmd@linaro.org"),
        ("20251007-b4-kvm-1proc-v1-1-8c95@google.com", "20251007-b4-kvm-1proc-v1-1-8c95@google.com"),
        ("a/b@x", "a%2Fb@x"),
        ("100%@x", "100%25@x"),
        ("a+b=c;d,e@x", "a+b=c;d,e@x"),
        ("a b@x", "a%20b@x"),
        ("é@x", "%C3%A9@x"),
        ("q\"<#?>@x", "q%22%3C%23%3F%3E@x"),
        ("~!$&'()*:@x", "~!$&'()*:@x"),
    ])
    func messageIDsAreEscapedAsPublicInboxDoes(id: String, expected: String) {
        #expect(MessageLinks.escape(messageID: id) == expected)
    }

    @Test func aLinkIsTheBaseTheEscapedIDAndASlash() throws {
        let links = try #require(MessageLinks(base: "https://lore.kernel.org/kvm"))
        #expect(links.base == "https://lore.kernel.org/kvm/")
        #expect(links.url(for: "<a/b@x>") == "https://lore.kernel.org/kvm/a%2Fb@x/")
    }

    @Test func theOptionWinsThenTheSettingThenListArchiveThenTheListID() {
        let header = "<https://archive.example.org/widget/>"
        #expect(
            MessageLinks.choose(
                option: "https://o.example/", setting: "https://s.example/", listArchive: header,
                listID: "kvm.vger.kernel.org")?.base == "https://o.example/")
        #expect(
            MessageLinks.choose(
                option: nil, setting: "https://s.example/", listArchive: header, listID: "kvm.vger.kernel.org")?
                .base == "https://s.example/")
        #expect(
            MessageLinks.choose(option: nil, setting: nil, listArchive: header, listID: "kvm.vger.kernel.org")?
                .base == "https://archive.example.org/widget/")
        #expect(
            MessageLinks.choose(option: nil, setting: nil, listArchive: nil, listID: "kvm.vger.kernel.org")?.base
                == "https://lore.kernel.org/kvm/")
        #expect(MessageLinks.choose(option: nil, setting: nil, listArchive: nil, listID: nil) == nil)
    }

    @Test(arguments: [
        "<javascript:alert(1)>",
        "<https://x.example/\"onmouseover=\"alert(1)>",
        "<https://x.example/a'b>",
        "<https://x.example/a\nb>",
        "<data:text/html,hi>",
        "<mailto:list@example.org>",
        "<https://x.example/a b>",
        "<//x.example/>",
        "https://x.example/ (no angle brackets)",
    ])
    func aHostileListArchiveIsRefusedAndTheListIDUsed(header: String) {
        let links = MessageLinks.choose(
            option: nil, setting: nil, listArchive: header, listID: "kvm.vger.kernel.org")
        #expect(links?.base == "https://lore.kernel.org/kvm/")
    }

    @Test func theFirstHTTPURLOfSeveralIsTaken() {
        let value = "<mailto:x@example.org>, (web) <https://lore.kernel.org/kvm/>"
        #expect(MessageLinks.firstURL(ofListArchive: value) == "https://lore.kernel.org/kvm/")
    }

    @Test(
        "A Mailman archive cannot be addressed by Message-ID: the List-Id's lore address is used",
        arguments: [
            "<https://lists.cs.columbia.edu/pipermail/kvmarm>",
            "<https://lists.example.org/mailman/private/kvm/>",
            "<https://lists.example.org/archives/list/kvm@lists.example.org/>",
        ])
    func aMailmanListArchiveGivesWayToLore(header: String) {
        let links = MessageLinks.choose(
            option: nil, setting: nil, listArchive: header, listID: "kvmarm.lists.cs.columbia.edu")
        #expect(links?.base == "https://lore.kernel.org/kvmarm/")
    }

    @Test func everyMessageOfTheReportGetsItsURL() throws {
        var report = ReportFixture.make()
        report.patchList[0].messageID = "cover@x"
        report.series = [
            SeriesEntry(
                id: "cover@x", title: "t", version: 2, total: 1, coverMessageID: "cover@x",
                author: ReportPerson(name: "A", email: "a@x"), date: "2025-10-07", received: [1], missing: [],
                completeness: "1/1", patches: [SeriesPatchEntry(position: 1, messageID: "p/1@x", subject: "s")],
                trailers: [
                    SeriesTrailerEntry(type: "reviewed", name: "R", email: "r@x", position: 1, messageID: "r@x")
                ])
        ]
        report.link(MessageLinks(base: "https://lore.kernel.org/widget/"))
        #expect(report.archiveURL == "https://lore.kernel.org/widget/")
        #expect(report.entries[0].url == "https://lore.kernel.org/widget/1@example.com/")
        #expect(report.patchList[0].url == "https://lore.kernel.org/widget/cover@x/")
        #expect(report.patchList[1].url == nil)
        #expect(report.series[0].url == "https://lore.kernel.org/widget/cover@x/")
        #expect(report.series[0].patches[0].url == "https://lore.kernel.org/widget/p%2F1@x/")
        #expect(report.series[0].trailers[0].url == "https://lore.kernel.org/widget/r@x/")
        let json = try JSONRenderer().render(report)
        #expect(json.contains("\"url\" : \"https://lore.kernel.org/widget/p%2F1@x/\""))
        #expect(json.contains("\"schema_version\" : \"3.2.0\""))
        // The text stays as it was.
        #expect(!TextRenderer().render(report).contains("https://"))
        #expect(HTMLRenderer().render(report).contains("<a href=\"https://lore.kernel.org/widget/cover@x/\">"))
    }
}
