import Foundation
internal import InboxReader

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Downloads an inbox's `manifest.js.gz` with URLSession, bounded (see ``BoundedDownload``).
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
        guard let url = URL(string: inbox.manifestURL) else {
            throw SyncError(.invalidURL, "'\(inbox.url)' is not a valid URL; give it as https://HOST/INBOX")
        }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.setValue("lore-digest", forHTTPHeaderField: "User-Agent")
        if let authorization = inbox.authorization {
            request.setValue(authorization, forHTTPHeaderField: "Authorization")
        }
        switch await BoundedDownload.get(request, limit: downloadLimit) {
        case .answered(let status, let body):
            return status == 200 ? .found(body) : .missing(status: status)
        case .tooLarge:
            throw SyncError(
                .tooLarge,
                "\(inbox.manifestURL) is larger than \(downloadLimit >> 20) MB, far more than a manifest; check that the URL is a public-inbox inbox"
            )
        case .failed(let error):
            throw SyncError(
                .unreachable,
                "cannot reach \(hostDescription(inbox.url)) (\(reason(error))); check the URL and your network")
        }
    }

    /// `scheme://host[:port]` of a URL, for messages.
    static func hostDescription(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let afterScheme = url[schemeEnd.upperBound...]
        return String(url[..<schemeEnd.upperBound]) + afterScheme.prefix { $0 != "/" }
    }

    private static func reason(_ error: any Error) -> String {
        guard let urlError = error as? URLError else { return error.localizedDescription }
        switch urlError.code {
        case .cannotConnectToHost: return "connection refused"
        case .cannotFindHost, .dnsLookupFailed: return "unknown host"
        case .timedOut: return "timed out"
        case .notConnectedToInternet, .networkConnectionLost: return "no network connection"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            return "TLS failed"
        default: return urlError.localizedDescription
        }
    }
}
