import Foundation
import InboxReader
import TestSupport
import Testing

/// The command's one-line errors, word for word, with their exit codes, run on the built binary.
@Suite struct ErrorMessageTests {
    /// A two-mail archive to point the command at.
    private static func makeArchive(in directory: TemporaryDirectory) async throws -> String {
        let inbox = directory.url.appendingPathComponent("list")
        try FileManager.default.createDirectory(
            at: inbox.appendingPathComponent("git"), withIntermediateDirectories: true)
        let mail = { (n: Int) in
            Array("From: A <a@example.com>\nSubject: [PATCH] fix \(n)\nMessage-ID: <\(n)@x>\n\nbody\n".utf8)
        }
        try await ArchiveWriter.writeEpoch(
            mails: [mail(1), mail(2)], to: inbox.appendingPathComponent("git/0.git").path)
        return inbox.path
    }

    @Test func aPathThatDoesNotExistIsOneLineAndExitsNonZero() throws {
        let result = try CommandRunner.loreDigest(["report", "/nonexistent/lore-digest-archive"])
        #expect(result.exitCode == 1)
        #expect(result.standardOutput.isEmpty)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(result.standardError.hasPrefix("Error: "))
        #expect(result.standardError.contains("/nonexistent/lore-digest-archive"))
    }

    @Test func aPlainDirectoryIsNotAnArchive() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try CommandRunner.loreDigest(["report", directory.path])
        #expect(result.exitCode == 1)
        #expect(result.standardError.split(separator: "\n").count == 1)
        #expect(result.standardError.contains("not a public-inbox archive"))
    }

    @Test func anUnknownRevisionNamesTheRevision() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try await Self.makeArchive(in: directory)
        let result = try CommandRunner.loreDigest(["report", archive, "--to", "v6.99"])
        #expect(result.exitCode == 1)
        #expect(result.standardError.split(separator: "\n").count == 1)
        #expect(result.standardError.contains("'v6.99'"))
        #expect(!result.standardError.contains("fatal:"))
    }

    @Test(arguments: ["--output=/tmp/lore-digest-injected", "-p", "--all"])
    func aRevisionStartingWithADashNeverReachesGit(revision: String) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try await Self.makeArchive(in: directory)
        let result = try CommandRunner.loreDigest(["report", archive, "--from=\(revision)"])
        #expect(result.exitCode == 64)
        #expect(result.standardError.contains("starts with '-'"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/lore-digest-injected"))
    }

    @Test func toThatIsNotAfterFromIsRefused() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try await Self.makeArchive(in: directory)
        let last = try CommandRunner.shell("git --git-dir='\(archive)/git/0.git' rev-parse HEAD")
            .standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        let first = try CommandRunner.shell("git --git-dir='\(archive)/git/0.git' rev-parse HEAD~1")
            .standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        for (from, to) in [(last, first), (last, last)] {
            let result = try CommandRunner.loreDigest(["report", archive, "--from", from, "--to", to])
            #expect(result.exitCode == 1)
            #expect(result.standardError.split(separator: "\n").count == 1)
            #expect(result.standardError.contains("not after"))
        }
    }

    @Test func anUnknownOptionOrFormatIsAUsageError() throws {
        let unknownOption = try CommandRunner.loreDigest(["report", "--frmo", "x"])
        #expect(unknownOption.exitCode == 64)
        #expect(unknownOption.standardError.contains("Unknown option '--frmo'"))
        let unknownFormat = try CommandRunner.loreDigest(["report", "--format", "pdf"])
        #expect(unknownFormat.exitCode == 64)
        #expect(unknownFormat.standardError.contains("'pdf'"))
        let badTop = try CommandRunner.loreDigest(["report", "--top", "0"])
        #expect(badTop.exitCode == 64)
        #expect(badTop.standardError.contains("--top must be at least 1"))
        for result in [unknownOption, unknownFormat, badTop] {
            #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
            #expect(result.standardError.hasSuffix("; see 'lore-digest report --help' for the options\n"))
        }
    }

    @Test func noStackTraceOnAnyError() throws {
        let result = try CommandRunner.loreDigest(["report", "/nonexistent", "--from", "x"])
        #expect(!result.standardError.contains("Fatal error"))
        #expect(!result.standardError.contains("Stack dump"))
    }
}

