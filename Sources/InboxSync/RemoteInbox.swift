import Foundation
internal import InboxReader

/// The address of a public-inbox v2 inbox served over HTTP(S), e.g. `https://lore.kernel.org/kvm`.
///
/// Only the URL's text is checked here (scheme, host, no query or fragment); whether a server
/// answers is found out by ``ManifestFetcher`` and git.
///
/// Credentials in the URL (`https://user:password@host/inbox`) are taken out of it: ``url`` never
/// holds them, so they are never printed, nor written into a mirror's `git/N.git/config`; they
/// reach the server as an `Authorization: Basic` header (``authorization``), for this run only.
package struct RemoteInbox: Sendable, Hashable, CustomStringConvertible {
    /// The inbox URL without a trailing slash and without credentials; its scheme in lower case.
    package let url: String
    /// `Basic BASE64(user:password)` when the URL gave credentials, else nil.
    package let authorization: String?

    /// - Throws: `SyncError` `.invalidURL` unless `text` is `http://HOST/…` or `https://HOST/…`.
    package init(_ text: String) throws(SyncError) {
        var trimmed = Substring(text)
        while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        let lower = trimmed.lowercased()
        // What a message may quote of what was given: without the credentials.
        let shown = Self.withoutUserInfo(text)
        guard let scheme = ["http://", "https://"].first(where: { lower.hasPrefix($0) }) else {
            throw SyncError(
                .invalidURL,
                "'\(shown)' is not an http:// or https:// URL; give the inbox URL, e.g. https://lore.kernel.org/kvm")
        }
        let rest = trimmed.dropFirst(scheme.count)
        let authority = rest.prefix { $0 != "/" }
        let path = rest.dropFirst(authority.count)
        let userInfo = authority.lastIndex(of: "@").map { authority[..<$0] }
        let host = userInfo.map { authority[authority.index(after: $0.endIndex)...] } ?? authority
        guard !host.isEmpty,
            !trimmed.contains(where: { $0 == "?" || $0 == "#" || $0.isWhitespace || Self.isControl($0) })
        else {
            throw SyncError(
                .invalidURL,
                "'\(shown)' is not a usable inbox URL (no host, or a query, fragment or space); give it as https://HOST/INBOX"
            )
        }
        url = scheme + host + path
        authorization = userInfo.map { info in
            let decoded = String(info).removingPercentEncoding ?? String(info)
            let pair = decoded.contains(":") ? decoded : decoded + ":"
            return "Basic " + Data(pair.utf8).base64EncodedString()
        }
    }

    /// `text` with anything between `://` and the host's `@` left out, for messages.
    static func withoutUserInfo(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let rest = text[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" }
        guard let at = authority.lastIndex(of: "@") else { return text }
        return String(text[..<schemeEnd.upperBound]) + String(rest[rest.index(after: at)...])
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
