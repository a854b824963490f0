import Foundation
import TestSupport
import Testing

/// The embedded sample's HTML and JSON reports, byte for byte against `Golden/sample.html` and
/// `Golden/sample.json` (record them again with `LORE_DIGEST_UPDATE_GOLDEN=1 swift test`), and
/// the JSON of the report and of `messages` against the schemas in `docs/`.
@Suite struct SampleFormatGoldenTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func sample(_ arguments: [String]) throws -> String {
        let cache = try TemporaryDirectory("lore-digest-cache")
        defer { cache.remove() }
        let result = try CommandRunner.loreDigest(arguments, cacheHome: cache.path)
        try #require(result.exitCode == 0, "stderr: \(result.standardError)")
        return result.standardOutput
    }

    @Test(arguments: ["html", "json"])
    func theSampleReportMatchesItsGoldenFile(format: String) throws {
        let output = try Self.sample(["report", "--format", format])
        if let mismatch = try GoldenFile.mismatch(
            output, golden: Self.golden.appendingPathComponent("sample.\(format)"))
        {
            Issue.record(Comment(rawValue: mismatch))
        }
    }

    @Test(
        .enabled(
            if: FormatCheckers.jsonschemaSkipReason == nil, Comment(rawValue: FormatCheckers.jsonschemaSkipReason ?? "")
        ))
    func theSampleJSONAndMessagesAreValidAgainstTheirSchemas() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let report = try FormatCheckers.validate(
            try Self.sample(["report", "--format", "json"]), schema: "report.schema.json", in: directory.url)
        #expect(report.exitCode == 0, "\(report.standardOutput)\(report.standardError)")
        let messages = try FormatCheckers.validate(
            try Self.sample(["messages"]), schema: "messages.schema.json", lines: true, in: directory.url)
        #expect(messages.exitCode == 0, "\(messages.standardOutput)\(messages.standardError)")
        #expect(messages.standardOutput.hasPrefix("valid "))
    }
}
