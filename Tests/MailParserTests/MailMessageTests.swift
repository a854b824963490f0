import Testing

@testable import MailParser

@Suite struct MailMessageTests {
    @Test func headerPropertiesDecode() {
        let raw = """
            From: =?UTF-8?q?Philippe=20Mathieu-Daud=C3=A9?= <philmd@linaro.org>
            Reply-To: list@x.org
            X-Original-From: Jane <jane@x.org>
            Subject: =?UTF-8?B?W1BBVENIXSBLVk06IGZpeCDDqQ==?=
             =?UTF-8?Q?_again?=  now
            Date: Tue, 7 Oct 2025 10:16:16 +0200
            Message-ID: <20251007081616.1-philmd@linaro.org>

            body
            """
        let message = MailMessage(bytes: mailBytes(raw))
        #expect(message.from == Mailbox(name: "Philippe Mathieu-Daudé", address: "philmd@linaro.org"))
        #expect(message.replyTo == Mailbox(name: "", address: "list@x.org"))
        #expect(message.originalFrom == Mailbox(name: "Jane", address: "jane@x.org"))
        #expect(message.subject == "[PATCH] KVM: fix é again now")
        #expect(message.date == MailDate(secondsSince1970: 1_759_824_976, offsetMinutes: 120))
        #expect(message.messageID == "20251007081616.1-philmd@linaro.org")
        #expect(message.problems.isEmpty)
        #expect(message.bodyText().text == "body")
    }

    @Test func recipientListsJoinRepeatedFields() {
        let message = MailMessage(
            bytes: mailBytes("To: a@x, \"B, b\" <b@y>\nCc: undisclosed-recipients:;\nCc: c@z\nTo: d@w\n\n"))
        #expect(message.to.map(\.address) == ["a@x", "b@y", "d@w"])
        #expect(message.cc == [Mailbox(name: "", address: "c@z")])
    }

    @Test func missingHeadersAreProblemsNotFailures() {
        let message = MailMessage(bytes: mailBytes("X-Foo: bar\n\nhello\n"))
        #expect(message.hasHeaderBlock)
        #expect(message.subject == nil && message.from == nil && message.date == nil && message.messageID == nil)
        #expect(message.references.isEmpty)
        #expect(message.problems == ["no Subject header", "no From header", "no Message-ID header", "no Date header"])
    }

    @Test func invalidUTF8InSubjectIsReplacedAndReported() {
        let raw = bytes("Subject: caf") + [0xE9, 0x0A, 0x0A]
        let message = MailMessage(bytes: raw)
        #expect(message.subject == "caf\u{FFFD}")
        #expect(message.problems.contains("invalid UTF-8 replaced in Subject"))
    }

    @Test func nulBytesDoNotStopParsing() {
        let raw = bytes("Subject: a") + [0x00] + bytes("b\nFrom: x@y\n\nbo") + [0x00] + bytes("dy")
        let message = MailMessage(bytes: raw)
        #expect(message.subject == "a\u{0}b")
        #expect(message.from?.address == "x@y")
        #expect(message.bodyText().text == "bo\u{0}dy")
    }

    @Test func eightBitLatin1BodyDecodes() {
        let raw =
            bytes("Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n\nDaud") + [
                0xE9, 0x0A,
            ]
        #expect(MailMessage(bytes: raw).bodyText().text == "Daudé\n")
    }

    @Test func undeclared8BitBodyFallsBackToLatin1WhenNotUTF8() {
        let latin1 = MailMessage(bytes: bytes("Subject: s\n\nDaud") + [0xE9]).bodyText()
        #expect(latin1.text == "Daudé")
        #expect(latin1.problems == ["8-bit bytes in a US-ASCII body decoded as ISO-8859-1"])
        let utf8 = MailMessage(bytes: bytes("Subject: s\n\nDaudé")).bodyText()
        #expect(utf8.text == "Daudé")
        #expect(utf8.problems.isEmpty)
    }

    @Test func koi8rBase64BodyDecodes() {
        let raw = "Content-Type: text/plain; charset=KOI8-R\nContent-Transfer-Encoding: base64\n\n8NLJ18XU\n"
        #expect(MailMessage(bytes: mailBytes(raw)).bodyText().text == "Привет")
    }

    @Test func crlfBecomesLFInBody() {
        let message = MailMessage(bytes: mailBytes("Subject: s\n\nline 1\nline 2\n", lineEnd: "\r\n"))
        #expect(message.bodyText().text == "line 1\nline 2\n")
    }

    @Test func nonMultipartNonTextBodyIsReturnedWhole() {
        let message = MailMessage(bytes: mailBytes("Content-Type: text/html\n\n<p>x</p>\n"))
        #expect(message.bodyText().text == "<p>x</p>\n")
    }

    @Test func messageWithoutHeaderBlockHasWholeInputAsBody() {
        let message = MailMessage(bytes: mailBytes("just some text\nno headers\n"))
        #expect(!message.hasHeaderBlock)
        #expect(message.bodyText().text == "just some text\nno headers\n")
    }

    @Test func hugeHeaderLineAndBodyParse() {
        var raw = bytes("Subject: ")
        raw += [UInt8](repeating: 0x61, count: 1 << 20)
        raw += bytes("\nFrom: Big <big@x.org>\nX-Words: ")
        raw += Array(repeating: bytes("=?utf-8?q?a?= "), count: 70_000).flatMap { $0 }
        raw += bytes("\n\n")
        let line = bytes("+ a line of a large patch body that goes on\n")
        for _ in 0..<(10 << 20) / line.count { raw += line }
        let message = MailMessage(bytes: raw)
        #expect(message.value(of: "subject")?.count == MailParseLimits.standard.headerFieldBytes)
        #expect(message.subject?.utf8.count == MailParseLimits.standard.headerFieldBytes - 1)
        #expect(message.from == Mailbox(name: "Big", address: "big@x.org"))
        #expect(message.problems.contains("header line over 102400 bytes truncated"))
        // 102400 bytes hold 7314 whole words of "a", joined without the space between them.
        let words = message.decodedValue(of: "x-words") ?? ""
        #expect(words.utf8.count >= 7314 && words.hasPrefix("aaaa"))
        let body = message.bodyText()
        #expect(body.text.utf8.count == (10 << 20) / line.count * line.count)
        #expect(body.text.hasPrefix("+ a line"))
    }
}
