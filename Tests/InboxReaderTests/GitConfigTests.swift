import Foundation
import InboxReader
import TestSupport
import Testing

/// `lore-digest.*` settings read from git config files.
@Suite struct GitConfigTests {
    private static func write(_ text: String, to path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func everyValueOfAMultiValuedKeyInFileOrder() async throws {
        let directory = try TestSupport.TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.path + "/config"
        try Self.write(
            """
            [lore-digest]
            \tcompanyMap = /a.map
            \tCompanyMap = /b.map
            \tlist = KVM
            [b4]
            \tmidmask = x
            [lore-digest]
            \tmailmap = "/with space/.mailmap"
            \tnovalue
            """, to: file)
        let entries = try await GitConfig.entries(.file(file))
        #expect(
            entries.map(\.key) == [
                "lore-digest.companymap", "lore-digest.companymap", "lore-digest.list", "lore-digest.mailmap",
                "lore-digest.novalue",
            ])
        #expect(entries.map(\.value) == ["/a.map", "/b.map", "KVM", "/with space/.mailmap", ""])
    }

    @Test func aFileWithoutTheSectionHasNoEntries() async throws {
        let directory = try TestSupport.TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.path + "/config"
        try Self.write("[core]\n\tbare = true\n", to: file)
        #expect(try await GitConfig.entries(.file(file)).isEmpty)
    }

    @Test func aBrokenFileIsOneLineNamingIt() async throws {
        let directory = try TestSupport.TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.path + "/config"
        try Self.write("[lore-digest\n", to: file)
        await #expect {
            _ = try await GitConfig.entries(.file(file))
        } throws: { error in
            guard let error = error as? InboxError else { return false }
            return error.code == .gitFailed && error.message.contains(file) && !error.message.contains("\n")
        }
    }

    @Test func theArchivesOwnFileIsItsFirstEpochsConfig() async throws {
        let directory = try TestSupport.TemporaryDirectory()
        defer { directory.remove() }
        let inbox = directory.path + "/list"
        try await ArchiveWriter.writeEpoch(
            mails: [Array("From: A <a@x.example>\nSubject: [PATCH] a\n\nbody\n".utf8)], to: inbox + "/git/0.git")
        let archive = try Inbox.open(inbox)
        let file = try #require(GitConfig.configFile(of: archive))
        #expect(file.hasSuffix("/list/git/0.git/config"))
        let existing = try String(contentsOfFile: file, encoding: .utf8)
        try Self.write(
            existing + "[lore-digest]\n\ttop = 9\n\tlist = MINE\n\tarchiveUrl = https://lore.example/x\n"
                + "\tcompanyMap = ~/x.map\n", to: file)
        let settings = try await GitConfig.settings(for: archive)
        #expect(settings.top == 9)
        #expect(settings.list?.value == "MINE")
        #expect(settings.archiveURL?.value == "https://lore.example/x")
        let home = ProcessInfo.processInfo.environment["HOME"] ?? "~"
        #expect(settings.companyMaps.last == GitConfigSettings.Setting(value: home + "/x.map", origin: file))
    }

    @Test(arguments: ["0", "-3", "ten", ""])
    func aTopThatIsNoPositiveNumberIsRefused(value: String) async throws {
        let directory = try TestSupport.TemporaryDirectory()
        defer { directory.remove() }
        let inbox = directory.path + "/list"
        try await ArchiveWriter.writeEpoch(
            mails: [Array("From: A <a@x.example>\nSubject: [PATCH] a\n\nbody\n".utf8)], to: inbox + "/git/0.git")
        let archive = try Inbox.open(inbox)
        let file = try #require(GitConfig.configFile(of: archive))
        let existing = try String(contentsOfFile: file, encoding: .utf8)
        try Self.write(existing + "[lore-digest]\n\ttop = \"\(value)\"\n", to: file)
        await #expect {
            _ = try await GitConfig.settings(for: archive)
        } throws: { error in
            (error as? InboxError)?.code == .invalidSetting
                && (error as? InboxError)?.message.contains("lore-digest.top in \(file)") == true
        }
    }
}
