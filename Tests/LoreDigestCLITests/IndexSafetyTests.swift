import Foundation
import InboxReader
import TestSupport
import Testing

/// Issue 13 items 11, 13 and 14 through the built binary: an index that is someone else's
/// file, read-only, or damaged; the first `--since-last-run`. Word-for-word messages, exit
/// codes, and the file checked after each failure.
@Suite struct IndexSafetyTests {
    /// `count` mails; the first `old` of them 30 days old, the others within the last day.
    private static func makeArchive(count: Int, old: Int, in directory: TemporaryDirectory) async throws -> String {
        let inbox = directory.url.appendingPathComponent("list")
        try FileManager.default.createDirectory(
            at: inbox.appendingPathComponent("git"), withIntermediateDirectories: true)
        let now = Int64(Date().timeIntervalSince1970)
        let entries = (0..<count).map { n in
            ArchiveEntry.mail(
                Array("From: A <a@example.com>\nSubject: [PATCH] fix \(n)\nMessage-ID: <\(n)@x>\n\nbody\n".utf8))
        }
        let times = (0..<count).map { n in n < old ? now - 30 * 86_400 + Int64(n) : now - 86_400 + Int64(n) }
        try await ArchiveWriter.writeEpoch(
            entries: entries, to: inbox.appendingPathComponent("git/0.git").path, commitTimes: times)
        return inbox.path
    }

    private static func snapshot(_ path: String) throws -> (Data, Date?) {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (try Data(contentsOf: URL(fileURLWithPath: path)), attributes[.modificationDate] as? Date)
    }

    private static func run(_ arguments: [String], in directory: TemporaryDirectory) throws -> CommandResult {
        try CommandRunner.run(
            CommandRunner.loreDigest, arguments,
            environment: ["XDG_CACHE_HOME": directory.path + "/cache", "TZ": "UTC"])
    }

