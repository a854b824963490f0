import MailParser
import PatchModel
import Testing

@Suite struct InBodyHeadersTests {
    @Test func readsInBodyFromAndDropsTheBlankLineAfterIt() {
        let body = "From: Li RongQing <lirongqing@baidu.com>\n\nDuring VM reboot/shutdown, device MMIO\nmore\n"
        let headers = InBodyHeaders.parse(body: body)
        #expect(headers.from == Mailbox(name: "Li RongQing", address: "lirongqing@baidu.com"))
        #expect(headers.headerLineCount == 1)
        #expect(headers.remainder == "During VM reboot/shutdown, device MMIO\nmore\n")
    }

    @Test func blankLinesBeforeTheBlockAreIgnored() {
        let body = "\n\nFrom: Shivank Garg <shivankg@amd.com>\nDate: Tue, 7 Oct 2025 15:14:08 -0700\n\nAdd a thing\n"
        let headers = InBodyHeaders.parse(body: body)
        #expect(headers.from == Mailbox(name: "Shivank Garg", address: "shivankg@amd.com"))
        #expect(headers.date == "Tue, 7 Oct 2025 15:14:08 -0700")
        #expect(headers.remainder == "Add a thing\n")
    }

    @Test func namesAreCaseInsensitiveAndSubjectMayContinue() {
        let body = "from: A <a@example.org>\nSUBJECT: [PATCH] a long\n subject line\n\nBody\n"
        let headers = InBodyHeaders.parse(body: body)
        #expect(headers.from?.address == "a@example.org")
        #expect(headers.subject == "[PATCH] a long subject line")
        #expect(headers.remainder == "Body\n")
    }

    @Test func encodedInBodyFromIsDecoded() {
        let body = "From: =?UTF-8?q?Philippe=20Mathieu-Daud=C3=A9?= <philmd@linaro.org>\n\nText\n"
        let headers = InBodyHeaders.parse(body: body)
        #expect(headers.from == Mailbox(name: "Philippe Mathieu-Daudé", address: "philmd@linaro.org"))
    }

    @Test func fromFurtherDownIsText() {
        let body = "Fix the thing.\n\nFrom: Someone <s@example.org>\nis quoted here.\n"
        let headers = InBodyHeaders.parse(body: body)
        #expect(headers.from == nil)
        #expect(headers.headerLineCount == 0)
        #expect(headers.remainder == body[...])
    }

    @Test func noBlockKeepsTheBodyWithoutLeadingBlankLines() {
        let headers = InBodyHeaders.parse(body: "\n\n  \nFirst line\n")
        #expect(headers.remainder == "First line\n")
    }

    @Test func crlfBody() {
        let headers = InBodyHeaders.parse(body: "From: A <a@example.org>\r\n\r\nBody\r\n")
        #expect(headers.from?.address == "a@example.org")
        #expect(headers.remainder == "Body\r\n")
    }

    @Test func blockWithoutBlankLineEndsAtTheFirstOtherLine() {
        let headers = InBodyHeaders.parse(body: "From: A <a@example.org>\nBody right away\n")
        #expect(headers.from?.address == "a@example.org")
        #expect(headers.remainder == "Body right away\n")
    }

    @Test func unparseableFromIsAProblem() {
        let headers = InBodyHeaders.parse(body: "From: nobody at all\n\nBody\n")
        #expect(headers.from == nil)
        #expect(headers.problems.count == 1)
        #expect(headers.remainder == "Body\n")
    }
}
