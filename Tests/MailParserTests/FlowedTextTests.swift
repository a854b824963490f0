import Testing

@testable import MailParser

@Suite struct FlowedTextTests {
    @Test(arguments: [
        ("a long \nline\n", false, "a long line\n"),
        ("a long \nline\n", true, "a longline\n"),
        ("fixed\nlines\n", false, "fixed\nlines\n"),
        (" From stuffed\n", false, "From stuffed\n"),
        ("> quoted \n> text\nreply\n", false, "> quoted text\nreply\n"),
        ("> flowed \nunquoted\n", false, "> flowed \nunquoted\n"),
        ("body\n-- \nsig\n", false, "body\n-- \nsig\n"),
        ("no newline at end", false, "no newline at end"),
        ("", false, ""),
        ("\n", false, "\n"),
        ("a \n\nb \n", false, "a \nb \n"),
        ("flows at the end ", true, "flows at the end"),
        (">> deep \n>> more\n> shallow\n", false, ">> deep more\n> shallow\n"),
        (">> deep \n> shallow \n\n", false, ">> deep \n> shallow \n\n"),
        ("sig \n-- \nname\n", false, "sig -- \nname\n"),
    ])
    func unwrapsFlowedLines(input: String, deleteSpace: Bool, expected: String) {
        #expect(FlowedText.unwrap(input, deleteSpace: deleteSpace) == expected)
    }

    @Test func bodyTextUnwrapsFlowedParts() {
        let raw = "Content-Type: text/plain; charset=utf-8; format=flowed; delsp=no\n\nHello \nworld\n"
        #expect(MailMessage(bytes: mailBytes(raw, lineEnd: "\r\n")).bodyText().text == "Hello world\n")
    }
}
