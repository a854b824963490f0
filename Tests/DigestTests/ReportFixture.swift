@testable import Digest

/// A small hand-built report: renderers are tested on it without any archive.
enum ReportFixture {
    static func make(subject: String = "[PATCH] widget: fix the frobnicator", name: String = "Jörg Müller")
        -> Report
    {
        var accounting = Accounting()
        accounting.patchMails = 3
        accounting.replies = 2
        accounting.other = 1
        accounting.deleted = 1
        var report = Report(
            listName: "WIDGET",
            selection: Selection(fromLabel: "1234567", toLabel: "89abcde", firstCommitTime: 0, lastCommitTime: 60),
            top: 15,
            domains: [DomainRow(domain: "example.com", count: 2), DomainRow(domain: "example.org", count: 1)],
            contributors: [
                ContributorRow(name: name, email: "jm@example.com", count: 2),
                ContributorRow(name: "Ann Lee", email: "ann@example.org", count: 1),
            ],
            patchList: [
                PatchListLine(subject: "[PATCH 0/1] widget: series", commit: "c1", isInSeries: false),
                PatchListLine(subject: "[PATCH 1/1] widget: part", commit: "c2", isInSeries: true),
                PatchListLine(subject: subject, commit: "c3", isInSeries: false),
            ],
            entries: [
                PatchEntry(
                    title: "widget: fix the frobnicator", subject: subject, authorName: name,
                    authorEmail: "jm@example.com",
                    text: "Fix it.\n\nSigned-off-by: J <jm@example.com>\n---\n a.c | 1 +",
                    commit: "c3", messageID: "1@example.com")
            ],
            accounting: accounting)
        report.companies = [
            CompanyRow(name: "Example Corp", patchMails: 2, authors: 1, domains: ["example.com"]),
            CompanyRow(name: "example.org", patchMails: 1, authors: 1, domains: ["example.org"]),
        ]
        report.unmapped = [UnmappedDomainRow(domain: "example.org", patchMails: 1)]
        return report
    }
}
