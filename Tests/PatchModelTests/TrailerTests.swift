import MailParser
import PatchModel
import Testing

@Suite struct TrailerTests {
    @Test(
        "Known trailer names",
        arguments: [
            ("Signed-off-by", true), ("Reviewed-by", true), ("Acked-by", true), ("Tested-by", true),
            ("Reported-by", true), ("Suggested-by", true), ("Co-developed-by", true), ("Cc", true),
            ("Fixes", false), ("Link", false), ("Closes", false), ("Change-Id", false), ("Message-ID", false),
            ("Base-commit", false),
        ])
    func knownNames(_ name: String, _ isPerson: Bool) {
        let trailer = Trailer(line: "\(name): Jane Doe <jane@example.org>"[...])
        #expect(trailer?.name == name)
        #expect(trailer?.isPersonTrailer == isPerson)
        #expect((trailer?.person != nil) == isPerson)
    }

    @Test(
        "Not trailers",
        arguments: ["Note: prose", "Signed-off-by:", " Signed-off-by: A <a@b.c>", "> Acked-by: A <a@b.c>", "http://x"])
    func notTrailers(_ line: String) {
        #expect(Trailer(line: line[...]) == nil)
    }

    @Test func personWithoutAddressIsNil() {
        let trailer = Trailer(line: "Suggested-by: Sean"[...])
        #expect(trailer?.isPersonTrailer == true)
        #expect(trailer?.person == nil)
        #expect(trailer?.value == "Sean")
    }

    @Test func otherByNamesArePersonTrailers() {
        let trailer = Trailer(line: "Debugged-by: D <d@example.org>"[...])
        #expect(trailer?.isPersonTrailer == true)
        #expect(trailer?.key == "debugged-by")
    }

    @Test func encodedNameInPersonTrailerIsDecoded() {
        let trailer = Trailer(line: "Reviewed-by: =?UTF-8?q?Philippe=20Mathieu-Daud=C3=A9?= <philmd@linaro.org>"[...])
        #expect(trailer?.person == Mailbox(name: "Philippe Mathieu-Daudé", address: "philmd@linaro.org"))
    }
}
