import Foundation
import InboxReader
import TestSupport
import Testing

/// `--mailmap`, `--company-map` and the `lore-digest.*` git config settings, on the built binary.
@Suite struct IdentityOptionsTests {
    /// Three patch mails: Jane from two addresses, Bob from one.
    private static func makeArchive(in directory: TemporaryDirectory) async throws -> String {
        let inbox = directory.url.appendingPathComponent("list")
        let mail = { (n: Int, from: String) in
            Array(
                "From: \(from)\nSubject: [PATCH] fix \(n)\nMessage-ID: <\(n)@x>\n\nFix.\n---\n a | 1 +\n\ndiff --git a/a b/a\n"
                    .utf8)
        }
        try await ArchiveWriter.writeEpoch(
            mails: [
                mail(1, "Jane Doe <jane@corp.example>"), mail(2, "jd <jd@gmail.com>"),
                mail(3, "Bob <bob@beta.example>"),
            ], to: inbox.appendingPathComponent("git/0.git").path)
        return inbox.path
    }

    /// Runs the binary with an empty (or the given) global git config, so the machine's own
    /// settings cannot change the result.
    private static func run(_ arguments: [String], globalConfig: String = "/dev/null") throws -> CommandResult {
        try CommandRunner.run(CommandRunner.loreDigest, arguments, environment: ["GIT_CONFIG_GLOBAL": globalConfig])
    }

    private static func section(_ text: String, after heading: String) -> [Substring] {
        let blocks = text.components(separatedBy: "\n\n")
        guard let at = blocks.firstIndex(of: heading), at + 1 < blocks.count else { return [] }
        return blocks[at + 1].split(separator: "\n")
    }

    @Test func theOptionsMergePeopleAndNameCompanies() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try await Self.makeArchive(in: directory)
        try "Jane Doe <jane@corp.example> <jd@gmail.com>\n".write(
            toFile: directory.path + "/mailmap", atomically: true, encoding: .utf8)
        try "corp.example Corp\nbeta.example Beta\n".write(
            toFile: directory.path + "/a.map", atomically: true, encoding: .utf8)
        try "beta.example Beta Labs\n".write(toFile: directory.path + "/b.map", atomically: true, encoding: .utf8)
        let result = try Self.run([
            "report", archive, "--no-index", "--mailmap", directory.path + "/mailmap", "--company-map",
            directory.path + "/a.map", "--company-map", directory.path + "/b.map",
        ])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty)
        #expect(
            Self.section(result.standardOutput, after: "Top 15 companies (patch mails)")
                == ["      2 Corp (1 author)", "      1 Beta Labs (1 author)"])
        #expect(
            Self.section(result.standardOutput, after: "Top 15 contributors (Based on Email Body)")
                == ["      2  Jane Doe <jane@corp.example>", "      1  Bob <bob@beta.example>"])
    }

    @Test func aMapThatCannotBeOpenedIsOneLineAndExitsNonZero() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try await Self.makeArchive(in: directory)
        let result = try Self.run(["report", archive, "--no-index", "--company-map", "/nonexistent/x.map"])
        #expect(result.exitCode == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(
            result.standardError
                == "Error: cannot read the company map '/nonexistent/x.map' (--company-map): no such file; check the path\n"
        )
    }

    @Test func aBadLineIsOneLineOnStandardErrorWithFileAndLineAndIsSkipped() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try await Self.makeArchive(in: directory)
        let mailmap = directory.path + "/mailmap"
        try "# people\nJane Doe <jane@corp.example> <jd@gmail.com>\nno address here\n".write(
            toFile: mailmap, atomically: true, encoding: .utf8)
        let result = try Self.run(["report", archive, "--no-index", "--mailmap", mailmap])
        #expect(result.exitCode == 0)
        #expect(result.standardError == "warning: \(mailmap):3: no <address> on this line; line skipped\n")
        #expect(result.standardOutput.contains("      2  Jane Doe <jane@corp.example>\n"))
    }

    @Test func gitConfigGivesDefaultsAndOptionsOverrideThem() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try await Self.makeArchive(in: directory)
        let companies = directory.path + "/companies.map"
        try "corp.example Corp From Config\n".write(toFile: companies, atomically: true, encoding: .utf8)
        let global = directory.path + "/gitconfig"
        try "[lore-digest]\n\tcompanyMap = \(companies)\n\ttop = 1\n\tlist = FROMCONFIG\n".write(
            toFile: global, atomically: true, encoding: .utf8)
        let configured = try Self.run(["report", archive, "--no-index"], globalConfig: global)
        #expect(configured.exitCode == 0, "\(configured.standardError)")
        #expect(configured.standardOutput.contains("FROMCONFIG mailing list update"))
        #expect(
            Self.section(configured.standardOutput, after: "Top 1 companies (patch mails)")
                == ["      1 (Individual) (1 author)"])
        // The archive's own config wins over the global one; options win over both.
        let archiveConfig = archive + "/git/0.git/config"
        let existing = try String(contentsOfFile: archiveConfig, encoding: .utf8)
        try (existing + "[lore-digest]\n\ttop = 2\n").write(toFile: archiveConfig, atomically: true, encoding: .utf8)
        let archiveWins = try Self.run(["report", archive, "--no-index"], globalConfig: global)
        #expect(
            Self.section(archiveWins.standardOutput, after: "Top 2 companies (patch mails)")
                == ["      1 (Individual) (1 author)", "      1 beta.example (1 author)"])
        let optionsWin = try Self.run(
            ["report", archive, "--no-index", "--top", "3", "--list", "OPT"], globalConfig: global)
        #expect(optionsWin.standardOutput.contains("OPT mailing list update"))
        #expect(
            Self.section(optionsWin.standardOutput, after: "Top 3 companies (patch mails)")
                == [
                    "      1 (Individual) (1 author)", "      1 beta.example (1 author)",
                    "      1 Corp From Config (1 author)",
                ])
    }

    @Test func aMissingMapNamedInGitConfigSaysWhere() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try await Self.makeArchive(in: directory)
        let global = directory.path + "/gitconfig"
        try "[lore-digest]\n\tmailmap = /nonexistent/.mailmap\n".write(
            toFile: global, atomically: true, encoding: .utf8)
        let result = try Self.run(["report", archive, "--no-index"], globalConfig: global)
        #expect(result.exitCode == 1)
        #expect(
            result.standardError
                == "Error: cannot read the mailmap '/nonexistent/.mailmap' (lore-digest.mailmap in global git config): no such file; check the path\n"
        )
    }
}
