import Foundation
import TestSupport
import Testing

/// `index` over several archives through the built binary (issue 14): each archive's own index.
@Suite struct SeveralArchivesIndexTests {
    @Test func eachArchiveGetsItsOwnIndexAndAFailureDoesNotStopTheOthers() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (kvm, kvmarm) = try await SeveralArchivesCommandTests.writeArchives(in: directory)
        let cache = directory.path + "/cache"
        let missing = directory.path + "/no-such-archive"
        let result = try CommandRunner.loreDigest(["index", kvm, missing, kvmarm], cacheHome: cache)
        #expect(result.exitCode == 1)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("Indexed 2 messages (2 new) of kvm in ") == true)
        #expect(lines.last?.hasPrefix("Indexed 2 messages (2 new) of kvmarm in ") == true)
        #expect(lines.allSatisfy { $0.contains(" into \(cache)/lore-digest/index/") })
        let errors = result.standardError.split(separator: "\n").map(String.init)
        #expect(errors.count == 2)
        #expect(errors.first?.hasPrefix("lore-digest: index of \(missing) failed: ") == true)
        #expect(
            errors.last
                == "Error: 1 of 3 archives failed to index (\(missing)); the others are up to date")
        // The indexes are the archives' default ones: a report of one archive finds its own.
        let again = try CommandRunner.loreDigest(["index", kvm, kvmarm], cacheHome: cache)
        #expect(again.exitCode == 0, "\(again.standardError)")
        #expect(again.standardError.isEmpty)
        let summaries = again.standardOutput.split(separator: "\n")
        #expect(summaries.count == 2)
        #expect(summaries.allSatisfy { $0.contains("messages (0 new) of") })
        #expect(
            Set(lines.map { $0.components(separatedBy: " into ").last })
                == Set(summaries.map { $0.components(separatedBy: " into ").last }))
    }

    @Test func oneIndexFileForSeveralArchivesIsRefused() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (kvm, kvmarm) = try await SeveralArchivesCommandTests.writeArchives(in: directory)
        let index = directory.path + "/both.sqlite"
        let result = try CommandRunner.loreDigest(["index", kvm, kvmarm, "--index", index])
        #expect(result.exitCode == 64)
        #expect(result.standardOutput.isEmpty)
        #expect(
            result.standardError
                == "Error: --index names one index file; with several archives each keeps its own in the cache directory (leave --index out); see 'lore-digest index --help' for the options\n"
        )
        #expect(!FileManager.default.fileExists(atPath: index))
    }
}
