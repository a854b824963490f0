import Foundation
internal import InboxReader

/// Downloads an inbox's `manifest.js.gz` with curl, bounded (see ``BoundedDownload``).
enum ManifestFetcher {
    /// What the server said about the manifest.
    enum Answer: Sendable {
        /// HTTP 200 and the (possibly still compressed) body.
        case found([UInt8])
        /// Any other HTTP status: the server is there, the manifest is not (a 404, or no manifest support).
        case missing(status: Int)
    }

    /// The most of a manifest that is downloaded: a real one is kilobytes.
    static let downloadLimit = 16 << 20

    /// GETs `inbox.manifestURL`, reading at most ``downloadLimit`` bytes of it.
    /// - Throws: `SyncError` `.unreachable` when no HTTP answer came at all, `.tooLarge` when
    ///   the body is longer than ``downloadLimit``.
    static func fetch(_ inbox: RemoteInbox, timeout: Double = 60) async throws(SyncError) -> Answer {
        guard URL(string: inbox.manifestURL) != nil else {
            throw SyncError(.invalidURL, "'\(inbox.url)' is not a valid URL; give it as https://HOST/INBOX")
        }
        let outcome = await BoundedDownload.get(
            url: inbox.manifestURL, authorization: inbox.authorization, limit: downloadLimit, timeout: timeout)
        switch outcome {
        case .answered(let status, let body):
            return status == 200 ? .found(body) : .missing(status: status)
        case .tooLarge:
            throw SyncError(
                .tooLarge,
                "\(inbox.manifestURL) is larger than \(downloadLimit >> 20) MB, far more than a manifest; check that the URL is a public-inbox inbox"
            )
        case .failed(let reason):
            throw SyncError(
                .unreachable, "cannot reach \(hostDescription(inbox.url)) (\(reason)); check the URL and your network")
        }
    }

    /// `scheme://host[:port]` of a URL, for messages.
    static func hostDescription(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let afterScheme = url[schemeEnd.upperBound...]
        return String(url[..<schemeEnd.upperBound]) + afterScheme.prefix { $0 != "/" }
    }
}
