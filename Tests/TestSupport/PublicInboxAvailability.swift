internal import Foundation

/// Whether the tests against a real `public-inbox-httpd` can run here.
///
/// They skip, saying why, on a developer machine without the corpora or without public-inbox.
/// Under CI a missing public-inbox is not a reason to skip (``ExternalTool``).
package enum PublicInboxAvailability {
    /// Why the live-server tests cannot run, or nil when they can; `corpora` are bundle names
    /// under `../shared/corpora` (e.g. `kvm-ppc-0`).
    package static func skipReason(needing corpora: [String]) -> String? {
        let missing = corpora.filter { !FileManager.default.fileExists(atPath: SharedData.corpusBundle($0).path) }
        if !missing.isEmpty {
            return "needs ../shared/corpora/" + missing.map { "\($0).bundle" }.joined(separator: " and ")
                + " beside the repository"
        }
        return ExternalTool.skipReason(
            isMissing: !isInstalled, "needs public-inbox-httpd (apt-get install public-inbox; .ci/run installs it)")
    }

    /// `public-inbox-httpd` is on PATH.
    package static var isInstalled: Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/public-inbox-httpd")
        }
    }
}
