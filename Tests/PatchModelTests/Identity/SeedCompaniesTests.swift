import MailParser
import PatchModel
import Testing

/// The seed report's companies table (issue 11): patch mails by the company of their author,
/// through the shipped map.
@Suite(.enabled(if: SeedCorpus.isAvailable, "needs ../shared/fixtures/seed-kvm-2025-10 beside the repository"))
struct SeedCompaniesTests {
    @Test func patchMailsByAuthorCompanyMatchTheSeedReport() throws {
        let (map, problems) = CompanyMap.shippedDefault()
        #expect(problems == [])
        var patchMails: [String: Int] = [:]
        for entry in try SeedCorpus.manifest() {
            let facts = try SeedCorpus.facts(entry.file)
            guard facts.kind.isPatchMail, let author = facts.author else { continue }
            let company = map.company(for: author.address, at: facts.date?.secondsSince1970)
            #expect(company.isMapped, "\(entry.file): \(author.address)")
            patchMails[company.name, default: 0] += 1
        }
        #expect(patchMails == ["Google": 11, "Arm": 6, "AMD": 4, "Linaro": 4, "Baidu": 1])
    }
}
