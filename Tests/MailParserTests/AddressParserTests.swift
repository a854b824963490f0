import Testing

@testable import MailParser

@Suite struct AddressParserTests {
    @Test(arguments: [
        ("Jane Doe <jane@example.org>", "Jane Doe", "jane@example.org"),
        ("\"Doe, Jane\" <jane@example.org>", "Doe, Jane", "jane@example.org"),
        ("\"Jane \\\"JD\\\" Doe\" <jane@example.org>", "Jane \"JD\" Doe", "jane@example.org"),
        ("jane@example.org (Jane Doe)", "Jane Doe", "jane@example.org"),
        ("jane@example.org", "", "jane@example.org"),
        ("<jane@example.org>", "", "jane@example.org"),
        ("  Jane   Doe   < Jane@Example.ORG > ", "Jane Doe", "Jane@Example.ORG"),
        (
            "=?UTF-8?q?Philippe=20Mathieu-Daud=C3=A9?= <philmd@linaro.org>", "Philippe Mathieu-Daudé",
            "philmd@linaro.org"
        ),
        ("\"=?UTF-8?q?Daud=C3=A9?=\" <p@l.org>", "Daudé", "p@l.org"),
        ("Jane Doe via Linux <linux@lists.example.org>", "Jane Doe via Linux", "linux@lists.example.org"),
        ("Jane (the boss) <jane@example.org>", "Jane", "jane@example.org"),
        ("<@relay.example:jane@example.org>", "", "jane@example.org"),
        ("Jane\r\n Doe <jane@example.org>", "Jane Doe", "jane@example.org"),
    ])
    func parsesMailboxForm(value: String, name: String, address: String) {
        #expect(AddressParser.mailbox(from: bytes(value)) == Mailbox(name: name, address: address))
    }

    @Test func listSplitsOnCommasOutsideQuotes() {
        let list = AddressParser.mailboxes(from: bytes("\"B, A\" <a@x>, c@y (C), <d@z>"))
        #expect(
            list == [
                Mailbox(name: "B, A", address: "a@x"),
                Mailbox(name: "C", address: "c@y"),
                Mailbox(name: "", address: "d@z"),
            ])
    }

    @Test func emptyGroupGivesNoMailbox() {
        #expect(AddressParser.mailboxes(from: bytes("undisclosed-recipients:;")).isEmpty)
        #expect(AddressParser.mailbox(from: bytes("undisclosed-recipients:;")) == nil)
    }

    @Test func groupMembersAreListed() {
        let list = AddressParser.mailboxes(from: bytes("team: a@x, B <b@y>; c@z"))
        #expect(list.map(\.address) == ["a@x", "b@y", "c@z"])
    }

    @Test func emptyValueGivesNil() {
        #expect(AddressParser.mailbox(from: bytes("   ")) == nil)
    }

    @Test func nestedCommentIsKeptAsName() {
        #expect(
            AddressParser.mailbox(from: bytes("a@x (Jane (JD) Doe)")) == Mailbox(name: "Jane (JD) Doe", address: "a@x"))
    }
}

@Suite struct AddressParserJunkTests {
    @Test func wordsAfterTheAngleAddressAreNotPartOfTheName() {
        let mailbox = AddressParser.mailbox(from: Array("Jane Doe <jane@example.org> (sent from my phone) junk".utf8))
        #expect(mailbox == Mailbox(name: "Jane Doe", address: "jane@example.org"))
    }
}
