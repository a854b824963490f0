import Foundation
import MailParser
import PatchModel
import Testing

/// The real kvm mails of `../shared/fixtures/seed-kvm-2025-10` (the repository's parent folder).
enum SeedCorpus {
    static let sharedPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // PatchModelTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root
        .deletingLastPathComponent()  // its parent
        .appendingPathComponent("shared").path
    static let fixturePath = sharedPath + "/fixtures/seed-kvm-2025-10"
    static let isAvailable = FileManager.default.fileExists(atPath: fixturePath + "/MANIFEST.tsv")

    struct Entry {
        var file: String
        var messageID: String
        var kind: String
        var subject: String
    }

    static func manifest() throws -> [Entry] {
        let text = try String(contentsOfFile: fixturePath + "/MANIFEST.tsv", encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Entry(file: fields[0], messageID: fields[1], kind: fields[3], subject: fields[4])
        }
    }

    static func facts(_ file: String) throws -> MessageFacts {
        let data = try Data(contentsOf: URL(fileURLWithPath: fixturePath + "/" + file))
        return MessageFacts(commit: file, mail: MailMessage(bytes: Array(data)))
    }

    /// The reference report's "New:" entries: (whole subject as printed, body).
    static func referenceEntries() throws -> [(subject: String, body: String)] {
        let text = try String(contentsOfFile: sharedPath + "/spec/reference-report.txt", encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var entries: [(String, String)] = []
        var index = 0
        while index < lines.count {
            guard lines[index].hasPrefix("New:  "), index + 3 < lines.count else {
                index += 1
                continue
            }
            let subject = String(lines[index + 1])
            var body: [Substring] = []
            index += 4  // New:, subject, Author:, blank line
            while index < lines.count, lines[index] != Substring(String(repeating: "-", count: 70)) {
                body.append(lines[index])
                index += 1
            }
            while let last = body.last, last.isEmpty { body.removeLast() }
            entries.append((subject, body.joined(separator: "\n")))
        }
        return entries
    }
}

@Suite(.enabled(if: SeedCorpus.isAvailable, "needs ../shared/fixtures/seed-kvm-2025-10 beside the repository"))
struct SeedCorpusTests {
    @Test func kindsAndMessageIDsMatchTheManifest() throws {
        let manifest = try SeedCorpus.manifest()
        #expect(manifest.count == 31)
        for entry in manifest {
            let facts = try SeedCorpus.facts(entry.file)
            #expect(facts.kind.rawValue == entry.kind, "\(entry.file)")
            #expect(facts.messageID == entry.messageID, "\(entry.file)")
            #expect(facts.subject == entry.subject, "\(entry.file)")
            #expect(facts.listID == "kvm.vger.kernel.org", "\(entry.file)")
        }
    }

    /// 020 carries Ackerley Tng's in-body From, 021, 022, 027 and 028 Shivank Garg's; the other
    /// patches of the series (018 included) are Sean's own. 007's header says `lirongqing`, its body
    /// `Li RongQing`.
    @Test(arguments: [
        ("mails/007.eml", "Li RongQing", "lirongqing@baidu.com", true),
        ("mails/017.eml", "Sean Christopherson", "seanjc@google.com", false),
        ("mails/018.eml", "Sean Christopherson", "seanjc@google.com", false),
        ("mails/019.eml", "Sean Christopherson", "seanjc@google.com", false),
        ("mails/020.eml", "Ackerley Tng", "ackerleytng@google.com", true),
        ("mails/021.eml", "Shivank Garg", "shivankg@amd.com", true),
        ("mails/022.eml", "Shivank Garg", "shivankg@amd.com", true),
        ("mails/023.eml", "Sean Christopherson", "seanjc@google.com", false),
        ("mails/027.eml", "Shivank Garg", "shivankg@amd.com", true),
        ("mails/028.eml", "Shivank Garg", "shivankg@amd.com", true),
        ("mails/029.eml", "Sean Christopherson", "seanjc@google.com", false),
        ("mails/001.eml", "Philippe Mathieu-Daudé", "philmd@linaro.org", false),
    ])
    func authors(_ file: String, _ name: String, _ address: String, _ fromBody: Bool) throws {
        let facts = try SeedCorpus.facts(file)
        #expect(facts.author == Mailbox(name: name, address: address))
        #expect(facts.isAuthorFromBody == fromBody)
    }

    @Test func authorCountsMatchTheReferenceTables() throws {
        var counts: [String: Int] = [:]
        for entry in try SeedCorpus.manifest() {
            let facts = try SeedCorpus.facts(entry.file)
            guard facts.kind.isPatchMail, let author = facts.author else { continue }
            counts[author.address.lowercased(), default: 0] += 1
        }
        #expect(
            counts == [
                "seanjc@google.com": 9, "sascha.bischoff@arm.com": 6, "philmd@linaro.org": 4, "shivankg@amd.com": 4,
                "lirongqing@baidu.com": 1, "jackmanb@google.com": 1, "ackerleytng@google.com": 1,
            ])
    }

    /// Every "New:" body of the reference report, with two known differences that follow report.md:
    /// 007's leading blank line (left by the old script after the in-body From) is not there, as the
    /// entry starts at the commit message; and 017, a cover letter, runs down to its signature, so it
    /// keeps the ` create mode` line and the `base-commit:` line the old script left out.
    @Test func entryTextsMatchTheReferenceReport() throws {
        let references = try SeedCorpus.referenceEntries()
        #expect(references.count == 11)
        var matched = 0
        for entry in try SeedCorpus.manifest() where entry.kind != "reply" {
            guard let reference = references.first(where: { entry.subject.hasPrefix($0.subject) }) else { continue }
            let facts = try SeedCorpus.facts(entry.file)
            var expected = String(reference.body.drop(while: { $0 == "\n" }))
            if entry.file == "mails/017.eml" {
                expected +=
                    "\n create mode 100644 tools/testing/selftests/kvm/include/kvm_syscalls.h\n\n\n"
                    + "base-commit: 67033eaa5ea2cb67b6cdaa91d7f5c42bfafb36f7"
            }
            #expect(facts.entryText == expected, "\(entry.file)")
            matched += 1
        }
        #expect(matched == 11)
    }

    @Test func reviewRepliesCarryOnlyTheirOwnTrailers() throws {
        for file in ["mails/005.eml", "mails/006.eml"] {
            let facts = try SeedCorpus.facts(file)
            #expect(facts.trailers.map(\.name) == ["Reviewed-by"], "\(file)")
            #expect(facts.trailers.first?.person?.address == "harshpb@linux.ibm.com", "\(file)")
        }
        for file in ["mails/008.eml", "mails/015.eml"] {
            let facts = try SeedCorpus.facts(file)
            #expect(!facts.trailers.contains { $0.key == "signed-off-by" }, "\(file)")
        }
    }
}
