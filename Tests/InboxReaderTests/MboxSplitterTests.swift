import Testing

@testable import InboxReader

@Suite struct MboxSplitterTests {
    private func split(_ text: String) -> [String] {
        MboxSplitter.messages(in: Array(text.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func splitsAtFromLinesAndDropsTheSeparatorLine() {
        let mbox = """
            From mboxrd@z Thu Jan  1 00:00:00 1970
            Subject: one

            body one

            From mboxrd@z Thu Jan  1 00:00:00 1970
            Subject: two

            body two


            """
        #expect(split(mbox) == ["Subject: one\n\nbody one\n", "Subject: two\n\nbody two\n"])
    }

    @Test func mboxrdEscapesLoseOneGreaterThanSign() {
        let mbox = """
            From mboxrd@z Thu Jan  1 00:00:00 1970
            Subject: escapes

            >From the start of a line
            >>From quoted once
            >>>From quoted twice
            > From is not an escape
            >Fromage neither

            """
        #expect(
            split(mbox) == [
                "Subject: escapes\n\nFrom the start of a line\n>From quoted once\n>>From quoted twice\n> From is not an escape\n>Fromage neither\n"
            ])
    }

    @Test func anEscapedFromLineAfterAnEmptyLineStaysInItsMessage() {
        // What lei writes for a body line "From here on, …" after a blank line.
        let mbox = """
            From mboxrd@z Thu Jan  1 00:00:00 1970
            Subject: one

            Hello,

            >From here on, the patch.

            From mboxrd@z Thu Jan  1 00:00:00 1970
            Subject: two

            x

            """
        #expect(split(mbox) == ["Subject: one\n\nHello,\n\nFrom here on, the patch.\n", "Subject: two\n\nx\n"])
    }

    @Test func anUnescapedFromLineInsideAParagraphDoesNotSplit() {
        let mbox = "From x\nSubject: s\n\nquoted:\nFrom me, with love\n"
        #expect(split(mbox) == ["Subject: s\n\nquoted:\nFrom me, with love\n"])
    }

    @Test func crlfLinesAreKept() {
        let mbox = "From x\r\nSubject: a\r\n\r\nbody\r\n\r\nFrom y\r\nSubject: b\r\n\r\n>From z\r\n"
        #expect(split(mbox) == ["Subject: a\r\n\r\nbody\r\n", "Subject: b\r\n\r\nFrom z\r\n"])
    }

    @Test func lastMessageWithoutFinalNewlineIsKept() {
        #expect(split("From x\nSubject: a\n\nbody") == ["Subject: a\n\nbody"])
    }

    @Test func isMboxLooksAtTheFirstFiveBytes() {
        #expect(MboxSplitter.isMbox(Array("From x".utf8)))
        #expect(!MboxSplitter.isMbox(Array("Subject: x".utf8)))
        #expect(!MboxSplitter.isMbox(Array("From".utf8)))
        #expect(!MboxSplitter.isMbox([UInt8]()))
    }
}
