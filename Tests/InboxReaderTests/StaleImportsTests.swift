import Foundation
import Glibc
import Testing

@testable import InboxReader

/// The sweep of import folders left by runs killed with SIGKILL.
@Suite struct StaleImportsTests {
    /// Sets a folder's modification time `age` seconds into the past.
    private static func age(_ path: String, by age: TimeInterval) throws {
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -age)], ofItemAtPath: path)
    }

    @Test func onlyOldUnlockedFoldersOfOursAreRemoved() throws {
        let temporary = try TemporaryDirectory()
        let root = temporary.path
        // A killed run: its lock file is there, nobody holds it.
        let (dead, deadLock) = try StaleImports.create(in: root)
        try "x".write(toFile: dead + "/inbox-data", atomically: false, encoding: .utf8)
        close(deadLock)
        // A live run: its lock is held.
        let (live, liveLock) = try StaleImports.create(in: root)
        defer { close(liveLock) }
        // A young folder of a killed run, and an old one of an older version (no lock file).
        let (young, youngLock) = try StaleImports.create(in: root)
        close(youngLock)
        let lockless = root + "/" + StaleImports.prefix + "old-version"
        try FileManager.default.createDirectory(atPath: lockless, withIntermediateDirectories: false)
        // Not ours to touch: another name, and a symbolic link with our prefix.
        let other = root + "/other-folder"
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: false)
        let link = root + "/" + StaleImports.prefix + "link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: other)
        for path in [dead, live, lockless, other] { try Self.age(path, by: 2 * StaleImports.staleAge) }

        // Another test's child process, between its fork and its exec, still shares every open
        // file of this process for a moment (O_CLOEXEC closes them only at the exec), so the dead
        // run's lock can look held at first; it cannot stay held, the live one always is.
        var removed = StaleImports.sweep(in: root)
        for _ in 0..<50 where !removed.contains(dead) {
            usleep(20_000)
            removed += StaleImports.sweep(in: root)
        }
        #expect(Set(removed) == [dead, lockless])
        let left = try Set(FileManager.default.contentsOfDirectory(atPath: root).map { root + "/" + $0 })
        #expect(left == [live, young, other, link])
    }

    @Test func aFolderIsCreatedPrivateWithItsLockHeld() throws {
        let temporary = try TemporaryDirectory()
        let (path, lock) = try StaleImports.create(in: temporary.path)
        defer { close(lock) }
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o700)
        let other = open(path + "/" + StaleImports.lockName, O_RDWR)
        defer { close(other) }
        #expect(flock(other, LOCK_EX | LOCK_NB) != 0)
    }

    /// The next import sweeps: a folder of a killed import is gone after it, and the import's own
    /// folder is gone once its inbox is.
    @Test func anImportSweepsBeforeItStarts() async throws {
        let temporary = try TemporaryDirectory()
        let (dead, deadLock) = try StaleImports.create(in: FileManager.default.temporaryDirectory.path)
        close(deadLock)
        try Self.age(dead, by: 2 * StaleImports.staleAge)
        let mbox = temporary.path + "/list.mbox"
        try "From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: A <a@x>\nSubject: s\nMessage-ID: <1@x>\n\nbody\n"
            .write(toFile: mbox, atomically: false, encoding: .utf8)
        var inbox: Inbox? = try await Inbox.openOrImport(mbox)
        #expect(!FileManager.default.fileExists(atPath: dead))
        let own = try #require(inbox?.lease?.directory)
        #expect(FileManager.default.fileExists(atPath: own + "/" + StaleImports.lockName))
        inbox = nil
        #expect(!FileManager.default.fileExists(atPath: own))
    }
}
