import Testing

@testable import MailParser

@Suite struct MIMEWalkerTests {
    static let signed = """
        From: Mark <m@k.org>
        Subject: Re: x
        Content-Type: multipart/signed; micalg=pgp-sha512;
        \tprotocol="application/pgp-signature"; boundary="XyZ"

        preamble
        --XyZ
        Content-Type: text/plain; charset=us-ascii
        Content-Transfer-Encoding: quoted-printable

        soft=
        break and =3D sign
        --XyZ
        Content-Type: application/pgp-signature; name="signature.asc"

        -----BEGIN PGP SIGNATURE-----
        --XyZ--
        epilogue
        """

    @Test(arguments: ["\n", "\r\n"])
    func signedMessageTextIsFirstPart(lineEnd: String) {
        let message = MailMessage(bytes: mailBytes(Self.signed, lineEnd: lineEnd))
        let body = message.bodyText()
        #expect(body.text == "softbreak and = sign")
        #expect(body.problems.isEmpty)
        #expect(message.parts().parts.map(\.contentType.mimeType) == ["text/plain", "application/pgp-signature"])
    }

    @Test func patchAttachmentsFollowTheText() {
        let raw = """
            Subject: [PATCH] x
            Content-Type: multipart/mixed; boundary=b1

            --b1
            Content-Type: multipart/alternative; boundary="b2"

            --b2
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: base64

            SGVsbG8sIHdvcmxkIQ==
            --b2
            Content-Type: text/html

            <p>Hello</p>
            --b2--
            --b1
            Content-Type: text/x-patch; name="a.patch"
            Content-Disposition: inline

            diff --git a/x b/x
            --b1
            Content-Type: application/octet-stream
            Content-Disposition: attachment; filename="0002-b.diff"

            +added
            --b1
            Content-Type: text/plain
            Content-Disposition: attachment; filename="notes.txt"

            not included
            --b1--
            """
        let body = MailMessage(bytes: mailBytes(raw)).bodyText()
        #expect(body.text == "Hello, world!\ndiff --git a/x b/x\n+added")
    }

    @Test func partWithoutHeadersIsTextPlain() {
        let raw = "Content-Type: multipart/mixed; boundary=b\n\n--b\n\nbare text\n--b--\n"
        #expect(MailMessage(bytes: mailBytes(raw)).bodyText().text == "bare text")
    }

    @Test func depthLimitSkipsDeeperParts() {
        var raw = "Content-Type: multipart/mixed; boundary=b0\n\n"
        for level in 1...5 { raw += "--b\(level - 1)\nContent-Type: multipart/mixed; boundary=b\(level)\n\n" }
        raw += "--b5\n\ndeep text\n"
        let limits = MailParseLimits(depth: 3)
        let message = MailMessage(bytes: mailBytes(raw), limits: limits)
        let walk = message.parts()
        #expect(walk.parts.isEmpty)
        #expect(walk.problems.contains("multipart nested deeper than 3; inner parts skipped"))
        #expect(MailMessage(bytes: mailBytes(raw)).bodyText().text == "deep text\n")
    }

    @Test func partLimitStopsTheWalk() {
        var raw = "Content-Type: multipart/mixed; boundary=b\n\n"
        for index in 0..<50 { raw += "--b\n\npart \(index)\n" }
        raw += "--b--\n"
        let walk = MailMessage(bytes: mailBytes(raw), limits: MailParseLimits(parts: 10)).parts()
        #expect(walk.parts.count == 9)
        #expect(walk.problems == ["more than 10 MIME parts; the rest ignored"])
    }

    @Test func overlongBoundaryMakesContainerALeaf() {
        let boundary = String(repeating: "b", count: 30)
        let raw = "Content-Type: multipart/mixed; boundary=\(boundary)\n\n--\(boundary)\n\ntext\n"
        let walk = MailMessage(bytes: mailBytes(raw), limits: MailParseLimits(boundaryBytes: 20)).parts()
        #expect(walk.parts.count == 1)
        #expect(walk.problems == ["multipart boundary over 20 bytes; part read as text"])
    }

    @Test func boundaryPrefixOfLongerLineIsNotADelimiter() {
        let raw = "Content-Type: multipart/mixed; boundary=b\n\n--b\n\none\n--bb not a delimiter\n--b--\n"
        #expect(MailMessage(bytes: mailBytes(raw)).bodyText().text == "one\n--bb not a delimiter")
    }
}
