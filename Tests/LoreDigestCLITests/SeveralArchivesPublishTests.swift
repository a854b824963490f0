import Foundation
import TestSupport
import Testing

/// `publish A B … DIR` through the built binary (issue 14).
@Suite struct SeveralArchivesPublishTests {
    @Test func oneSiteOfTheListsMerged() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (kvm, kvmarm) = try await SeveralArchivesCommandTests.writeArchives(in: directory)
        let site = directory.path + "/site"
        let result = try CommandRunner.loreDigest(["publish", kvm, kvmarm, site], cacheHome: directory.path + "/cache")
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(
            result.standardOutput.hasPrefix("Published 1 weeks of KVM + KVMARM into \(site): 1 written, 0 unchanged"))
        let page = try String(contentsOfFile: site + "/2023-W46.md", encoding: .utf8)
        #expect(page.contains("1 cross-posted duplicate folded"))
        // Each archive's own index was built, as 'index A B' finds it.
        let index = try CommandRunner.loreDigest(["index", kvm, kvmarm], cacheHome: directory.path + "/cache")
        #expect(index.standardOutput.split(separator: "\n").allSatisfy { $0.contains("(0 new)") })
    }

    @Test func aMissingFolderAndOneIndexFileAreRefused() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (kvm, kvmarm) = try await SeveralArchivesCommandTests.writeArchives(in: directory)
        // The folder forgotten: the last archive would become the site.
        let forgotten = try CommandRunner.loreDigest(["publish", kvm, kvmarm], cacheHome: directory.path + "/cache")
        #expect(forgotten.exitCode == 64)
        #expect(
            forgotten.standardError
                == "Error: '\(kvmarm)' is a public-inbox archive, not a site folder; give the site's folder last: publish ARCHIVE... DIR; see 'lore-digest publish --help' for the options\n"
        )
        let alone = try CommandRunner.loreDigest(["publish", kvm])
        #expect(alone.exitCode == 64)
        #expect(alone.standardError.hasPrefix("Error: publish needs an archive and the site's folder"))
        let index = try CommandRunner.loreDigest(
            ["publish", kvm, kvmarm, directory.path + "/site", "--index", directory.path + "/i.sqlite"])
        #expect(index.exitCode == 64)
        #expect(index.standardError.hasPrefix("Error: --index names one index file; with several archives"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/site"))
    }
}
