/// A Content-Disposition value (RFC 2183): `inline` or `attachment` and parameters such as `filename`.
package struct ContentDisposition: Sendable, Hashable {
    /// Lower-cased: `inline`, `attachment`, or whatever the sender wrote.
    package var kind: String
    package var parameters: [String: String]

    package init(headerValue: some Collection<UInt8>) {
        let parsed = HeaderParameters(headerValue)
        kind = parsed.head
        parameters = parsed.parameters
    }

    package var isAttachment: Bool { kind == "attachment" }
    package var filename: String? { parameters["filename"] }
}
