internal import InboxReader
/// The address of a public-inbox v2 inbox served over HTTP(S), e.g. `https://lore.kernel.org/kvm`.
///
/// Only the URL's text is checked here (scheme, host, no query or fragment); whether a server
/// answers is found out by ``ManifestFetcher`` and git.
package struct RemoteInbox: Sendable, Hashable, CustomStringConvertible {
    /// The inbox URL without a trailing slash.
    package let url: String

    /// - Throws: `SyncError` `.invalidURL` unless `text` is `http://HOST/…` or `https://HOST/…`.
    package init(_ text: String) throws(SyncError) {
        var trimmed = Substring(text)
        while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        let lower = trimmed.lowercased()
        guard let schemeEnd = ["http://", "https://"].first(where: { lower.hasPrefix($0) }) else {
            throw SyncError(.invalidURL,
                "'\(text)' is not an http:// or https:// URL; give the inbox URL, e.g. https://lore.kernel.org/kvm")
        }
        let rest = trimmed.dropFirst(schemeEnd.count)
        let host = rest.prefix { $0 != "/" }
        guard !host.isEmpty,
            !trimmed.contains(where: { $0 == "?" || $0 == "#" || $0.isWhitespace || Self.isControl($0) })
        else {
            throw SyncError(.invalidURL,
                "'\(text)' is not a usable inbox URL (no host, or a query, fragment or space); give it as https://HOST/INBOX")
        }
        url = String(trimmed)
    }

    /// Control characters (C0, DEL, C1) would reach the terminal in progress and error lines.
    private static func isControl(_ character: Character) -> Bool {
        character.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// `URL/manifest.js.gz`: the grokmirror manifest public-inbox serves for the inbox.
    package var manifestURL: String { url + "/manifest.js.gz" }

    /// `URL/N`: where public-inbox serves epoch N for `git clone` (as lore's mirroring notes show).
    package func epochURL(_ number: Int) -> String { url + "/\(number)" }

    package var description: String { url }
}
