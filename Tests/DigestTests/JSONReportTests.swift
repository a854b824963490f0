import Foundation
import TestSupport
import Testing

@testable import Digest

/// The JSON report's shape (issue 12, items 4 and 8): every key present, `null` for an absent
/// value, ISO 8601 UTC times, the same bytes on every run, valid against `docs/report.schema.json`.
@Suite struct JSONReportTests {
    static func object(_ report: Report) throws -> [String: Any] {
        let json = try JSONRenderer().render(report)
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test func absentValuesAreNullNeverAMissingKey() throws {
        var report = ReportFixture.make()
        report.entries[0].messageID = nil
        let object = try Self.object(report)
        #expect(object.keys.contains("history") && object["history"] is NSNull)
        #expect(object.keys.contains("archive_url") && object["archive_url"] is NSNull)
        let selection = try #require(object["selection"] as? [String: Any])
        for key in ["since", "until", "revisions", "first_label", "last_label", "source", "commit_count"] {
            #expect(selection.keys.contains(key) && selection[key] is NSNull, "selection.\(key)")
        }
        let entry = try #require((object["entries"] as? [[String: Any]])?.first)
        #expect(entry.keys.contains("message_id") && entry["message_id"] is NSNull)
    }

    @Test func timesAreISO8601UTCStrings() throws {
        var report = ReportFixture.make()
        report.selection.since = 1_759_708_800
        report.selection.until = 1_760_313_599
        let selection = try #require(try Self.object(report)["selection"] as? [String: Any])
        #expect(selection["first_commit_time"] as? String == "1970-01-01T00:00:00Z")
        #expect(selection["last_commit_time"] as? String == "1970-01-01T00:01:00Z")
        #expect(selection["since"] as? String == "2025-10-06T00:00:00Z")
        #expect(selection["until"] as? String == "2025-10-12T23:59:59Z")
    }

    @Test func thePerDayCountsAreInTheDocument() throws {
        var report = ReportFixture.make()
        report.patchMailsPerDay = [DayCount(day: "2025-10-06", patchMails: 3)]
        let days = try #require(try Self.object(report)["patch_mails_per_day"] as? [[String: Any]])
        #expect(days.count == 1)
        #expect(days.first?["day"] as? String == "2025-10-06")
        #expect(days.first?["patch_mails"] as? Int == 3)
        #expect(try Self.object(report)["schema_version"] as? String == Report.currentSchemaVersion)
    }

    @Test(
        .enabled(
            if: FormatCheckers.jsonschemaSkipReason == nil, Comment(rawValue: FormatCheckers.jsonschemaSkipReason ?? "")
        ))
    func theFixtureReportIsValidAndABrokenOneIsNot() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var report = ReportFixture.make()
        report.history = HistorySection(
            firstPatches: [FirstPatch(name: "N", email: "n@x", date: "2025-10-01", commit: "c")],
            revisedSeries: [])
        report.series = [ReportChartsTests.series("s@x", missing: [2])]
        let json = try JSONRenderer().render(report)
        let valid = try FormatCheckers.validate(json, schema: "report.schema.json", in: directory.url)
        #expect(valid.exitCode == 0, "\(valid.standardOutput)\(valid.standardError)")
        // The validator does say no: a time as seconds, and a key it does not know.
        let broken = json.replacingOccurrences(of: "\"1970-01-01T00:00:00Z\"", with: "0")
            .replacingOccurrences(of: "\"list_name\"", with: "\"listname\"")
        let invalid = try FormatCheckers.validate(broken, schema: "report.schema.json", in: directory.url)
        #expect(invalid.exitCode == 1)
        #expect(invalid.standardOutput.contains("first_commit_time"))
        #expect(invalid.standardOutput.contains("'list_name' is a required property"))
    }
}
