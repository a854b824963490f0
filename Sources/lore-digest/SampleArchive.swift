import Foundation
import InboxReader

/// The small fictional archive shipped with the tool, shown when it runs with no arguments.
///
/// The mails (`Sample/NNN.eml`) are carried inside the binary (`EmbeddedSample.swift`, written
/// by `scripts/embed-resources.py`), so a copied binary needs nothing beside it; on first use they are committed, in
/// order, into a v2-shaped inbox in the cache directory, named after a hash of their bytes so
/// that a changed sample is rebuilt rather than read stale.
enum SampleArchive {
    /// The first line of the sample's text report: what it is, and what to run next.
    static let introduction =
        "This is the embedded sample of a fictional list; next: 'lore-digest sync https://lore.kernel.org/LIST DIR', then 'lore-digest report DIR'."

    /// The introduction on standard error, for the formats whose first line cannot be a sentence.
    static func noteIntroduction() {
        FileHandle.standardError.write(Data("lore-digest: \(introduction)\n".utf8))
    }

    /// The archive, mbox file or Maildir at `path`, or the sample when no path was given.
    static func openArchive(_ path: String?) async throws -> Inbox {
        if let path { return try await Inbox.openOrImport(path) }
        return try await open()
    }

    static func open() async throws -> Inbox {
        let mails = try loadMails()
        let directory = cacheDirectory().appendingPathComponent("sample-\(fingerprint(mails))")
        let epoch = directory.appendingPathComponent("git/0.git")
        if !FileManager.default.fileExists(atPath: epoch.appendingPathComponent("HEAD").path) {
            try await build(mails: mails, into: directory)
        }
        return try Inbox.open(directory.path)
    }

    /// The sample's mails, in name order, from inside the binary (`EmbeddedSample.swift`).
    private static func loadMails() throws -> [[UInt8]] {
        try embeddedMails.map { mail in
            guard let data = Data(base64Encoded: mail.base64, options: .ignoreUnknownCharacters) else {
                throw CommandFailure(
                    "the embedded sample's \(mail.name) is damaged in this build; reinstall lore-digest")
            }
            return Array(data)
        }
    }

    /// Builds in a temporary folder and renames it into place, so that two first runs at once,
    /// or one interrupted, never leave a half-built archive behind.
    private static func build(mails: [[UInt8]], into directory: URL) async throws {
        let fileManager = FileManager.default
        let staging = directory.deletingLastPathComponent()
            .appendingPathComponent(".staging-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        TemporaryPaths.register(staging.path)
        defer { TemporaryPaths.unregister(staging.path) }
        do {
            try fileManager.createDirectory(
                at: staging.appendingPathComponent("git"), withIntermediateDirectories: true)
            try await ArchiveWriter.writeEpoch(mails: mails, to: staging.appendingPathComponent("git/0.git").path)
            if fileManager.fileExists(atPath: directory.path) { try? fileManager.removeItem(at: directory) }
            try fileManager.moveItem(at: staging, to: directory)
        } catch {
            try? fileManager.removeItem(at: staging)
            if fileManager.fileExists(atPath: directory.appendingPathComponent("git/0.git/HEAD").path) { return }
            throw CommandFailure(
                "cannot build the sample archive in '\(directory.path)': \(error); set XDG_CACHE_HOME to a writable folder"
            )
        }
    }

    /// `$XDG_CACHE_HOME/lore-digest`, else `~/.cache/lore-digest`.
    private static func cacheDirectory() -> URL {
        let environment = ProcessInfo.processInfo.environment
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            return URL(fileURLWithPath: cache).appendingPathComponent("lore-digest")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/lore-digest")
    }

    /// FNV-1a over every mail's bytes: cheap, stable across runs, and enough to tell samples apart.
    private static func fingerprint(_ mails: [[UInt8]]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for mail in mails {
            for byte in mail {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            hash = (hash ^ 0xFF) &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