/// Issue 13 item 8: no option value may put a line end into a header (or break a one-line error).
@Suite struct HeaderInjectionTests {
    @Test func aLineFeedInListIsRefusedBeforeAnyHeaderIsWritten() throws {
        let result = try CommandRunner.loreDigest(["report", "--format", "email", "--list", "KVM\nBcc: x@evil"])
        #expect(result.exitCode == 64)
        #expect(result.standardOutput.isEmpty)
        #expect(
            result.standardError
                == "Error: --list 'KVM\\nBcc: x@evil' contains a line end or control character; give it on one line; see 'lore-digest report --help' for the options\n"
        )
    }

    @Test(arguments: [
        ("--email-from", "a@b\r\nBcc: x@evil"), ("--email-to", "a@b\u{2028}Bcc: x@evil"),
        ("--email-to", "a@b\u{85}Bcc: x@evil"), ("--list", "KVM\rBcc: x@evil"),
    ])
    func everyHeaderOptionRefusesLineEnds(option: String, value: String) throws {
        let result = try CommandRunner.loreDigest(["report", "--format", "email", option, value])
        #expect(result.exitCode == 64)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.split(separator: "\n", omittingEmptySubsequences: false).count == 2)
        #expect(result.standardError.hasPrefix("Error: \(option) '"))
        #expect(result.standardError.contains("contains a line end or control character; give it on one line"))
        #expect(!result.standardError.contains("\nBcc"))
    }

    @Test func aLineFeedInStateIsRefusedOnOneLine() throws {
        let result = try CommandRunner.loreDigest(["report", "--since-last-run", "--state", "weekly\nX"])
        #expect(result.exitCode == 64)
        #expect(
            result.standardError
                == "Error: --state 'weekly\\nX' contains a line end or control character; give it on one line; see 'lore-digest report --help' for the options\n"
        )
    }

    @Test func aPlainListNameStillWorks() throws {
        let result = try CommandRunner.loreDigest([
            "report", "--format", "email", "--list", "KVM", "--email-to", "Team <t@example.com>",
        ])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("\nTo: Team <t@example.com>\n"))
        #expect(!result.standardOutput.contains("Bcc:"))
    }
}

/// Issue 13 item 14: messages that say what is really wrong, on one line.
@Suite struct ClearMessageTests {
    @Test func anOrdinaryGitRepositoryIsNotAnInbox() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let made = try CommandRunner.shell(
            "cd '\(directory.path)' && git init -q project && cd project && echo hello > README "
                + "&& git add README && git -c user.name=T -c user.email=t@example.org commit -q -m first")
        try #require(made.exitCode == 0, "\(made.standardError)")
        let repository = directory.path + "/project/.git"
        let result = try CommandRunner.loreDigest(["report", repository, "--no-index"])
        #expect(result.exitCode == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(
            result.standardError
                == "Error: '\(repository)' is a git repository but not a public-inbox archive (its newest commit holds 'README', not mails: public-inbox commits hold one file, m, or v1's fan-out folders); give the path of an inbox\n"
        )
    }

    @Test func anUnreadableArchiveIsPermissionDenied() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = directory.path + "/list"
        try FileManager.default.createDirectory(atPath: archive + "/git/0.git", withIntermediateDirectories: true)
        // As root, read it as nobody (setpriv); otherwise take the permission away.
        let asRoot = getuid() == 0
        try FileManager.default.setAttributes([.posixPermissions: asRoot ? 0o700 : 0o000], ofItemAtPath: archive)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: archive) }
        let binary = CommandRunner.loreDigest.path
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
        let prefix = asRoot ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : ""
        let result = try CommandRunner.shell("HOME=/tmp XDG_CACHE_HOME=/tmp \(prefix)'\(binary)' report '\(archive)'")
        #expect(result.exitCode == 1)
        #expect(
            result.standardError
                == "Error: cannot read '\(archive)': permission denied; run as a user who can read the archive, or fix its permissions\n"
        )
    }

    @Test func aLineFeedInAURLStaysOnOneLine() throws {
        let result = try CommandRunner.loreDigest([
            "sync", "https://lore.kernel.org/kvm\nBcc: x", "/nonexistent/mirror",
        ])
        #expect(result.exitCode == 1)
        #expect(
            result.standardError
                == "Error: 'https://lore.kernel.org/kvm\\nBcc: x' is not a usable inbox URL (no host, or a query, fragment or space); give it as https://HOST/INBOX\n"
        )
    }
}
