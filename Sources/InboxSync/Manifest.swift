import Foundation
internal import InboxReader

/// The epochs an inbox's `manifest.js.gz` lists (grokmirror format, as public-inbox serves it).
///
/// The manifest is a JSON object whose keys are repository paths such as `/kvm/git/0.git`, each
/// with `fingerprint` (SHA-1 of `git show-ref`) and `modified` (seconds since 1970). Keys that do
/// not end in `/git/N.git` (other repositories on the same server) are ignored.
package struct Manifest: Sendable, Equatable {
    package struct Entry: Sendable, Equatable {
        package var epoch: Int
        package var fingerprint: String?
        package var modified: Int64?
    }

    /// One entry per epoch, in numeric order.
    package var entries: [Entry]

    package var epochs: [Int] { entries.map(\.epoch) }

    /// Parses the manifest, gzip-compressed (as served) or already decompressed.
    /// - Throws: `SyncError` `.notAnInbox` when it is not a JSON object of repositories.
    package init(bytes: [UInt8], source: String) async throws(SyncError) {
        let json = Gzip.isCompressed(bytes) ? try await Gzip.decompress(bytes, source: source) : bytes
        try self.init(json: json, source: source)
    }

    /// Parses the manifest's JSON text.
    /// - Throws: `SyncError` `.notAnInbox` when it is not a JSON object of repositories.
    package init(json: [UInt8], source: String) throws(SyncError) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(json))
        } catch {
            throw SyncError(
                .notAnInbox,
                "\(source) is not a JSON manifest (\(error.localizedDescription)); check that the URL is a public-inbox inbox"
            )
        }
        guard let repositories = object as? [String: Any] else {
            throw SyncError(
                .notAnInbox, "\(source) is not a manifest of repositories; check that the URL is a public-inbox inbox")
        }
        var byEpoch: [Int: Entry] = [:]
        for (path, value) in repositories {
            guard let epoch = Self.epochNumber(path) else { continue }
            let fields = value as? [String: Any] ?? [:]
            byEpoch[epoch] = Entry(
                epoch: epoch,
                fingerprint: fields["fingerprint"] as? String,
                modified: (fields["modified"] as? NSNumber)?.int64Value
            )
        }
        entries = byEpoch.keys.sorted().compactMap { byEpoch[$0] }
    }

    /// `N` for a path ending in `/git/N.git` (`N` decimal digits only), otherwise nil.
    static func epochNumber(_ path: String) -> Int? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard parts.count >= 2, parts[parts.count - 2] == "git" else { return nil }
        let name = parts[parts.count - 1]
        guard name.hasSuffix(".git") else { return nil }
        let digits = name.dropLast(4)
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }
}
