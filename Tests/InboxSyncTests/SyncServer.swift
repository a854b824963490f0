import Foundation
import InboxReader

import enum TestSupport.PublicInboxAvailability

@testable import InboxSync

/// A real `public-inbox-httpd` on 127.0.0.1, run through `scripts/public-inbox-server.sh`, serving
/// the first mails of a corpus from `../shared/corpora/`.
final class SyncServer: Sendable {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let script = repository.appendingPathComponent("scripts/public-inbox-server.sh").path
    static let corpora = repository.deletingLastPathComponent().appendingPathComponent("shared/corpora")
    static let corpus = corpora.appendingPathComponent("kvm-ppc-0.bundle").path
    /// The mails of a second epoch (another list: any independent history will do).
    static let otherCorpus = corpora.appendingPathComponent("kvmarm-0.bundle").path

    /// Why the live-server tests cannot run here, or nil when they can.
    static let skipReason: String? = PublicInboxAvailability.skipReason(needing: ["kvm-ppc-0", "kvmarm-0"])

    /// The inbox name the script gives by default.
    static let name = "kvm-ppc"

    let work: String
    /// `http://127.0.0.1:PORT/kvm-ppc`
    let url: String
    /// `http://127.0.0.1:PORT`
    var origin: String { String(url.dropLast(("/" + Self.name).count)) }
    var servedEpoch: String { work + "/inbox/git/0.git" }

    private init(work: String, url: String) {
        self.work = work
        self.url = url
    }

    /// Builds the inbox from the first `count` mails, starts the server and runs `body` with it;
    /// the server is stopped afterwards whatever happens.
    static func with<T>(serving count: Int, _ body: (SyncServer) async throws -> T) async throws -> T {
        let work = FileManager.default.temporaryDirectory.path + "/sync-server-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        do {
            let output = try await runProgram("bash", [script, "start", work, corpus, String(count)])
            guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("url=") }) else {
                throw ProcessFailure(description: "public-inbox-server.sh printed no url=: \(output)")
            }
            let result = try await body(SyncServer(work: work, url: String(line.dropFirst(4))))
            await stop(work)
            return result
        } catch {
            await stop(work)
            throw error
        }
    }

    /// New mail arrives: the served inbox grows to the first `count` mails.
    func serve(first count: Int) async throws {
        try await runProgram("bash", [Self.script, "add", work, String(count)])
    }

    /// The inbox gets its next epoch, holding the first `count` mails of the other corpus.
    func addEpoch(first count: Int) async throws {
        try await runProgram("bash", [Self.script, "add-epoch", work, Self.otherCorpus, String(count)])
    }

    /// Stops the server started in `work` (if any) and removes its files.
    private static func stop(_ work: String) async {
        _ = try? await runProgram("bash", [script, "stop", work])
        try? FileManager.default.removeItem(atPath: work)
    }
}

struct ProcessFailure: Error, CustomStringConvertible {
    var description: String
}

/// Runs a program with an argument array and returns its standard output; throws on a non-zero exit.
/// (Through InboxReader's `Program`, i.e. swift-subprocess: Foundation's `Process.waitUntilExit`
/// can hang on Linux when called from a test's async context.)
@discardableResult
func runProgram(_ executable: String, _ arguments: [String]) async throws -> String {
    let output = try await Program.run(executable, arguments)
    guard output.succeeded else {
        throw ProcessFailure(
            description: "\(executable) \(arguments.joined(separator: " ")) failed: \(output.standardError)")
    }
    return output.text
}

/// `git ARGS…`, output trimmed.
func gitText(_ arguments: [String]) async throws -> String {
    try await runProgram("git", arguments).trimmingCharacters(in: .whitespacesAndNewlines)
}
