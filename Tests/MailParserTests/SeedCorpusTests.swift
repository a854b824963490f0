import Foundation
import Testing

@testable import MailParser

/// `../shared/fixtures/seed-kvm-2025-10/mails`, next to the repository root.
private let seedMails: String = {
    let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // MailParserTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root
    return repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/fixtures/seed-kvm-2025-10/mails").path
}()

@Suite(
    .enabled(
        if: FileManager.default.fileExists(atPath: seedMails),
        "needs ../shared/fixtures/seed-kvm-2025-10 next to the repository"))
struct SeedCorpusTests {
    private func load(_ name: String) throws -> MailMessage {
        let data = try Data(contentsOf: URL(fileURLWithPath: seedMails).appendingPathComponent(name))
        return MailMessage(bytes: [UInt8](data))
    }

    @Test func everySeedMailParsesWithCoreFields() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: seedMails).filter { $0.hasSuffix(".eml") }
            .sorted()
        #expect(names.count >= 30)
        for name in names {
            let message = try load(name)
            #expect(message.hasHeaderBlock, "\(name)")
            #expect(message.subject?.isEmpty == false, "\(name)")
            #expect(message.from?.address.contains("@") == true, "\(name)")
            #expect(message.messageID != nil, "\(name)")
            #expect(message.date != nil, "\(name)")
            #expect(message.listID == "kvm.vger.kernel.org", "\(name)")
            #expect(!message.bodyText().text.isEmpty, "\(name)")
        }
    }

    @Test func foldedSubjectIsUnfolded() throws {
        #expect(
            try load("030.eml").subject
                == "[PATCH] KVM: guest_memfd: Define a CLASS to get+put guest_memfd file from a memslot")
    }

    @Test func encodedWordFromIsDecoded() throws {
        #expect(try load("001.eml").from == Mailbox(name: "Philippe Mathieu-Daudé", address: "philmd@linaro.org"))
    }

    @Test func latin1BodyIsDecoded() throws {
        let body = try load("008.eml").bodyText()
        #expect(body.text.contains("Philippe Mathieu-Daudé wrote:"))
        #expect(body.problems.isEmpty)
    }

    @Test func signedQuotedPrintableBodyIsFirstPart() throws {
        let message = try load("015.eml")
        let body = message.bodyText()
        #expect(body.text.hasPrefix("On Tue, Oct 07, 2025 at 03:35:14PM +0000, Sascha Bischoff wrote:"))
        #expect(!body.text.contains("BEGIN PGP SIGNATURE"))
        #expect(
            message.subject == "Re: [PATCH 1/3] arm64/sysreg: Support feature-specific fields with 'Feat' descriptor")
        #expect(message.references.count == 2)
    }
}
