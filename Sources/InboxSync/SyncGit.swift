import Foundation
internal import InboxReader
import Subprocess

/// git for `sync`: clone, ls-remote and fetch talk to a server, so unlike ``GitCommand`` some
/// commands run without `--git-dir`, and none may stop to ask for a password.
enum SyncGit {
    /// ``GitCommand/environment`` plus: never prompt (a 401 fails instead of hanging), no
    /// system or global configuration (no URL rewrites, hooks or credential helpers of the user's).
    static let environment: Environment = GitCommand.environment.updating([
        "GIT_TERMINAL_PROMPT": "0", "GIT_ASKPASS": "", "SSH_ASKPASS": "",
        "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null", "LC_ALL": "C",
    ])

    /// Runs `git ARGS…` (add `--git-dir=…` to `arguments` yourself). A non-zero exit is a normal result.
    /// git dies with this process (``Program/runTied(_:_:environment:)``): a killed sync leaves
    /// no clone or fetch running that would collide with the next one.
    /// - Throws: `SyncError` `.gitFailed` when git cannot be started.
    ///
    /// `authorization` (``RemoteInbox/authorization``) reaches git as `http.extraHeader` through
    /// the environment (`GIT_CONFIG_COUNT`): never in an argument (other users can read those in
    /// /proc) nor in the URL (which `clone` would store in the mirror's config).
    static func run(_ arguments: [String], authorization: String? = nil) async throws(SyncError) -> ProgramOutput {
        var environment = environment
        if let authorization {
            environment = environment.updating([
                "GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "http.extraHeader",
                "GIT_CONFIG_VALUE_0": "Authorization: " + authorization,
            ])
        }
        do {
            return try await Program.runTied("git", arguments, environment: environment)
        } catch {
            throw SyncError(.gitFailed, "could not run git (\(error)); install git and make sure 'git' is on PATH")
        }
    }

    /// What git's error output says about a remote that failed, as a `SyncError`.
    static func remoteFailure(_ output: ProgramOutput, action: String, url: String) -> SyncError {
        let text = output.standardError
        let line = GitCommand.firstLine(text.replacingOccurrences(of: "remote: Not Found\n", with: ""))
        if text.contains("not found") || text.contains("returned error: 404") {
            return SyncError(
                .notFound, "\(action) failed: \(url) was not found on the server (HTTP 404); check the inbox URL")
        }
        if text.contains("Failed to connect") || text.contains("Couldn't connect")
            || text.contains("Could not resolve host")
            || text.contains("Connection refused") || text.contains("Operation timed out")
        {
            return SyncError(
                .unreachable,
                "\(action) failed: cannot reach \(ManifestFetcher.hostDescription(url)) (\(line)); check the URL and your network"
            )
        }
        return SyncError(.gitFailed, "\(action) of \(url) failed (\(line)); run it again, or check the server")
    }
}
