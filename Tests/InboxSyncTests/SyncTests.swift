import Foundation
import Glibc
import InboxReader
import Testing

import struct TestSupport.TemporaryDirectory

@testable import InboxSync

/// `sync` against a real `public-inbox-httpd` on 127.0.0.1 (see scripts/public-inbox-server.sh).
@Suite(.serialized, .enabled(if: SyncServer.skipReason == nil, Comment(rawValue: SyncServer.skipReason ?? "")))
struct SyncLiveServerTests {
    @Test("first sync clones every mail; the second fetches only the new ones")
    func firstSyncThenNewMail() async throws {
        try await SyncServer.with(serving: 300) { server in try await firstSyncThenNewMail(server) }
    }

    @Test("a second sync into a mirror that is being synced is refused, not interleaved")
    func concurrentSyncIsRefused() async throws {
        try await SyncServer.with(serving: 20) { server in
            let local = try TemporaryDirectory()
            defer { local.remove() }
            let mirror = local.path + "/kvm-ppc"
            _ = try await InboxSync.run(url: server.url, directory: mirror)
            // Hold the lock as a running sync would.
            let held = open(mirror + "/git", O_RDONLY | O_DIRECTORY)
            #expect(held >= 0 && flock(held, LOCK_EX | LOCK_NB) == 0)
            await #expect {
                _ = try await InboxSync.run(url: server.url, directory: mirror)
            } throws: { error in
                let error = try #require(error as? SyncError)
                return error.code == .busy && error.message.contains("another sync into '\(mirror)' is running")
            }
            close(held)
            let after = try await InboxSync.run(url: server.url, directory: mirror)
            #expect(after.newMessages == 0)
        }
    }

    @Test("a sync recovers from what a killed one left: a partial clone, git's lock files")
    func recoversFromAKilledSync() async throws {
        try await SyncServer.with(serving: 20) { server in
            let local = try TemporaryDirectory()
            defer { local.remove() }
            let mirror = local.path + "/kvm-ppc"
            try FileManager.default.createDirectory(
                atPath: mirror + "/git/.0.git.partial/objects", withIntermediateDirectories: true)
            #expect(
                FileManager.default.createFile(atPath: mirror + "/git/.0.git.partial/HEAD", contents: Data("junk".utf8))
            )
            let first = try await InboxSync.run(url: server.url, directory: mirror)
            #expect(first.newMessages == 20)
            #expect(!FileManager.default.fileExists(atPath: mirror + "/git/.0.git.partial"))
            // A fetch killed while updating refs leaves its locks behind.
            let epoch = mirror + "/git/0.git"
            let branch = try await gitText(["--git-dir=\(epoch)", "symbolic-ref", "HEAD"])
            let refLock = epoch + "/" + branch + ".lock"
            try FileManager.default.createDirectory(
                atPath: (refLock as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            for lock in [refLock, epoch + "/packed-refs.lock", epoch + "/config.lock"] {
                #expect(FileManager.default.createFile(atPath: lock, contents: Data()))
            }
            try await server.serve(first: 30)
            let second = try await InboxSync.run(url: server.url, directory: mirror)
            #expect(second.newMessages == 10)
            #expect(!FileManager.default.fileExists(atPath: refLock))
            #expect(!FileManager.default.fileExists(atPath: epoch + "/packed-refs.lock"))
        }
    }

    @Test("credentials in the URL are never printed nor stored in the mirror")
    func credentialsAreNeitherPrintedNorStored() async throws {
        try await SyncServer.with(serving: 20) { server in
            let local = try TemporaryDirectory()
            defer { local.remove() }
            let mirror = local.path + "/kvm-ppc"
            let withPassword = server.url.replacingOccurrences(of: "http://", with: "http://someone:s3cr%40t@")
            let lines = ProgressLines()
            let first = try await InboxSync.run(url: withPassword, directory: mirror) { lines.append($0) }
            try await server.serve(first: 30)
            let second = try await InboxSync.run(url: withPassword, directory: mirror) { lines.append($0) }
            #expect(first.newMessages == 20 && second.newMessages == 10)
            #expect(
                first.line == "Synced 1 epoch of \(server.url) into \(mirror): 1 cloned, 0 fetched, 20 new messages")
            let printed = lines.all + [first.line, second.line]
            #expect(printed.contains("epoch 0 (1/1): cloning \(server.url)/0"))
            #expect(!printed.contains { $0.contains("s3cr") || $0.contains("someone") })
            let config = try String(contentsOfFile: mirror + "/git/0.git/config", encoding: .utf8)
            #expect(config.contains("url = \(server.url)/0"))
            #expect(!config.contains("s3cr") && !config.contains("someone"))
            // A failure names the URL without them too.
            let missing = await syncError(url: withPassword + "-nope", directory: local.path + "/other")
            #expect(missing?.code == .notFound)
            #expect(missing?.description.contains("\(server.url)-nope") == true)
            #expect(missing?.description.contains("s3cr") == false)
        }
    }

    /// The epoch has a commit-graph that git verifies and that holds `count` commits: what was
    /// cloned, then a layer for each fetch that brought new mail.
    private func expectCommitGraph(in gitDirectory: String, covering count: Int) async throws {
        // Throws when git finds the graph wrong.
        _ = try await gitText(["--git-dir=\(gitDirectory)", "commit-graph", "verify"])
        let info = gitDirectory + "/objects/info"
        let chain = info + "/commit-graphs/commit-graph-chain"
        let layers = ((try? String(contentsOfFile: chain, encoding: .utf8)) ?? "").split(separator: "\n")
        #expect(!layers.isEmpty || FileManager.default.fileExists(atPath: info + "/commit-graph"))
        var commits = 0
        for layer in layers {
            // A graph file's header: "CGPH", version, hash version, chunk count, base count; the
            // OID fanout's last entry is the number of commits in it.
            let data = try Data(contentsOf: URL(fileURLWithPath: info + "/commit-graphs/graph-\(layer).graph"))
            let bytes = [UInt8](data)
            let chunks = Int(bytes[6])
            var fanout = 0
            for chunk in 0..<chunks {
                let entry = 8 + chunk * 12
                if bytes[entry..<(entry + 4)].elementsEqual("OIDF".utf8) {
                    fanout = bytes[(entry + 4)..<(entry + 12)].reduce(0) { $0 << 8 | Int($1) }
                }
            }
            commits += bytes[(fanout + 255 * 4)..<(fanout + 256 * 4)].reduce(0) { $0 << 8 | Int($1) }
        }
        #expect(commits == count)
    }

    private func firstSyncThenNewMail(_ server: SyncServer) async throws {
        let local = try TemporaryDirectory()
        defer { local.remove() }
        let mirror = local.path + "/kvm-ppc"

        let first = try await InboxSync.run(url: server.url, directory: mirror)
        #expect(first.epochSource == .manifest)
        #expect(first.epochs.map(\.number) == [0])
        #expect(first.clonedCount == 1 && first.fetchedCount == 0)
        #expect(first.newMessages == 300)
        #expect(try await gitText(["--git-dir=\(mirror)/git/0.git", "rev-list", "--count", "--all"]) == "300")
        let servedHead = try await gitText(["--git-dir=\(server.servedEpoch)", "rev-parse", "HEAD"])
        #expect(first.epochs.first?.head == servedHead)
        #expect(first.line == "Synced 1 epoch of \(server.url) into \(mirror): 1 cloned, 0 fetched, 300 new messages")
        #expect(try Inbox.open(mirror).epochs.map(\.number) == [0])
        try await expectCommitGraph(in: mirror + "/git/0.git", covering: 300)

        try await server.serve(first: 400)
        let second = try await InboxSync.run(url: server.url + "/", directory: mirror)
        #expect(second.clonedCount == 0 && second.fetchedCount == 1)
        #expect(second.newMessages == 100)
        #expect(second.changedEpochs == [0])
        let newHead = try await gitText(["--git-dir=\(server.servedEpoch)", "rev-parse", "HEAD"])
        #expect(newHead != servedHead)
        #expect(second.epochs.first?.head == newHead)
        #expect(try await gitText(["--git-dir=\(mirror)/git/0.git", "rev-parse", "HEAD"]) == newHead)
        #expect(try await gitText(["--git-dir=\(mirror)/git/0.git", "rev-list", "--count", "--all"]) == "400")
        try await expectCommitGraph(in: mirror + "/git/0.git", covering: 400)

        let third = try await InboxSync.run(url: server.url, directory: mirror)
        #expect(third.newMessages == 0 && third.changedEpochs.isEmpty)
        #expect(third.line.hasSuffix(": 0 cloned, 1 fetched, 0 new messages"))

        // A new epoch appears: it is cloned, the existing one is fetched (nothing new there).
        try await server.addEpoch(first: 50)
        let fourth = try await InboxSync.run(url: server.url, directory: mirror)
        #expect(fourth.epochs.map(\.number) == [0, 1])
        #expect(fourth.epochs.map(\.action) == [.fetched, .cloned])
        #expect(fourth.epochs.map(\.newCommits) == [0, 50])
        #expect(fourth.changedEpochs == [1])
        #expect(fourth.line == "Synced 2 epochs of \(server.url) into \(mirror): 1 cloned, 1 fetched, 50 new messages")
        #expect(try Inbox.open(mirror).epochs.map(\.number) == [0, 1])

        // Without the manifest, probing URL/0, URL/1, … finds the same epochs.
        let (probed, source) = try await InboxSync.learnEpochs(
            RemoteInbox(server.url), forceProbing: true, progress: { _ in })
        #expect(probed == [0, 1] && source == .probing)

        // A first sync interrupted in its clone left only git/.0.git.partial: the next one starts over.
        let other = local.path + "/again"
        try FileManager.default.createDirectory(
            atPath: other + "/git/.0.git.partial/objects", withIntermediateDirectories: true)
        let again = try await InboxSync.run(url: server.url, directory: other)
        #expect(again.epochs.map(\.action) == [.cloned, .cloned])
        #expect(again.newMessages == 450)
        #expect(!FileManager.default.fileExists(atPath: other + "/git/.0.git.partial"))

        // The server knows no such inbox: a 404 for the manifest and for epoch 0.
        let unknown = local.path + "/unknown"
        let notFound = await syncError(url: server.origin + "/no-such-inbox", directory: unknown)
        #expect(notFound?.code == .notFound)
        #expect(
            notFound?.description
                == "no public-inbox inbox at \(server.origin)/no-such-inbox: the server has neither manifest.js.gz nor epoch 0 (HTTP 404); check the inbox name"
        )
        #expect(!FileManager.default.fileExists(atPath: unknown))
    }
}

