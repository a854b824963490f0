import Foundation
import TestSupport
import Testing

@testable import Digest

/// Issue 12, item 5 and item 8's e-mail points.
@Suite struct EmailRendererTests {
    static let date = Date(timeIntervalSince1970: 1_760_000_000)

    static func address(_ value: String) throws -> EmailAddress {
        try #require(EmailAddress.list(value)?.first)
    }

    static func renderer(to: [String] = ["team@example.com"], cc: [String] = []) throws -> EmailRenderer {
        EmailRenderer(
            from: try address("Jörg Müller <jm@example.com>"), to: try to.map(address), cc: try cc.map(address),
            date: date)
    }

    @Test func theSubjectNamesTheListAndTheDays() throws {
        var report = ReportFixture.make()
        report.selection = Selection(
            fromLabel: "1234567", toLabel: "89abcde", firstCommitTime: 1_759_708_800, lastCommitTime: 1_760_284_799)
        let mail = try Self.renderer().render(report)
        #expect(mail.contains("\nSubject: [WIDGET] mailing list update 2025-10-06..2025-10-12\n"))
        #expect(mail.contains("\nDate: Thu, 09 Oct 2025 08:53:20 +0000\n"))
        #expect(mail.contains("\nMessage-ID: <lore-digest.1760000000."))
        #expect(mail.contains("@example.com>\nMIME-Version: 1.0\n"))
        #expect(mail.hasPrefix("From: =?UTF-8?B?"))
        #expect(!mail.contains("localhost"))
    }

    @Test func anEmptyWindowNamesItsDays() {
        var selection = Selection(fromLabel: nil, toLabel: "x", firstCommitTime: nil, lastCommitTime: nil)
        selection.since = 1_759_708_800
        selection.until = 1_760_313_600
        #expect(ReportWording.days(selection) == "2025-10-06..2025-10-12")
    }

    @Test func aHeaderValueCannotInjectHeaders() throws {
        #expect(EmailAddress.list("x <x@example.com>\nBcc: victim@example.com") == nil)
        var report = ReportFixture.make()
        report.listName = "KVM\nBcc: victim@example.com"
        let mail = try Self.renderer().render(report)
        let head = try #require(mail.components(separatedBy: "\n\n").first)
        #expect(!head.contains("\nBcc:"))
    }

    @Test(arguments: [
        "not an address", "a@", "@b.org", "a@b..org", "a b@c.org", "x@example.org junk", "<a@b.org", "a@-b.org",
        "a@b.org, ", "",
    ])
    func anAddressThatDoesNotParseIsRefused(value: String) {
        if value == "a@b.org, " {
            #expect(EmailAddress.list(value)?.count == 1)
        } else {
            #expect(EmailAddress.list(value) == nil)
        }
    }

    @Test func namesAreQuotedOrEncodedAsNeeded() throws {
        #expect(try Self.address("Jane Doe <j@x.org>").headerText == "Jane Doe <j@x.org>")
        #expect(try Self.address("\"Doe, Jane\" <j@x.org>").headerText == "\"Doe, Jane\" <j@x.org>")
        #expect(try Self.address("j@x.org").headerText == "j@x.org")
        #expect(try Self.address("Jörg <j@x.org>").headerText == "=?UTF-8?B?SsO2cmc=?= <j@x.org>")
        #expect(EmailAddress.list("a@x.org, \"B, C\" <b@y.org>")?.map(\.address) == ["a@x.org", "b@y.org"])
    }

    @Test func partsAreSevenBitUnlessTheyNeedQuotedPrintable() throws {
        var report = ReportFixture.make(name: "Ann Lee")
        report.listName = "WIDGET"
        report.contributors[0].name = "Ann Lee"
        report.entries[0].authorName = "Ann Lee"
        let plain = try Self.renderer().render(report)
        #expect(plain.contains("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 7bit\n"))
        report.entries[0].text = String(repeating: "x", count: 1200) + " = end"
        let long = try Self.renderer().render(report)
        #expect(long.contains("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n"))
        #expect(!long.split(separator: "\n").contains { $0.utf8.count > 998 })
        #expect(long.contains("=3D end"))
    }

    /// Python's `email` package (policy default) reads back the same subject, addresses and parts.
    @Test(.enabled(if: FormatReaders.pythonSkipReason == nil, Comment(rawValue: FormatReaders.pythonSkipReason ?? "")))
    func pythonsEmailPackageReadsItBack() throws {
        let report = ReportFixture.make(subject: "[PATCH] widget: ünïcode ✓ & <b>")
        let renderer = try Self.renderer(
            to: ["Ann Lee <ann@example.org>", "Zoë <z@example.net>"], cc: ["\"Doe, J\" <j@example.com>"])
        let mail = renderer.render(report)
        let read = try FormatReaders.readMail(mail)
        #expect(read["subject"] as? String == "[WIDGET] mailing list update 1970-01-01")
        #expect(read["from"] as? String == "Jörg Müller <jm@example.com>")
        #expect(read["to"] as? String == "Ann Lee <ann@example.org>, Zoë <z@example.net>")
        #expect(read["cc"] as? String == "\"Doe, J\" <j@example.com>")
        #expect(read["type"] as? String == "multipart/alternative")
        #expect((read["defects"] as? [String])?.isEmpty == true)
        let parts = try #require(read["parts"] as? [[String: Any]])
        #expect(parts.map { $0["type"] as? String } == ["text/plain", "text/html"])
        #expect(parts[0]["content"] as? String == TextRenderer().render(report))
        #expect(parts[1]["content"] as? String == HTMLRenderer().render(report))
    }

    /// mblaze's mshow, a real mail reader, sees the same headers and both parts.
    @Test(.enabled(if: FormatReaders.mshowSkipReason == nil, Comment(rawValue: FormatReaders.mshowSkipReason ?? "")))
    func mshowReadsIt() throws {
        let report = ReportFixture.make(subject: "[PATCH] widget: ünïcode ✓")
        let mail = try Self.renderer(to: ["Zoë <z@example.net>"]).render(report)
        let structure = try FormatReaders.mshow(["-t"], message: mail)
        #expect(structure.exitCode == 0, "\(structure.standardError)")
        #expect(structure.standardOutput.contains("1: multipart/alternative"))
        #expect(structure.standardOutput.contains("2: text/plain"))
        #expect(structure.standardOutput.contains("3: text/html"))
        let shown = try FormatReaders.mshow([], message: mail)
        #expect(shown.standardOutput.contains("From: Jörg Müller <jm@example.com>"))
        #expect(shown.standardOutput.contains("To: Zoë <z@example.net>"))
        #expect(shown.standardOutput.contains("Subject: [WIDGET] mailing list update 1970-01-01"))
        #expect(shown.standardOutput.contains("[PATCH] widget: ünïcode ✓"))
    }
}
