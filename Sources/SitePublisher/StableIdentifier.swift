internal import PatchModel

/// `urn:uuid:…` names for the feed and its entries: a name-based UUID (version 5 layout over
/// SHA-1, RFC 9562) of a fixed text, so the same site and week keep the same id on every run
/// and every machine, as RFC 4287 asks of `atom:id`.
enum StableIdentifier {
    static func urn(for name: String) -> String {
        var bytes = Array(SHA1.digest(of: Array(("lore-digest:" + name).utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50  // version 5
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC variant
        let hex = bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(hex.dropFirst(range.lowerBound).prefix(range.count))
        }
        return "urn:uuid:" + groups.joined(separator: "-")
    }

    /// SHA-1 of `parts`, each followed by a line end, as 40 hex digits.
    static func fingerprint(_ parts: [String]) -> String {
        var sha = SHA1()
        for part in parts {
            Array((part + "\n").utf8).withUnsafeBytes { sha.update($0) }
        }
        return sha.finalize().map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
