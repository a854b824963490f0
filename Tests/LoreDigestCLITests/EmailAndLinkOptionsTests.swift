import Foundation
import TestSupport
import Testing

/// Issue 12: `--archive-url`, `--email-from/--email-to/--email-cc` and the From: default from git
/// config, and the embedded sample's Markdown and e-mail against golden files (recorded again
/// with `LORE_DIGEST_UPDATE_GOLDEN=1`, as the seed's are).
@Suite struct EmailAndLinkOptionsTests {
    /// Runs lore-digest in an empty folder with only `gitconfig` as git's configuration.
    private static func run(
        _ arguments: [String], gitconfig: String = "", environment extra: [String: String] = [:]
    ) throws -> CommandResult {
        let directory = try TemporaryDirectory("lore-digest-email")
        defer { directory.remove() }
        let config = directory.url.appendingPathComponent("gitconfig")
        try gitconfig.write(to: config, atomically: true, encoding: .utf8)
        var environment = [
            "XDG_CACHE_HOME": directory.url.appendingPathComponent("cache").path,
            "GIT_CONFIG_GLOBAL": config.path, "GIT_CONFIG_NOSYSTEM": "1", "HOME": directory.path,
            "SOURCE_DATE_EPOCH": "1760400000",
        ]
        for (key, value) in extra { environment[key] = value }
        return try CommandRunner.run(
            CommandRunner.loreDigest, arguments, environment: environment, currentDirectory: directory.url)
    }

    @Test func theSampleMarkdownMatchesItsGoldenFile() throws {
        let result = try Self.run(["report", "--format", "markdown"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        try Self.checkGolden(result.standardOutput, "sample.md")
    }

    @Test func theSampleEmailMatchesItsGoldenFile() throws {
        let result = try Self.run([
            "report", "--format", "email", "--email-from", "Widget digest <digest@example.org>",
            "--email-to", "team@example.org, \"Doe, Jane\" <jane@example.org>", "--email-cc", "Zoë <zoe@example.net>",
        ])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(!result.standardError.contains("no To:"))
        try Self.checkGolden(result.standardOutput, "sample.eml")
    }

    @Test func theFromDefaultIsGitsUserNameAndEmail() throws {
        let result = try Self.run(
            ["report", "--format", "email", "--email-to", "t@example.org"],
            gitconfig: "[user]\n\tname = Zoë Example\n\temail = zoe@example.org\n")
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("From: =?UTF-8?B?Wm/DqyBFeGFtcGxl?= <zoe@example.org>\n"))
        #expect(result.standardOutput.contains(" <zoe@example.org>\nTo: t@example.org\n"))
        #expect(!result.standardOutput.contains("localhost"))
    }

    @Test func sendemailFromWinsOverUserEmail() throws {
        let result = try Self.run(
            ["report", "--format", "email", "--email-to", "t@example.org"],
            gitconfig: "[user]\n\temail = zoe@example.org\n[sendemail]\n\tfrom = Sender <s@example.org>\n")
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("From: Sender <s@example.org>\n"))
    }

    @Test func withoutAnyIdentityTheErrorSaysWhatToDo() throws {
        let result = try Self.run(["report", "--format", "email", "--email-to", "t@example.org"])
        #expect(result.exitCode != 0)
        #expect(result.standardOutput.isEmpty)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(result.standardError.contains("--email-from"))
        #expect(result.standardError.contains("user.email"))
    }

    @Test func anAddressThatDoesNotParseIsRefused() throws {
        let result = try Self.run([
            "report", "--format", "email", "--email-from", "x@y.org", "--email-to", "not an address",
        ])
        #expect(result.exitCode != 0)
        #expect(result.standardError.contains("--email-to 'not an address' is not an address"))
    }

    @Test func withoutToOneLineSaysSoAndTheMessageIsStillWritten() throws {
        let result = try Self.run(["report", "--format", "email", "--email-from", "x@example.org"])
        #expect(result.exitCode == 0)
        #expect(result.standardError.contains("the e-mail has no To: (sendmail -t needs one)"))
        #expect(result.standardOutput.hasPrefix("From: x@example.org\nSubject: [WIDGET-DEVEL] mailing list update "))
    }

    @Test func theArchiveURLOptionMakesTheLinks() throws {
        let result = try Self.run(["report", "--format", "markdown", "--archive-url", "https://mail.example.org/w"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("](https://mail.example.org/w/"))
        let config = try Self.run(
            ["report", "--format", "json"], gitconfig: "[lore-digest]\n\tarchiveUrl = https://cfg.example.org/w/\n")
        #expect(config.standardOutput.contains("\"archive_url\" : \"https://cfg.example.org/w/\""))
        let both = try Self.run(
            ["report", "--format", "json", "--archive-url", "https://opt.example.org/"],
            gitconfig: "[lore-digest]\n\tarchiveUrl = https://cfg.example.org/w/\n")
        #expect(both.standardOutput.contains("\"archive_url\" : \"https://opt.example.org/\""))
    }

    @Test func aNonHTTPArchiveURLIsRefused() throws {
        let result = try Self.run(["report", "--format", "markdown", "--archive-url", "javascript:alert(1)"])
        #expect(result.exitCode != 0)
        #expect(result.standardError.contains("is not an http or https URL"))
    }

    private static func checkGolden(_ actual: String, _ name: String) throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
        if let mismatch = try GoldenFile.mismatch(actual, golden: path) { Issue.record(Comment(rawValue: mismatch)) }
    }
}