    @Test func someoneElsesDatabaseIsRefusedByEveryCommandAndLeftByteForByte() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try await Self.makeArchive(count: 4, old: 0, in: directory)
        let path = directory.path + "/other.db"
        let made = try CommandRunner.shell(
            "sqlite3 '\(path)' 'PRAGMA user_version = 1; CREATE TABLE t (x); INSERT INTO t VALUES (1);'")
        try #require(made.exitCode == 0, "sqlite3: \(made.standardError)")
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 1_600_000_000)], ofItemAtPath: path)
        let before = try Self.snapshot(path)
        let expected =
            "Error: '\(path)' is an SQLite database but not a lore-digest index; give another --index PATH (it is left untouched)\n"
        for arguments in [
            ["index", archive, "--index", path],
            ["report", archive, "--index", path, "--history"],
            ["report", archive, "--index", path, "--since-last-run", "--state", "w"],
        ] {
            let result = try Self.run(arguments, in: directory)
            #expect(result.exitCode == 1, "\(arguments)")
            #expect(result.standardOutput.isEmpty)
            #expect(result.standardError == expected)
        }
        let after = try Self.snapshot(path)
        #expect(after.0 == before.0)
        #expect(after.1 == before.1)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        let journal = try CommandRunner.shell("sqlite3 '\(path)' 'PRAGMA journal_mode; PRAGMA schema_version;'")
        #expect(journal.standardOutput == "delete\n1\n")
    }

    /// A read-only index file, then a read-only folder: read by a plain report and --history,
    /// refused on one line by the runs that must write, never with "remove the file".
    @Test(arguments: [true, false])
    func aReadOnlyIndexIsReadAndNeverAdvisedForRemoval(readOnlyFile: Bool) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try await Self.makeArchive(count: 6, old: 0, in: directory)
        let folder = directory.path + "/index"
        let path = folder + "/i.sqlite"
        let built = try Self.run(["index", archive, "--index", path], in: directory)
        try #require(built.exitCode == 0, "\(built.standardError)")
        // As root, run as nobody (who owns the files); otherwise the permissions bind us.
        let asRoot = getuid() == 0
        if asRoot { _ = try CommandRunner.shell("chown -R 65534:65534 '\(directory.path)'") }
        if readOnlyFile {
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
        }
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder) }
        let before = try Self.snapshot(path)
        let prefix = asRoot ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : ""
        let run = { (arguments: String) throws -> CommandResult in
            try CommandRunner.shell(
                "HOME=/tmp XDG_CACHE_HOME='\(directory.path)/cache' \(prefix)'\(CommandRunner.loreDigest.path)' \(arguments)"
            )
        }
        let problem =
            readOnlyFile
            ? "is a read-only file"
            : "is in a folder that is not writable, so SQLite cannot create its journal (-wal, -shm) beside it"
        for flags in ["", " --history"] {
            let report = try run("report '\(archive)' --index '\(path)'\(flags)")
            #expect(report.exitCode == 0, "\(report.standardError)")
            #expect(report.standardOutput.contains("Accounting: 6 messages"))
            #expect(
                report.standardError
                    == "lore-digest: the index \(path) \(problem): reading it without updating it (messages it lacks are parsed)\n"
            )
        }
        let remedy =
            readOnlyFile
            ? "make it writable (chmod u+w), or give another --index PATH"
            : "make its folder writable, or give --index PATH in a writable folder"
        let index = try run("index '\(archive)' --index '\(path)'")
        #expect(index.exitCode == 1)
        #expect(
            index.standardError == "Error: the index '\(path)' \(problem), and this run must write to it; \(remedy)\n")
        let since = try run("report '\(archive)' --index '\(path)' --since-last-run --state w")
        #expect(since.exitCode == 1)
        #expect(since.standardOutput.isEmpty)
        #expect(
            since.standardError
                == (readOnlyFile
                    ? "Error: the index '\(path)' \(problem), and this run must write to it; \(remedy)\n"
                    : "Error: cannot create the lock file '\(path).state-w.lock' of the state 'w': permission denied; check that the index's folder is writable\n")
        )
        for result in [index, since] { #expect(!result.standardError.contains("remove")) }
        let after = try Self.snapshot(path)
        #expect(after.0 == before.0)
        #expect(after.1 == before.1)
        if !readOnlyFile { #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["i.sqlite"]) }
    }

    @Test func indexFailsOnADamagedIndexAsReportDoes() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try await Self.makeArchive(count: 6, old: 0, in: directory)
        let path = directory.path + "/i.sqlite"
        let built = try Self.run(["index", archive, "--index", path], in: directory)
        try #require(built.exitCode == 0, "\(built.standardError)")
        // Every page after the schema overwritten: SQLite still opens the file.
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: 4096)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: Int(size) - 4096))
        try handle.close()
        let expected =
            "Error: the index '\(path)' is damaged (SQLite: database disk image is malformed); remove it and run 'lore-digest index' to rebuild it (the --since-last-run bookmarks kept in it go with it)\n"
        let index = try Self.run(["index", archive, "--index", path], in: directory)
        let report = try Self.run(["report", archive, "--index", path, "--history"], in: directory)
        for result in [index, report] {
            #expect(result.exitCode == 1)
            #expect(result.standardOutput.isEmpty)
            #expect(result.standardError == expected)
        }
    }

    @Test func theFirstSinceLastRunSaysSoAndWhichWindowItTook() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try await Self.makeArchive(count: 8, old: 3, in: directory)
        let path = directory.path + "/i.sqlite"
        let since = Int(Date().timeIntervalSince1970) - 2 * 86_400
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        let start = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(since)))
        let first = try Self.run(
            ["report", archive, "--index", path, "--since-last-run", "--state", "w", "--since", "@\(since)"],
            in: directory)
        #expect(first.exitCode == 0, "\(first.standardError)")
        #expect(first.standardOutput.contains("Accounting: 5 messages"))
        #expect(
            first.standardError
                == "lore-digest: first run of the state 'w' (no bookmark yet): reporting the 5 commits since \(start) UTC (from --since)\n"
        )
        let second = try Self.run(
            ["report", archive, "--index", path, "--since-last-run", "--state", "w"], in: directory)
        #expect(
            second.standardError
                == "lore-digest: nothing new in list since the last run 'w'\nNote: nothing matched; the report has 0 messages.\n"
        )

        // Without --since: the last 7 days.
        let old = try Self.run(
            ["report", archive, "--index", path, "--since-last-run", "--state", "old"], in: directory)
        #expect(old.exitCode == 0)
        let prefix = "lore-digest: first run of the state 'old' (no bookmark yet): reporting the 5 commits since "
        #expect(old.standardError.hasPrefix(prefix), "\(old.standardError)")
        #expect(
            old.standardError.hasSuffix(
                " UTC (the last 7 days; --since chooses another start)\n")
        )
        #expect(!old.standardError.contains("since the last run"))
    }
}

/// No CR or LF from mail or from the command line reaches a header of `--format email`.
@Suite struct EmailHeaderTests {
    @Test func lineEndsInAnMboxNameOrAListIdNeverStartAHeader() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let mbox = directory.path + "/list\nBcc: name@evil.example\r\nX-Evil: 1.mbox"
        let mail =
            "From a@example.com Mon Oct  6 10:00:00 2025\nFrom: A <a@example.com>\nSubject: [PATCH] fix\nMessage-ID: <1@x>\nList-Id: <kvm\rBcc: cr@evil.example.vger.kernel.org>\nDate: Mon, 6 Oct 2025 10:00:00 +0000\n\nbody\n"
        try Data(mail.utf8).write(to: URL(fileURLWithPath: mbox))
        let result = try CommandRunner.loreDigest(
            ["report", mbox, "--format", "email"], cacheHome: directory.path + "/cache")
        #expect(result.exitCode == 0, "\(result.standardError)")
        let output = Array(result.standardOutput.utf8)
        let headerEnd = (0..<output.count - 1).first { output[$0] == 0x0A && output[$0 + 1] == 0x0A } ?? output.count
        let header = String(decoding: output[..<headerEnd], as: UTF8.self)
        #expect(!header.unicodeScalars.contains("\r"))
        let names = header.split(separator: "\n").map { $0.prefix { $0 != ":" } }
        #expect(names == ["From", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type"])
        // The List-Id's CR became nothing that ends a line; the subject names days, not the file.
        #expect(header.contains("Subject: [KVMBCC: CR@EVIL] mailing list update 2025-10-06\n"))
    }
}