@Suite struct SyncErrorTests {
    @Test func unreachableServer() async throws {
        let local = try TemporaryDirectory()
        defer { local.remove() }
        // Port 1 (tcpmux) on loopback: nothing listens there, the connection is refused at once.
        let error = await syncError(url: "http://127.0.0.1:1/kvm", directory: local.path + "/m")
        #expect(error?.code == .unreachable)
        #expect(
            error?.description
                == "cannot reach http://127.0.0.1:1 (connection refused); check the URL and your network")
        #expect(!FileManager.default.fileExists(atPath: local.path + "/m"))
    }

    @Test(arguments: [
        "ftp://example.org/kvm", "git@example.org:kvm", "-oProxyCommand=touch /tmp/x", "", "https://", "http:///kvm",
        "https://lore.kernel.org/kvm?x=1", "https://lore.kernel.org/k vm",
        "https://lore.kernel.org/kvm\u{1B}[2J", "https://lore.kernel.org/kvm\u{9B}31m",
    ])
    func notAnHTTPURL(_ url: String) async throws {
        let local = try TemporaryDirectory()
        defer { local.remove() }
        let error = await syncError(url: url, directory: local.path + "/m")
        #expect(error?.code == .invalidURL)
    }

    @Test func credentialsNeverReachAMessage() async throws {
        let unreachable = await syncError(url: "http://someone:s3cret@127.0.0.1:1/kvm", directory: "/nonexistent/m")
        #expect(
            unreachable?.description
                == "cannot reach http://127.0.0.1:1 (connection refused); check the URL and your network")
        let invalid = await syncError(url: "ftp://someone:s3cret@example.org/kvm", directory: "/nonexistent/m")
        #expect(
            invalid?.description
                == "'ftp://example.org/kvm' is not an http:// or https:// URL; give the inbox URL, e.g. https://lore.kernel.org/kvm"
        )
        let inbox = try RemoteInbox("https://someone:p%40ss@lore.kernel.org/kvm")
        #expect(inbox.url == "https://lore.kernel.org/kvm")
        #expect(inbox.authorization == "Basic " + Data("someone:p@ss".utf8).base64EncodedString())
    }

    @Test func anUpperCaseSchemeIsAnHTTPURL() throws {
        #expect(try RemoteInbox("HTTP://127.0.0.1:8080/kvm").url == "http://127.0.0.1:8080/kvm")
        #expect(try RemoteInbox("Https://lore.kernel.org/kvm").epochURL(0) == "https://lore.kernel.org/kvm/0")
    }

    @Test func messageForANonHTTPURL() async throws {
        let error = await syncError(url: "ftp://example.org/kvm", directory: "/nonexistent/m")
        #expect(
            error?.description
                == "'ftp://example.org/kvm' is not an http:// or https:// URL; give the inbox URL, e.g. https://lore.kernel.org/kvm"
        )
    }

    @Test func directoryHoldingSomethingElse() async throws {
        let local = try TemporaryDirectory()
        defer { local.remove() }
        try Data("mine\n".utf8).write(to: URL(fileURLWithPath: local.path + "/notes.txt"))
        // Checked before any network access: the unreachable URL is never tried.
        let error = await syncError(url: "http://127.0.0.1:1/kvm", directory: local.path)
        #expect(error?.code == .directoryHoldsSomethingElse)
        #expect(
            error?.description == "'\(local.path)' holds something else than an inbox mirror "
                + "(it is not empty and has no git/ folder of epochs); give an empty or new directory, or an existing mirror"
        )
    }

    @Test func gitFolderWithOtherThings() async throws {
        let local = try TemporaryDirectory()
        defer { local.remove() }
        try FileManager.default.createDirectory(atPath: local.path + "/git/src", withIntermediateDirectories: true)
        let error = await syncError(url: "http://127.0.0.1:1/kvm", directory: local.path)
        #expect(error?.code == .directoryHoldsSomethingElse)
        #expect(error?.description.contains("git/src is not an epoch") == true)
    }

    @Test func directoryIsAFile() async throws {
        let local = try TemporaryDirectory()
        defer { local.remove() }
        try Data().write(to: URL(fileURLWithPath: local.path + "/file"))
        let error = await syncError(url: "http://127.0.0.1:1/kvm", directory: local.path + "/file")
        #expect(error?.code == .directoryHoldsSomethingElse)
    }
}

