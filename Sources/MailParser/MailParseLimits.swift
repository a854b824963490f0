/// Every limit that protects the parser from hostile input, named and in one place.
///
/// Exceeding a limit is never fatal: the excess is dropped or left undecoded and a problem is
/// recorded on the message or its ``BodyText``.
package struct MailParseLimits: Sendable, Hashable {
    /// Bytes kept of one header field's value; the rest is dropped ("header line over … truncated").
    package var headerFieldBytes: Int
    /// Leaf and container parts visited by the MIME walk.
    package var parts: Int
    /// Nesting depth of multipart containers.
    package var depth: Int
    /// Longest accepted multipart boundary.
    package var boundaryBytes: Int

    package init(headerFieldBytes: Int = 102_400, parts: Int = 1000, depth: Int = 20, boundaryBytes: Int = 2048) {
        self.headerFieldBytes = headerFieldBytes
        self.parts = parts
        self.depth = depth
        self.boundaryBytes = boundaryBytes
    }

    /// The limits used when none are given.
    package static let standard = MailParseLimits()
}
