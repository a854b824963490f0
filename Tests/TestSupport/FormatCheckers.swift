package import Foundation

/// The real parsers and validators the format tests read the reports with: Python's
/// `html.parser` (`scripts/check-html.py`) and `jsonschema` (`scripts/validate-json.py`,
/// Debian `python3-jsonschema`, installed by `.ci/run`).
package enum FormatCheckers {
    /// The repository, found from this file's own path.
    package static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// The first Python 3 with `module`: `python3` on the PATH (perhaps a pyenv one without
    /// Debian's packages), else Debian's own.
    package static func python(with module: String) -> String? {
        ["python3", "/usr/bin/python3"].first { python in
            (try? CommandRunner.run(URL(fileURLWithPath: "/usr/bin/env"), [python, "-c", "import \(module)"]))?
                .exitCode == 0
        }
    }

    package static let jsonschemaPython = python(with: "jsonschema")
    package static let htmlParserPython = python(with: "html.parser")
    /// nil when the tests can run (see ``ExternalTool``); else why they skip.
    package static let jsonschemaSkipReason = ExternalTool.skipReason(
        isMissing: jsonschemaPython == nil,
        "needs python3 with jsonschema (apt-get install python3-jsonschema; .ci/run installs it)")
    package static let htmlParserSkipReason = ExternalTool.skipReason(
        isMissing: htmlParserPython == nil, "needs python3 (its html.parser reads the HTML report)")

    /// What `scripts/check-html.py` found in the page: scripts, active elements, event handlers,
    /// URLs, the SVGs with their text alternatives, the figures, the visible text.
    package static func checkHTML(_ html: String, in directory: URL) throws -> [String: Any] {
        let page = directory.appendingPathComponent("page-\(UUID().uuidString).html")
        try html.write(to: page, atomically: true, encoding: .utf8)
        let script = repository.appendingPathComponent("scripts/check-html.py").path
        let result = try CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"), [htmlParserPython ?? "python3", script, page.path])
        guard result.exitCode == 0,
            let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        else { throw CheckerFailure(description: "check-html.py failed: \(result.standardError)") }
        return object
    }

    /// `scripts/validate-json.py` on `json` against `docs/<schema>`: `valid N`, or the errors.
    package static func validate(_ json: String, schema: String, lines: Bool = false, in directory: URL) throws
        -> CommandResult
    {
        let document = directory.appendingPathComponent("document-\(UUID().uuidString).json")
        try json.write(to: document, atomically: true, encoding: .utf8)
        let script = repository.appendingPathComponent("scripts/validate-json.py").path
        let schemaPath = repository.appendingPathComponent("docs/\(schema)").path
        return try CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            [jsonschemaPython ?? "python3", script, schemaPath, document.path] + (lines ? ["--lines"] : []))
    }
}

package struct CheckerFailure: Error, CustomStringConvertible {
    package var description: String
}

/// Golden files of the formats: compared byte for byte; written again (and the test failed, so
/// that a recording is never taken for a pass) when `LORE_DIGEST_UPDATE_GOLDEN=1` is set.
package enum GoldenFile {
    package static var isUpdating: Bool { ProcessInfo.processInfo.environment["LORE_DIGEST_UPDATE_GOLDEN"] == "1" }

    /// nil when `actual` is the golden file's content; else what differs (the first lines of
    /// `diff -u`), or that the file was recorded.
    package static func mismatch(_ actual: String, golden path: URL) throws -> String? {
        if isUpdating {
            try FileManager.default.createDirectory(
                at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: path, atomically: true, encoding: .utf8)
            return "recorded \(path.path) (LORE_DIGEST_UPDATE_GOLDEN=1); run again without it"
        }
        guard let golden = try? String(contentsOf: path, encoding: .utf8) else {
            return "no golden file \(path.path); record it with LORE_DIGEST_UPDATE_GOLDEN=1 swift test"
        }
        if golden == actual { return nil }
        let actualPath = FileManager.default.temporaryDirectory.appendingPathComponent(
            "actual-\(path.lastPathComponent)")
        try actual.write(to: actualPath, atomically: true, encoding: .utf8)
        let diff = try CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/diff"), ["-u", path.path, actualPath.path])
        let head = diff.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).prefix(60)
        return "differs from \(path.lastPathComponent) (actual: \(actualPath.path)):\n" + head.joined(separator: "\n")
    }
}
