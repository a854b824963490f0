package import Foundation

/// The project's real data, `../shared` beside the repository: present on developer machines and
/// in CI, absent in a bare clone. Tests that need it skip with ``SharedData/skipReason``.
package enum SharedData {
    /// `<repository>/../shared`, found from this file's own path.
    package static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository
        .deletingLastPathComponent()
        .appendingPathComponent("shared")

    package static var seedFixture: URL { root.appendingPathComponent("fixtures/seed-kvm-2025-10") }
    package static func corpusBundle(_ name: String) -> URL {
        root.appendingPathComponent("corpora/\(name).bundle")
    }

    package static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: seedFixture.appendingPathComponent("make-archive.sh").path)
    }

    package static let skipReason: String = "needs ../shared (the seed fixture and corpora) beside the repository"
}

/// A folder under the system's temporary directory, removed by ``remove()``.
package struct TemporaryDirectory: Sendable {
    package let url: URL

    package init(_ label: String = "lore-digest-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    package var path: String { url.path }

    package func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
