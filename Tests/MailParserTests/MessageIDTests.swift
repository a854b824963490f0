import Testing

@testable import MailParser

@Suite struct MessageIDTests {
    @Test func idLosesAngleBrackets() {
        #expect(MessageID.first(in: bytes(" <abc@host.example>")) == "abc@host.example")
    }

    @Test func referencesListsEveryIdAcrossFoldedLines() {
        #expect(MessageID.ids(in: bytes("<a@x>\r\n <b@y>\n\t<c@z>")) == ["a@x", "b@y", "c@z"])
    }

    @Test func commentsAndTextAroundIdsAreIgnored() {
        #expect(MessageID.ids(in: bytes("<a@x> (Jane's message of \"Tue <not@id>\")")) == ["a@x"])
    }

    @Test func whiteSpaceInsideAnIdIsDroppedAndAnUnclosedIdEndsAtTheNext() {
        #expect(MessageID.ids(in: bytes("< a@\r\n x > <b@y")) == ["a@x", "b@y"])
        #expect(MessageID.ids(in: bytes("<a@x<b@y>")) == ["a@x", "b@y"])
        #expect(MessageID.ids(in: bytes("<> < \t>")) == [])
        // A slice of a header block, read where it lies.
        #expect(MessageID.ids(in: bytes("References: <a@x> <b@y>")[12...]) == ["a@x", "b@y"])
    }

    @Test func idWithoutBracketsIsAccepted() {
        #expect(MessageID.first(in: bytes(" abc@host ")) == "abc@host")
    }

    @Test func messagePropertiesUseFirstIds() {
        let message = MailMessage(
            bytes: mailBytes(
                "Message-ID: <m@x>\nIn-Reply-To: <p@x> <q@x>\nReferences: <r@x>\n <p@x>\nList-Id: KVM list <kvm.vger.kernel.org>\n\n"
            ))
        #expect(message.messageID == "m@x")
        #expect(message.inReplyTo == "p@x")
        #expect(message.references == ["r@x", "p@x"])
        #expect(message.listID == "kvm.vger.kernel.org")
    }
}

@Suite struct BareMessageIDTests {
    @Test func aBareWordIsTakenWholeAndReported() {
        let mail = MailMessage(
            bytes: Array("Message-ID: DF48D01B-4A2F-4813-959E-9E44C457B7F8\nSubject: x\n\nbody\n".utf8))
        #expect(mail.messageID == "DF48D01B-4A2F-4813-959E-9E44C457B7F8")
        #expect(mail.problems.contains("Message-ID without angle brackets taken as it is"))
    }

    @Test func twoBareWordsAreNoID() {
        let mail = MailMessage(bytes: Array("Message-ID: some junk\nSubject: x\n\nbody\n".utf8))
        #expect(mail.messageID == nil)
        #expect(mail.problems.contains("unusable Message-ID header ignored"))
    }
}
