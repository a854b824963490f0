import Foundation
import TestSupport
import Testing

/// `--color` on the built binary, the sample's first line, and the help's examples at 80 columns.
@Suite struct ColorAndHelpTests {
    static let introduction =
        "This is the embedded sample of a fictional list; next: 'lore-digest sync https://lore.kernel.org/LIST DIR', then 'lore-digest report DIR'."

    static func withoutSGR(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }

    @Test func colorAlwaysColoursAndNeverAndAPipeDoNot() throws {
        let cache = try TemporaryDirectory("lore-digest-cache")
        defer { cache.remove() }
        let always = try CommandRunner.loreDigest(["--color", "always"], cacheHome: cache.path)
        let never = try CommandRunner.loreDigest(["--color", "never"], cacheHome: cache.path)
        // Standard output is a file here, not a terminal: auto does not colour.
        let auto = try CommandRunner.loreDigest([], cacheHome: cache.path)
        #expect(always.exitCode == 0, "stderr: \(always.standardError)")
        #expect(always.standardOutput.contains("\u{1B}[1;34m"))
        #expect(!never.standardOutput.contains("\u{1B}"))
        #expect(auto.standardOutput == never.standardOutput)
        #expect(Self.withoutSGR(always.standardOutput) == never.standardOutput)
    }

    @Test func anUnknownColorWhenIsAUsageError() throws {
        let result = try CommandRunner.loreDigest(["report", "--color", "sometimes"])
        #expect(result.exitCode == 64)
        #expect(result.standardError.hasPrefix("Error: The value 'sometimes' is invalid for '--color <when>'"))
    }

    @Test func theSampleSaysSoOnItsFirstLine() throws {
        let cache = try TemporaryDirectory("lore-digest-cache")
        defer { cache.remove() }
        let text = try CommandRunner.loreDigest([], cacheHome: cache.path)
        let lines = text.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first.map(String.init) == Self.introduction)
        #expect(lines.dropFirst().first?.hasPrefix("From the first message to ") == true)
        // JSON cannot start with a sentence: the note goes to standard error.
        let json = try CommandRunner.loreDigest(["report", "--format", "json"], cacheHome: cache.path)
        #expect(json.standardOutput.hasPrefix("{"))
        #expect(json.standardError.contains(Self.introduction))
        // A report of a real archive has no such line.
        #expect(!text.standardError.contains(Self.introduction))
    }

    @Test(arguments: [[], ["report"], ["messages"], ["index"], ["sync"], ["publish"]])
    func helpExamplesAreWholeCommandsAt80Columns(subcommand: [String]) throws {
        let result = try CommandRunner.run(
            CommandRunner.loreDigest, subcommand + ["--help"], environment: ["COLUMNS": "80"])
        #expect(result.exitCode == 0)
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var inCommand = false
        for (number, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("lore-digest ") && line.hasPrefix("  ") && !line.hasPrefix("   ") {
                inCommand = true
            } else if inCommand {
                // After an example: another one, a blank line, or the indented rest of a command
                // that ended in a backslash; never the tail of a command wrapped by the parser.
                let previous = lines[number - 1]
                #expect(
                    line.isEmpty || (previous.hasSuffix(" \\") && line.hasPrefix("      ")),
                    "line \(number + 1) of '\(subcommand.joined()) --help' continues a wrapped example: '\(line)'")
                inCommand = previous.hasSuffix(" \\") && !line.isEmpty
            }
            if inCommand { #expect(line.count <= 80, "longer than 80 columns: '\(line)'") }
        }
    }
}
