/// A Content-Type value: lower-cased type and subtype, and its parameters.
package struct ContentType: Sendable, Hashable {
    package var type: String
    package var subtype: String
    package var parameters: [String: String]

    /// `text/plain; charset=us-ascii`, the default of RFC 2045.
    package static let textPlain = ContentType(type: "text", subtype: "plain", parameters: [:])

    package init(type: String, subtype: String, parameters: [String: String]) {
        self.type = type
        self.subtype = subtype
        self.parameters = parameters
    }

    /// Parses a header value; a value without `type/subtype` gives text/plain (RFC 2045 5.2).
    package init(headerValue: some Collection<UInt8>) {
        let parsed = HeaderParameters(headerValue)
        let parts = parsed.head.split(separator: "/", maxSplits: 1)
        if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty {
            type = String(parts[0])
            subtype = String(parts[1])
        } else {
            type = "text"
            subtype = "plain"
        }
        parameters = parsed.parameters
    }

    /// `type/subtype`.
    package var mimeType: String { type + "/" + subtype }
    package var isMultipart: Bool { type == "multipart" }
    package var charset: String? { parameters["charset"] }
    package var boundary: String? { parameters["boundary"] }
    package var name: String? { parameters["name"] }
}
