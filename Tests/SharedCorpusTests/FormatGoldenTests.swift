import Digest
import Foundation
import InboxReader
import TestSupport
import Testing

/// The seed's HTML and JSON reports against `Golden/seed-kvm-2025-10.html` and `.json` (record
/// them again with `LORE_DIGEST_UPDATE_GOLDEN=1 swift test`); the JSON of the seed and of a
/// kvmarm range valid against `docs/report.schema.json`; two runs byte-identical.
@Suite(.enabled(if: SharedData.isAvailable, Comment(rawValue: SharedData.skipReason)))
struct FormatGoldenTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func seedReport(in directory: TemporaryDirectory) async throws -> Report {
        let epoch = directory.url.appendingPathComponent("kvm/git/0.git")
        let script = SharedData.seedFixture.appendingPathComponent("make-archive.sh").path
        let made = try CommandRunner.run(URL(fileURLWithPath: "/bin/bash"), [script, epoch.path])
        try #require(made.exitCode == 0, "make-archive.sh failed: \(made.standardError)")
        return try await ReportBuilder().build(
            inbox: try Inbox.open(directory.url.appendingPathComponent("kvm").path),
            range: RevisionRange(from: nil, to: nil), options: ReportOptions())
    }

    /// The last 300 commits of the kvmarm corpus (2022-12-08..2023-01-06), cloned from its bundle.
    static func kvmarmReport(in directory: TemporaryDirectory) async throws -> Report {
        let bundle = SharedData.corpusBundle("kvmarm-0")
        let git = directory.url.appendingPathComponent("kvmarm.git").path
        let clone = try CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/git"), ["clone", "-q", "--bare", bundle.path, git])
        try #require(clone.exitCode == 0, "git clone failed: \(clone.standardError)")
        let from = try CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/git"), ["-C", git, "rev-list", "--max-count=1", "--skip=300", "HEAD"])
        let start = from.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        return try await ReportBuilder().build(
            inbox: try Inbox.open(git), range: RevisionRange(from: start, to: nil), options: ReportOptions())
    }

    @Test func theSeedHTMLAndJSONMatchTheirGoldenFiles() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let report = try await Self.seedReport(in: directory)
        let outputs = [("html", HTMLRenderer().render(report)), ("json", try JSONRenderer().render(report))]
        for (format, output) in outputs {
            let path = Self.golden.appendingPathComponent("seed-kvm-2025-10.\(format)")
            if let mismatch = try GoldenFile.mismatch(output, golden: path) {
                Issue.record(Comment(rawValue: mismatch))
            }
        }
    }

    @Test func twoRunsOverTheSameRangeAreByteIdentical() async throws {
        let first = try TemporaryDirectory()
        let second = try TemporaryDirectory()
        defer {
            first.remove()
            second.remove()
        }
        let one = try await Self.seedReport(in: first)
        let two = try await Self.seedReport(in: second)
        #expect(try JSONRenderer().render(one) == JSONRenderer().render(two))
        #expect(HTMLRenderer().render(one) == HTMLRenderer().render(two))
    }

    @Test(
        .enabled(
            if: FormatCheckers.jsonschemaSkipReason == nil, Comment(rawValue: FormatCheckers.jsonschemaSkipReason ?? "")
        ))
    func theSeedAndAKvmarmRangeAreValidAgainstTheSchema() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let seed = try FormatCheckers.validate(
            try JSONRenderer().render(try await Self.seedReport(in: directory)), schema: "report.schema.json",
            in: directory.url)
        #expect(seed.exitCode == 0, "\(seed.standardOutput)\(seed.standardError)")
        let kvmarm = try await Self.kvmarmReport(in: directory)
        #expect(kvmarm.accounting.messages + kvmarm.accounting.deleted == 300)
        let result = try FormatCheckers.validate(
            try JSONRenderer().render(kvmarm), schema: "report.schema.json", in: directory.url)
        #expect(result.exitCode == 0, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput == "valid 1\n")
    }

    @Test(
        .enabled(
            if: FormatCheckers.htmlParserSkipReason == nil, Comment(rawValue: FormatCheckers.htmlParserSkipReason ?? "")
        ))
    func theKvmarmHTMLHasItsThreeChartsAndNothingThatRuns() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let report = try await Self.kvmarmReport(in: directory)
        let page = try FormatCheckers.checkHTML(HTMLRenderer().render(report), in: directory.url)
        #expect(page["scripts"] as? Int == 0)
        #expect((page["event_handlers"] as? [Any])?.isEmpty == true)
        #expect((page["misnested"] as? [Any])?.isEmpty == true)
        let svgs = page["svgs"] as? [[String: Any]] ?? []
        #expect(svgs.count == 3)
        let days = svgs.first { $0["id"] as? String == "chart-days" }
        #expect((days?["desc"] as? String)?.contains("over 30 days, 2022-12-08 to 2023-01-06") == true)
    }

    /// Every other format of the same kvmarm range, read back by a real reader: the Markdown by
    /// markdown-it-py (tables and links made, no stray backslash before ordinary text), the e-mail
    /// by Python's `email` package (two parts, no defect), the text with every section.
    @Test(
        .enabled(if: FormatReaders.markdownSkipReason == nil, Comment(rawValue: FormatReaders.markdownSkipReason ?? ""))
    )
    func theKvmarmRangeReadsInEveryFormat() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let report = try await Self.kvmarmReport(in: directory)
        let text = TextRenderer().render(report)
        #expect(text.contains("Accounting:") && text.contains("\n===== Series =====\n"))
        let html = try FormatReaders.renderMarkdown(MarkdownRenderer().render(report))
        #expect(html.components(separatedBy: "<table>").count - 1 >= 4)
        #expect(html.contains("<a href=\"https://lore.kernel.org/"))
        #expect(!html.contains("\\."))
        let renderer = EmailRenderer(
            from: try #require(EmailAddress.list("KVMARM digest <digest@example.org>")?.first),
            to: try #require(EmailAddress.list("team@example.org")), date: Date(timeIntervalSince1970: 1_700_000_000))
        let mail = try FormatReaders.readMail(renderer.render(report))
        #expect(mail["type"] as? String == "multipart/alternative")
        #expect((mail["parts"] as? [[String: Any]])?.map { $0["type"] as? String } == ["text/plain", "text/html"])
        #expect((mail["defects"] as? [Any])?.isEmpty == true)
        #expect((mail["subject"] as? String)?.hasSuffix("mailing list update 2022-12-08..2023-01-06") == true)
    }
}
