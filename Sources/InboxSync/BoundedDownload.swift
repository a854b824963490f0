import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One HTTP GET whose body is read up to a limit: a server that sends more (a 600 MB
/// "manifest") is cut off once the limit is passed, instead of being buffered whole.
final class BoundedDownload: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    enum Outcome: Sendable {
        /// The status and the whole body.
        case answered(status: Int, body: [UInt8])
        /// The body (or its announced Content-Length) is longer than the limit.
        case tooLarge
        /// No HTTP answer came.
        case failed(any Error)
    }

    private let limit: Int
    /// Touched only on the session's serial delegate queue.
    private var body: [UInt8] = []
    private var status = 0
    private var exceeded = false
    private var continuation: CheckedContinuation<Outcome, Never>?

    private init(limit: Int) {
        self.limit = limit
    }

    /// GETs `request`, reading at most `limit` bytes of the body.
    static func get(_ request: URLRequest, limit: Int) async -> Outcome {
        let download = BoundedDownload(limit: limit)
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        let session = URLSession(configuration: configuration, delegate: download, delegateQueue: queue)
        defer { session.finishTasksAndInvalidate() }
        return await withCheckedContinuation { continuation in
            queue.addOperation {
                download.continuation = continuation
                session.dataTask(with: request).resume()
            }
        }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        status = (response as? HTTPURLResponse)?.statusCode ?? 0
        if response.expectedContentLength > Int64(limit) {
            exceeded = true
            completionHandler(.cancel)
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        guard !exceeded else { return }
        if body.count + data.count > limit {
            exceeded = true
            dataTask.cancel()
            return
        }
        body.append(contentsOf: data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let outcome: Outcome =
            if exceeded { .tooLarge } else if let error { .failed(error) } else {
                .answered(status: status, body: body)
            }
        continuation?.resume(returning: outcome)
        continuation = nil
    }
}
