import Glibc

/// One leaf of a message's MIME tree, located in the message bytes.
package struct MIMEPart: Sendable {
    /// The part's own header fields (ranges into the message bytes); empty for a bare body.
    package var header: HeaderBlock
    package var contentType: ContentType
    package var disposition: ContentDisposition?
    package var transferEncoding: TransferDecoding
    /// Nesting depth: 0 for a message that is not multipart, 1 for a direct child, …
    package var depth: Int

    package var body: Range<Int> { header.body }

    /// The file name from Content-Disposition `filename` or Content-Type `name`.
    package var filename: String? { disposition?.filename ?? contentType.name }

    /// text/x-patch, text/x-diff, or a part named *.patch / *.diff.
    ///
    /// The name counts whatever the disposition: mailers also send patches as
    /// `text/plain; inline; filename=0001-x.patch` after the cover text.
    package var isPatch: Bool {
        if contentType.type == "text", ["x-patch", "x-diff", "diff", "patch"].contains(contentType.subtype) {
            return true
        }
        guard let filename = filename?.lowercased() else { return false }
        return filename.hasSuffix(".patch") || filename.hasSuffix(".diff")
    }

    /// Builds the part description from its header block.
    init(header: HeaderBlock, in bytes: [UInt8], depth: Int) {
        self.header = header
        self.depth = depth
        if let value = header.firstValue(of: MIMEPart.contentTypeName, in: bytes) {
            contentType = ContentType(headerValue: value)
        } else {
            contentType = .textPlain
        }
        disposition = header.firstValue(of: MIMEPart.dispositionName, in: bytes).map {
            ContentDisposition(headerValue: $0)
        }
        transferEncoding = TransferDecoding(headerValue: header.firstValue(of: MIMEPart.encodingName, in: bytes))
    }

    /// Transfer-decodes and charset-decodes the body; CRLF and bare CR become LF; format=flowed is unwrapped.
    ///
    /// A missing or US-ASCII charset with 8-bit bytes is read as UTF-8 when valid, else as
    /// ISO-8859-1 (with a problem): that is what such mails almost always are.
    package func decodedText(in bytes: [UInt8]) -> (text: String, problems: [String]) {
        var result: (text: String, problems: [String])
        switch transferEncoding {
        case .quotedPrintable, .base64:
            result = charsetDecoded(transferEncoding.decode(bytes[body]))
        case .sevenBit, .eightBit, .binary, .other:
            // These pass the bytes through: read them where they are, without a copy.
            result = charsetDecoded(bytes[body])
        }
        result.text = MIMEPart.normalizingLineEnds(result.text)
        if contentType.type == "text", contentType.parameters["format"]?.lowercased() == "flowed" {
            let deleteSpace = contentType.parameters["delsp"]?.lowercased() == "yes"
            result.text = FlowedText.unwrap(result.text, deleteSpace: deleteSpace)
        }
        return result
    }

    /// The transfer-decoded bytes in the part's charset (see `decodedText(in:)`).
    private func charsetDecoded(_ decoded: some Collection<UInt8>) -> (text: String, problems: [String]) {
        let charset = Charset(contentType.charset ?? "us-ascii")
        guard charset.kind == .ascii else { return charset.decode(decoded) }
        let utf8 = Charset.decodeUTF8(decoded)
        return utf8.valid
            ? (utf8.string, [])
            : (Charset.decodeLatin1(decoded), ["8-bit bytes in a US-ASCII body decoded as ISO-8859-1"])
    }

    /// CRLF and a bare CR become LF.
    static func normalizingLineEnds(_ text: String) -> String {
        let hasCarriageReturn =
            text.utf8.withContiguousStorageIfAvailable { buffer in
                buffer.baseAddress.map { memchr($0, Int32(ASCII.cr), buffer.count) != nil } ?? false
            } ?? text.utf8.contains(ASCII.cr)
        guard hasCarriageReturn else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        // CRLF and a lone CR (old Mac mailers; the header scanner accepts it too) both end a line.
        var previousCR = false
        for byte in text.utf8 {
            if byte == ASCII.cr {
                output.append(ASCII.lf)
            } else if !(byte == ASCII.lf && previousCR) {
                output.append(byte)
            }
            previousCR = byte == ASCII.cr
        }
        return String(decoding: output, as: UTF8.self)
    }

    static let contentTypeName = Array("content-type".utf8)
    static let dispositionName = Array("content-disposition".utf8)
    static let encodingName = Array("content-transfer-encoding".utf8)
}
