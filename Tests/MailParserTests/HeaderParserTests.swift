import Testing

@testable import MailParser

@Suite struct HeaderParserTests {
    @Test(arguments: ["\n", "\r\n", "\r"])
    func splitsHeaderFromBodyWithAnyLineEnd(lineEnd: String) {
        let raw = mailBytes("Subject: hello\nFrom: a@b.c\n\nbody line\n", lineEnd: lineEnd)
        let message = MailMessage(bytes: raw)
        #expect(message.hasHeaderBlock)
        #expect(message.header.fields.count == 2)
        #expect(message.subject == "hello")
        #expect(Array(message.body) == mailBytes("body line\n", lineEnd: lineEnd))
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func foldedLinesJoinIntoOneField(lineEnd: String) {
        let raw = mailBytes("Subject: [PATCH] KVM: a long\n subject\tline\n  here\nX: y\n\n", lineEnd: lineEnd)
        let message = MailMessage(bytes: raw)
        #expect(message.subject == "[PATCH] KVM: a long subject line here")
        #expect(message.values(of: "subject").count == 1)
        #expect(message.value(of: "x").map(Array.init) == bytes(" y"))
    }

    @Test func mboxFromLineIsSkipped() {
        let message = MailMessage(bytes: mailBytes("From mboxrd@z Thu Jan  1 00:00:00 1970\nSubject: s\n\nb"))
        #expect(message.hasHeaderBlock)
        #expect(message.subject == "s")
    }

    @Test func fieldNamesMatchInAnyCase() {
        let message = MailMessage(bytes: mailBytes("SUBJECT: one\nsubject: two\n\n"))
        #expect(message.values(of: "Subject").map { Array($0) } == [bytes(" one"), bytes(" two")])
        #expect(message.subject == "one")
    }

    @Test func whiteSpaceBeforeColonIsAccepted() {
        let message = MailMessage(bytes: mailBytes("Subject : obsolete\n\n"))
        #expect(message.subject == "obsolete")
    }

    @Test func blobWithoutFieldLineHasNoHeaderBlock() {
        let raw: [UInt8] = [0x00, 0xFF, 0x12, 0x0A, 0x41, 0x42]
        let message = MailMessage(bytes: raw)
        #expect(!message.hasHeaderBlock)
        #expect(message.problems.contains("no header block"))
        #expect(Array(message.body) == raw)
        #expect(message.subject == nil)
    }

    @Test func emptyInputIsReportedNotFatal() {
        let message = MailMessage(bytes: [])
        #expect(!message.hasHeaderBlock)
        #expect(message.problems == ["empty message"])
        #expect(message.bodyText().text == "")
    }

    @Test func headerOnlyMessageHasEmptyBody() {
        let message = MailMessage(bytes: mailBytes("Subject: s\nFrom: a@b"))
        #expect(message.hasHeaderBlock)
        #expect(message.body.isEmpty)
        #expect(message.subject == "s")
    }

    @Test func nonFieldLineEndsHeaderBlockWithProblem() {
        let message = MailMessage(bytes: mailBytes("Subject: s\nthis is body\nmore\n"))
        #expect(message.subject == "s")
        #expect(Array(message.body) == bytes("this is body\nmore\n"))
        #expect(message.problems.contains("header block ended by a line that is not a header field"))
    }

    @Test func overlongFieldIsTruncatedAtTheLimit() {
        let limits = MailParseLimits(headerFieldBytes: 10)
        let message = MailMessage(bytes: mailBytes("Subject: 0123456789abcdef\n\nbody"), limits: limits)
        #expect(message.value(of: "subject")?.count == 10)
        #expect(message.problems.contains("header line over 10 bytes truncated"))
        #expect(Array(message.body) == bytes("body"))
    }
}

/// Hostile header blocks, checked against Python's `email` and public-inbox's `Eml.pm`.
@Suite struct HostileHeaderBlockTests {
    /// public-inbox ends header lines only at `\r?\n`; Python's `email` ends the line at the CR and
    /// loses Date and Message-ID (MissingHeaderBodySeparatorDefect): we follow public-inbox.
    @Test(arguments: ["\n", "\r\n"])
    func bareCarriageReturnInsideAFieldDoesNotEndTheBlock(lineEnd: String) {
        let text =
            "From: a@x\nSubject: hello\rworld\nDate: Wed, 01 Oct 2025 12:00:00 +0000\nMessage-ID: <1@x>\n\nbody\n"
        let message = MailMessage(bytes: mailBytes(text, lineEnd: lineEnd))
        #expect(message.hasHeaderBlock)
        #expect(message.header.fields.count == 4)
        #expect(message.value(of: "subject").map(Array.init) == bytes(" hello\rworld"))
        #expect(message.date?.secondsSince1970 == 1_759_320_000)
        #expect(message.messageID == "1@x")
        #expect(Array(message.body) == mailBytes("body\n", lineEnd: lineEnd))
        #expect(!message.problems.contains("header block ended by a line that is not a header field"))
    }

    /// Both Python (FirstHeaderLineIsContinuationDefect) and public-inbox skip the line and read the
    /// fields after it.
    @Test(arguments: ["\n", "\r\n", "\r"])
    func firstLineStartingWithWhiteSpaceIsARecordedDefect(lineEnd: String) {
        let text = " folded: nothing\n\tmore\nFrom: a@x\nSubject: hi\nMessage-ID: <2@x>\n\nbody\n"
        let message = MailMessage(bytes: mailBytes(text, lineEnd: lineEnd))
        #expect(message.hasHeaderBlock)
        #expect(message.subject == "hi")
        #expect(message.messageID == "2@x")
        #expect(message.header.fields.count == 3)
        #expect(Array(message.body) == mailBytes("body\n", lineEnd: lineEnd))
        #expect(
            message.header.problems == [
                "first header line starts with white space (a continuation of nothing); skipped"
            ])
    }

    @Test func onlyIndentedLinesAreStillNoHeaderBlock() {
        let message = MailMessage(bytes: mailBytes(" a\n b\n\nbody\n"))
        #expect(!message.hasHeaderBlock)
        #expect(message.problems == ["no header block"])
    }
}