@Suite struct SyncManifestTests {
    @Test func epochsFromPaths() throws {
        let json = """
            {"/kvm/git/1.git":{"fingerprint":"b","modified":1700000001},
             "/kvm/git/0.git":{"fingerprint":"a","modified":1700000000,"reference":null},
             "/kvm/git/10.git":{"modified":1700000002},
             "/other/project.git":{"fingerprint":"c"},
             "/kvm/git/x.git":{}, "/kvm/all.git":{}}
            """
        let manifest = try Manifest(json: Array(json.utf8), source: "test")
        #expect(manifest.epochs == [0, 1, 10])
        #expect(manifest.entries.first == Manifest.Entry(epoch: 0, fingerprint: "a", modified: 1_700_000_000))
    }

    @Test func gzipCompressedManifest() async throws {
        let local = try TemporaryDirectory()
        defer { local.remove() }
        let path = local.path + "/manifest.js"
        try Data(#"{"/a/git/0.git":{}}"#.utf8).write(to: URL(fileURLWithPath: path))
        try await runProgram("gzip", ["-n", "--", path])
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path + ".gz")))
        #expect(try await Manifest(bytes: bytes, source: "test").epochs == [0])
    }

    @Test func inflatingStopsAtTheLimit() async throws {
        let bomb = try await runProgram("sh", ["-c", "head -c 3000000 /dev/zero | gzip -c | base64 -w0"])
        let bytes = try #require(Data(base64Encoded: bomb.trimmingCharacters(in: .whitespacesAndNewlines)))
        await #expect {
            _ = try await Gzip.decompress([UInt8](bytes), source: "bomb.gz", limit: 1 << 20)
        } throws: { error in
            let error = try #require(error as? SyncError)
            return error.code == .tooLarge
                && error.message
                    == "bomb.gz inflates to more than 1 MB, far more than a manifest; check that the URL is a public-inbox inbox"
        }
        #expect(try await Gzip.decompress([UInt8](bytes), source: "bomb.gz", limit: 4 << 20).count == 3_000_000)
    }

    @Test(arguments: ["[1,2]", "not json", "\"string\""])
    func notAManifest(_ text: String) throws {
        #expect(throws: SyncError.self) { try Manifest(json: Array(text.utf8), source: "test") }
    }

    @Test func inboxURLs() throws {
        let inbox = try RemoteInbox("https://lore.kernel.org/kvm//")
        #expect(inbox.url == "https://lore.kernel.org/kvm")
        #expect(inbox.manifestURL == "https://lore.kernel.org/kvm/manifest.js.gz")
        #expect(inbox.epochURL(12) == "https://lore.kernel.org/kvm/12")
    }
}

/// The `SyncError` a sync throws, or nil when it succeeds.
func syncError(url: String, directory: String) async -> SyncError? {
    do {
        _ = try await InboxSync.run(url: url, directory: directory)
        return nil
    } catch {
        return error
    }
}

/// Progress lines collected from the sync's callback.
final class ProgressLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
