import Testing

@testable import MailParser

@Suite struct HeaderParametersTests {
    @Test func parsesTokenAndQuotedValues() {
        let parsed = HeaderParameters(
            bytes(
                "Multipart/Signed; micalg=pgp-sha512;\r\n\tprotocol=\"application/pgp-signature\"; boundary=\"2tSGI2X8sep9nY9m\""
            ))
        #expect(parsed.head == "multipart/signed")
        #expect(parsed.parameters["protocol"] == "application/pgp-signature")
        #expect(parsed.parameters["boundary"] == "2tSGI2X8sep9nY9m")
    }

    @Test func quotedValueMayHoldSemicolonsAndEscapes() {
        let parsed = HeaderParameters(bytes("attachment; filename=\"a;b \\\"c\\\".patch\"; size=3"))
        #expect(parsed.parameters["filename"] == "a;b \"c\".patch")
        #expect(parsed.parameters["size"] == "3")
    }

    @Test func rfc2231ExtendedValueIsCharsetDecoded() {
        let parsed = HeaderParameters(bytes("attachment; filename*=iso-8859-1'fr'caf%E9.txt"))
        #expect(parsed.parameters["filename"] == "café.txt")
    }

    @Test func rfc2231ContinuationsAreJoinedInOrder() {
        let parsed = HeaderParameters(
            bytes("attachment; filename*1=\"-part.pa\"; filename*0*=UTF-8''D%C3%A9but; filename*2=tch"))
        #expect(parsed.parameters["filename"] == "Début-part.patch")
    }

    @Test func encodedWordInPlainValueIsDecoded() {
        let parsed = HeaderParameters(bytes("attachment; filename=\"=?UTF-8?B?5pel5pys6Kqe?=.patch\""))
        #expect(parsed.parameters["filename"] == "日本語.patch")
    }
}
