import MailParser
import PatchModel
import Testing

@Suite struct MailmapTests {
    static func map(_ text: String) -> Mailmap {
        let (mailmap, problems) = Mailmap.parse(text, file: "test.mailmap")
        #expect(problems == [])
        return mailmap
    }

    @Test func properNameForACommitAddress() {
        let mailmap = Self.map("Jane Doe <jane@example.org>\n")
        #expect(
            mailmap.resolve(Mailbox(name: "jdoe", address: "jane@example.org"))
                == Mailbox(name: "Jane Doe", address: "jane@example.org"))
    }

    @Test func properAddressForACommitAddress() {
        let mailmap = Self.map("<jane@corp.example> <jane@example.org>\n")
        #expect(
            mailmap.resolve(Mailbox(name: "jdoe", address: "jane@example.org"))
                == Mailbox(name: "jdoe", address: "jane@corp.example"))
    }

    @Test func properNameAndAddressForACommitAddress() {
        let mailmap = Self.map("Jane Doe <jane@corp.example> <jane@example.org>\n")
        #expect(
            mailmap.resolve(Mailbox(name: "jdoe", address: "jane@example.org"))
                == Mailbox(name: "Jane Doe", address: "jane@corp.example"))
    }

    @Test func nameFormAppliesOnlyWhenTheCommitNameMatches() {
        let mailmap = Self.map("Jane Doe <jane@corp.example> Build Bot <bot@example.org>\n")
        #expect(
            mailmap.resolve(Mailbox(name: "Build Bot", address: "bot@example.org"))
                == Mailbox(name: "Jane Doe", address: "jane@corp.example"))
        let other = Mailbox(name: "Someone Else", address: "bot@example.org")
        #expect(mailmap.resolve(other) == other)
    }

    @Test func nameFormFallsBackToThePlainEntryOfTheAddress() {
        let mailmap = Self.map(
            """
            Shared Account <shared@example.org>
            Jane Doe <jane@example.org> Jane <shared@example.org>
            """)
        #expect(
            mailmap.resolve(Mailbox(name: "jane", address: "shared@example.org"))
                == Mailbox(name: "Jane Doe", address: "jane@example.org"))
        #expect(
            mailmap.resolve(Mailbox(name: "Bob", address: "shared@example.org"))
                == Mailbox(name: "Shared Account", address: "shared@example.org"))
    }

    @Test func addressesAndNamesMatchWithoutCase() {
        let mailmap = Self.map(
            """
            Jane Doe <jane@corp.example> <Jane.Doe@Example.ORG>
            Bob Roe <bob@corp.example> BOB <bob@example.org>
            """)
        #expect(mailmap.resolve(Mailbox(name: "x", address: "jane.doe@example.org")).address == "jane@corp.example")
        #expect(mailmap.resolve(Mailbox(name: "bob", address: "BOB@example.org")).name == "Bob Roe")
    }

    @Test func unknownPeopleAreLeftAlone() {
        let person = Mailbox(name: "Nobody", address: "nobody@example.org")
        #expect(Self.map("Jane Doe <jane@example.org>\n").resolve(person) == person)
    }

    @Test func commentsAndBlankLinesAreSkipped() {
        let mailmap = Self.map(
            """
            # Maintainers who changed employer

            Jane Doe <jane@corp.example> <jane@example.org>  # since 2020
            """)
        #expect(
            mailmap.resolve(Mailbox(name: "", address: "jane@example.org"))
                == Mailbox(name: "Jane Doe", address: "jane@corp.example"))
    }

    @Test func laterPlainLinesReplaceOnlyWhatTheyGive() {
        let mailmap = Self.map(
            """
            Jane Doe <jane@example.org>
            <jane@corp.example> <jane@example.org>
            """)
        #expect(
            mailmap.resolve(Mailbox(name: "jd", address: "jane@example.org"))
                == Mailbox(name: "Jane Doe", address: "jane@corp.example"))
    }

    @Test func laterFilesWin() {
        var mailmap = Self.map("Jane Doe <jane@old.example> <jane@example.org>\n")
        mailmap.merge(Self.map("<jane@new.example> <jane@example.org>\nBob <bob@example.org>\n"))
        #expect(
            mailmap.resolve(Mailbox(name: "jd", address: "jane@example.org"))
                == Mailbox(name: "Jane Doe", address: "jane@new.example"))
        #expect(mailmap.resolve(Mailbox(name: "b", address: "bob@example.org")).name == "Bob")
    }

    @Test func badLinesAreReportedWithTheirNumberAndSkipped() {
        let (mailmap, problems) = Mailmap.parse(
            Array("Jane Doe <jane@example.org>\r\nJust a name\nBob <bob@example.org\n<>\n".utf8), file: "team.mailmap")
        #expect(
            problems == [
                MapProblem(file: "team.mailmap", line: 2, message: "no <address> on this line"),
                MapProblem(file: "team.mailmap", line: 3, message: "'<' without a closing '>'"),
                MapProblem(
                    file: "team.mailmap", line: 4, message: "empty address '<>' (only the commit address may be empty)"),
            ])
        #expect(problems.first?.description == "team.mailmap:2: no <address> on this line")
        #expect(mailmap.resolve(Mailbox(name: "", address: "jane@example.org")).name == "Jane Doe")
    }

    @Test func strayTextAfterTheAddressIsReportedButTheLineStillApplies() {
        let (mailmap, problems) = Mailmap.parse("Jane Doe <jane@example.org> Jane\n", file: "m")
        #expect(problems.map(\.line) == [1])
        #expect(mailmap.resolve(Mailbox(name: "Jane", address: "jane@example.org")).name == "Jane Doe")
    }
}
