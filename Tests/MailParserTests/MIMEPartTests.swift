import Testing

@testable import MailParser

@Suite struct MIMEPartTests {
    private func part(_ headers: String) -> MIMEPart {
        let raw = mailBytes(headers + "\n\nbody")
        let header = HeaderParser.scan(raw, in: 0..<raw.count, allowMboxFromLine: false)
        return MIMEPart(header: header, in: raw, depth: 1)
    }

    @Test(arguments: [
        ("Content-Type: text/x-patch", true),
        ("Content-Type: text/x-diff; charset=utf-8", true),
        ("Content-Type: application/octet-stream\nContent-Disposition: attachment; filename=0001-a.PATCH", true),
        ("Content-Type: text/plain; name=\"fix.diff\"\nContent-Disposition: attachment", true),
        ("Content-Type: text/plain\nContent-Disposition: inline; filename=fix.patch", true),
        ("Content-Type: text/plain\nContent-Disposition: attachment; filename=notes.txt", false),
        ("Content-Type: text/plain", false),
    ])
    func recognisesPatchParts(headers: String, isPatch: Bool) {
        #expect(part(headers).isPatch == isPatch)
    }

    @Test func missingContentTypeIsTextPlainSevenBit() {
        let bare = part("X-Other: 1")
        #expect(bare.contentType == .textPlain)
        #expect(bare.transferEncoding == .sevenBit)
        #expect(bare.disposition == nil)
    }

    @Test func crlfAndLoneCarriageReturnsBothEndALine() {
        // Old Mac mailers end lines with a bare CR; the header scanner accepts it, so the body must
        // too, or an in-body From: line would run to the end of the body.
        #expect(MIMEPart.normalizingLineEnds("a\r\nb\rc\r") == "a\nb\nc\n")
        #expect(MIMEPart.normalizingLineEnds("x\r\r\ny") == "x\n\ny")
    }
}
