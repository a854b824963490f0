import Testing

@testable import MailParser

@Suite struct ContentTypeTests {
    @Test func typeAndSubtypeAreLowerCased() {
        let type = ContentType(headerValue: bytes(" Text/PLAIN; Charset=\"ISO-8859-1\"; format=flowed"))
        #expect(type.mimeType == "text/plain")
        #expect(type.charset == "ISO-8859-1")
        #expect(type.parameters["format"] == "flowed")
    }

    @Test(arguments: ["", "garbage", "text/"])
    func unusableTypeDefaultsToTextPlain(value: String) {
        #expect(ContentType(headerValue: bytes(value)).mimeType == "text/plain")
    }

    @Test func dispositionKindAndFilename() {
        let disposition = ContentDisposition(headerValue: bytes("Attachment; filename=\"0001-fix.patch\""))
        #expect(disposition.isAttachment)
        #expect(disposition.filename == "0001-fix.patch")
    }

    @Test(arguments: [
        (nil as String?, TransferDecoding.sevenBit),
        (" 8BIT", .eightBit),
        ("Quoted-Printable", .quotedPrintable),
        ("base64 (comment)", .base64),
        ("binary", .binary),
        ("x-uuencode", .other("x-uuencode")),
    ])
    func transferEncodingIsRecognised(value: String?, expected: TransferDecoding) {
        #expect(TransferDecoding(headerValue: value.map(bytes)) == expected)
    }
}
