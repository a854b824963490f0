internal import Foundation

/// The one rule for tests that need a program or Python module `.ci/run` installs (public-inbox,
/// markdown-it-py, mblaze, jsonschema, feedparser, python3): on a developer's machine without it
/// they skip, saying what to install; under CI (`CI` set, as `.ci/run` sets it) a missing tool is
/// a broken set-up, not a reason, so the tests run and fail saying what is missing. No check can
/// go quietly unrun in CI.
package enum ExternalTool {
    /// nil when the tests can run (the tool is there, or this is CI); else why they skip.
    package static func skipReason(isMissing: Bool, _ reason: String) -> String? {
        guard isMissing, !isCI else { return nil }
        return reason
    }

    package static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] != nil }
}
