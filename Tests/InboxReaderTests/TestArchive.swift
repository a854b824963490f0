import Foundation

@testable import InboxReader

/// A temporary directory removed when the test is done.
final class TemporaryDirectory: Sendable {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/inboxreader-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

enum TestMail {
    /// A small, distinct message.
    static func bytes(_ index: Int) -> [UInt8] {
        let body = String(repeating: "line \(index) of the body\n", count: index % 7 + 1)
        return Array(
            "From: Tester \(index) <t\(index)@example.org>\nSubject: [PATCH] test \(index)\nMessage-ID: <\(index)@example.org>\n\n\(body)"
                .utf8)
    }
}

/// Writes `GIT/N.git` for each epoch in `epochs` (a list of entry lists) under `inbox`.
func writeV2Inbox(at inbox: String, epochs: [Int: [ArchiveEntry]]) async throws {
    for (number, entries) in epochs {
        try await ArchiveWriter.writeEpoch(entries: entries, to: "\(inbox)/git/\(number).git")
    }
}
