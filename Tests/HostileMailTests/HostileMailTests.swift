import Foundation
import MailParser
import PatchModel
import Testing

/// The hostile mail suite: each `Fixtures/NAME.eml` is one trait (garbage, charsets, MIME, line
/// ends, tags, DMARC, in-body From, ...), and `Fixtures/expected.tsv` says what a correct reading
/// gives for it. The mails and the table are written by `scripts/make_hostile_fixtures.py`, which
/// also cross-checks them with Python's `email` package; `Fixtures/README.md` lists the traits.
@Suite struct HostileMailTests {
    @Test(arguments: HostileFixtures.names)
    func fixtureReadsAsExpected(name: String) throws {
        let expected = try #require(HostileFixtures.table[name], "no row for \(name) in expected.tsv")
        try Self.check(name, expected)
    }

    static func check(_ name: String, _ expected: HostileExpectation) throws {
        let bytes = try HostileFixtures.bytes(of: name)
        let mail = MailMessage(bytes: bytes)
        let facts = MessageFacts(commit: name, mail: mail)

        #expect((facts.subject ?? "") == expected.subject, "subject")
        #expect((facts.author?.name ?? "") == expected.authorName, "author name")
        #expect((facts.author?.address ?? "") == expected.authorEmail, "author email")
        #expect(facts.kind.rawValue == expected.kind, "kind")
        #expect(facts.number == expected.number, "number")
        #expect(facts.total == expected.total, "total")
        #expect(facts.version == expected.version, "version")
        #expect(mail.hasHeaderBlock == (expected.kind != "unparseable"), "hasHeaderBlock")
        if case .check(let messageID) = expected.messageID {
            #expect(facts.messageID == messageID, "message id")
        }
        if case .check(let date) = expected.date {
            #expect(facts.date == date, "date")
        }
    }

    @Test func everyFixtureHasARowAndEveryRowAFixture() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: HostileFixtures.directory)
            .filter { $0.hasSuffix(".eml") }
            .map { String($0.dropLast(4)) }
        #expect(Set(files) == Set(HostileFixtures.names))
        #expect(HostileFixtures.names.count >= 60)
    }

    /// A 1 MB header line (over MailParseLimits.headerFieldBytes) before Subject and From: they
    /// are still read, and the mail is still a patch.
    @Test func oneMegabyteHeaderLineBeforeTheFieldsThatMatter() {
        var bytes = Array("X-Filler: ".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20)
        bytes += Array("\nFrom: Jane Doe <jane@example.org>\nSubject: [PATCH 2/7] foo: after a long line\n".utf8)
        bytes += Array("Message-ID: <long@example.org>\n\nBody.\n".utf8)
        let facts = MessageFacts(commit: "long-header", mail: MailMessage(bytes: bytes))
        #expect(facts.subject == "[PATCH 2/7] foo: after a long line")
        #expect(facts.author == Mailbox(name: "Jane Doe", address: "jane@example.org"))
        #expect(facts.kind == .patch)
        #expect(facts.number == 2 && facts.total == 7)
        #expect(facts.messageID == "long@example.org")
    }

    /// A 1 MB Subject folded over 16 384 lines: the start of it still classifies the mail, and
    /// whatever is kept of it is unfolded and collapsed.
    @Test func oneMegabyteFoldedSubject() throws {
        var bytes = Array("From: Jane Doe <jane@example.org>\nSubject: [PATCH v3 1/4] foo:".utf8)
        let chunk = Array("\n  word word word word word word word word word word word word word word".utf8)
        for _ in 0..<(1 << 20) / chunk.count { bytes += chunk }
        bytes += Array("\nMessage-ID: <long-subject@example.org>\n\nBody.\n".utf8)
        let facts = MessageFacts(commit: "long-subject", mail: MailMessage(bytes: bytes))
        let subject = try #require(facts.subject)
        #expect(subject.hasPrefix("[PATCH v3 1/4] foo: word word "))
        #expect(!subject.contains("  ") && !subject.contains("\n"))
        #expect(facts.kind == .patch)
        #expect(facts.number == 1 && facts.total == 4 && facts.version == 3)
        #expect(facts.author?.address == "jane@example.org")
        #expect(facts.messageID == "long-subject@example.org")
    }

    /// A 20 MB patch body: the in-body author, the kind and the first line are still right.
    @Test func twentyMegabyteBody() {
        var bytes = Array(
            """
            From: Sean Sender <sean@example.org>
            Subject: [PATCH] foo: a very large patch
            Message-ID: <huge@example.org>

            From: Anna Author <anna@example.org>

            Regenerate the foo tables.

            Signed-off-by: Anna Author <anna@example.org>
            ---
             foo/table.c | 1 +

            diff --git a/foo/table.c b/foo/table.c
            --- a/foo/table.c
            +++ b/foo/table.c
            @@ -1 +1,400000 @@

            """.utf8)
        let line = Array("+\t0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,\n".utf8)
        bytes.reserveCapacity(20 << 20 + line.count)
        while bytes.count < 20 << 20 { bytes += line }
        let facts = MessageFacts(commit: "huge", mail: MailMessage(bytes: bytes))
        #expect(facts.subject == "[PATCH] foo: a very large patch")
        #expect(facts.author == Mailbox(name: "Anna Author", address: "anna@example.org"))
        #expect(facts.sender == Mailbox(name: "Sean Sender", address: "sean@example.org"))
        #expect(facts.kind == .patch)
        #expect(facts.firstLine == "Regenerate the foo tables.")
    }
}

/// One row of `Fixtures/expected.tsv`.
struct HostileExpectation: Sendable {
    enum Check<Value: Sendable>: Sendable {
        case check(Value)
        case skip
    }

    var subject: String
    var authorName: String
    var authorEmail: String
    var kind: String
    var number: Int?
    var total: Int?
    var version: Int?
    var messageID: Check<String?>
    var date: Check<MailDate?>
}

/// The fixture folder beside this file and its table.
enum HostileFixtures {
    static let directory: String = {
        var path = #filePath
        while let last = path.last, last != "/" { path.removeLast() }
        return path + "Fixtures"
    }()

    static func bytes(of name: String) throws -> [UInt8] {
        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name + ".eml"))
        return [UInt8](data)
    }

    /// Names in table order.
    static let names: [String] = rows.map(\.name)

    static let table: [String: HostileExpectation] = Dictionary(
        rows.map { ($0.name, $0.expectation) }, uniquingKeysWith: { first, _ in first })

    private static let rows: [(name: String, expectation: HostileExpectation)] = {
        guard let data = FileManager.default.contents(atPath: directory + "/expected.tsv") else { return [] }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        return lines.dropFirst().map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            func field(_ index: Int) -> String { index < fields.count ? fields[index] : "" }
            let expectation = HostileExpectation(
                subject: unescape(field(1)),
                authorName: unescape(field(2)),
                authorEmail: unescape(field(3)),
                kind: field(4),
                number: Int(field(5)),
                total: Int(field(6)),
                version: Int(field(7)),
                messageID: field(8) == "-" ? .skip : .check(field(8).isEmpty ? nil : field(8)),
                date: field(9) == "-" ? .skip : .check(mailDate(field(9)))
            )
            return (field(0), expectation)
        }
    }()

    /// `\\` is a backslash; `\u{1B}` is the scalar U+001B.
    static func unescape(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var output = String.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            guard scalar == "\\", let next = scalars.first else {
                output.append(scalar)
                continue
            }
            if next == "\\" {
                scalars.removeFirst()
                output.append("\\")
            } else if next == "u", scalars.dropFirst().first == "{", let close = scalars.firstIndex(of: "}"),
                let value = UInt32(String(scalars[scalars.index(scalars.startIndex, offsetBy: 2)..<close]), radix: 16),
                let decoded = Unicode.Scalar(value)
            {
                scalars = scalars[scalars.index(after: close)...]
                output.append(decoded)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// `1759744800+0` or `1759744800-300` (seconds since 1970, offset in minutes); "" is nil.
    static func mailDate(_ text: String) -> MailDate? {
        guard let sign = text.dropFirst().lastIndex(where: { $0 == "+" || $0 == "-" }),
            let seconds = Int64(text[..<sign]), let offset = Int(text[sign...])
        else { return nil }
        return MailDate(secondsSince1970: seconds, offsetMinutes: offset)
    }
}
