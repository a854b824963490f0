import Foundation
import PatchModel
import Testing

@Suite struct CompanyMapTests {
    static func map(_ text: String) -> CompanyMap {
        let (map, problems) = CompanyMap.parse(text, file: "test.map")
        #expect(problems == [])
        return map
    }

    static let sample = map(
        """
        # gitdm-style domain map
        intel.com            Intel
        linux.intel.com      Intel Open Source Technology Center
        ibm.com              IBM
        gmail.com            (Individual)
        kernel.org           (Unknown)
        jane@kernel.org      Arm
        bob@intel.com        Intel < 2023-06-01
        bob@intel.com        Google
        """)

    /// 2023-06-01 00:00 UTC is day 19 509 after 1970-01-01; one hour either side of it.
    static let hourBeforeEndDate: Int64 = 19_509 * 86_400 - 3_600
    static let hourAfterEndDate: Int64 = 19_509 * 86_400 + 3_600

    @Test func aDomainMatchesItselfAndItsSubdomains() {
        #expect(
            Self.sample.company(for: "a@intel.com", at: nil) == CompanyAttribution(name: "Intel", kind: .organisation))
        #expect(Self.sample.company(for: "a@jf.intel.com", at: nil).name == "Intel")
        #expect(Self.sample.company(for: "a@linux.vnet.IBM.com", at: nil).name == "IBM")
        #expect(Self.sample.company(for: "a@notintel.com", at: nil).kind == .unmapped)
    }

    @Test func theMostSpecificDomainWins() {
        #expect(Self.sample.company(for: "a@linux.intel.com", at: nil).name == "Intel Open Source Technology Center")
        #expect(Self.sample.company(for: "a@x.linux.intel.com", at: nil).name == "Intel Open Source Technology Center")
    }

    @Test func personalMailIsIndividualAndSharedDomainsUnknown() {
        #expect(
            Self.sample.company(for: "Someone@GMail.com", at: nil)
                == CompanyAttribution(name: "(Individual)", kind: .individual))
        #expect(
            Self.sample.company(for: "maz@kernel.org", at: nil) == CompanyAttribution(name: "(Unknown)", kind: .unknown)
        )
        #expect(Self.sample.company(for: "x@vger.kernel.org", at: nil).kind == .unknown)
    }

    @Test func anAddressEntryBeatsItsDomain() {
        #expect(
            Self.sample.company(for: "Jane@Kernel.org", at: nil) == CompanyAttribution(name: "Arm", kind: .organisation)
        )
    }

    @Test func anEndDateAppliesToMailsBeforeIt() {
        #expect(Self.sample.company(for: "bob@intel.com", at: Self.hourBeforeEndDate).name == "Intel")
        #expect(Self.sample.company(for: "bob@intel.com", at: Self.hourAfterEndDate).name == "Google")
        #expect(Self.sample.company(for: "bob@intel.com", at: nil).name == "Google")
    }

    @Test func anAddressWhoseEntriesEndedFallsBackToItsDomain() {
        let map = Self.map("intel.com Intel\nann@intel.com Red Hat < 2020-01-01\n")
        #expect(map.company(for: "ann@intel.com", at: 0).name == "Red Hat")
        #expect(map.company(for: "ann@intel.com", at: Self.hourAfterEndDate).name == "Intel")
        #expect(map.company(for: "ann@intel.com", at: nil).name == "Intel")
    }

    @Test func anUnmappedDomainShowsAsItself() {
        let attribution = Self.sample.company(for: "dev@Example.ORG.", at: nil)
        #expect(attribution == CompanyAttribution(name: "example.org", kind: .unmapped))
        #expect(!attribution.isMapped)
        #expect(Self.sample.company(for: "dev@gmail.com", at: nil).isMapped)
    }

    @Test func laterFilesWin() {
        var map = Self.sample
        map.merge(Self.map("intel.com  Intel Corporation\nkernel.org  Linux Foundation\n"))
        #expect(map.company(for: "a@intel.com", at: nil).name == "Intel Corporation")
        #expect(map.company(for: "a@kernel.org", at: nil).name == "Linux Foundation")
        #expect(map.company(for: "a@linux.intel.com", at: nil).name == "Intel Open Source Technology Center")
        #expect(map.company(for: "bob@intel.com", at: 0).name == "Intel")
    }

    @Test func badLinesAreReportedWithTheirNumberAndSkipped() {
        let (map, problems) = CompanyMap.parse(
            Array(
                """
                amd.com AMD
                orphan.example
                x@y.com Company < June 2023
                bad/domain Company
                arm.com\tArm   # the comment goes
                """.utf8), file: "my.map")
        #expect(
            problems == [
                MapProblem(file: "my.map", line: 2, message: "no organisation after 'orphan.example'"),
                MapProblem(file: "my.map", line: 3, message: "end date 'June 2023' is not YYYY-MM-DD"),
                MapProblem(file: "my.map", line: 4, message: "'bad/domain' is neither a domain nor an address"),
            ])
        #expect(map.company(for: "a@amd.com", at: nil).name == "AMD")
        #expect(map.company(for: "a@arm.com", at: nil).name == "Arm")
        #expect(map.company(for: "x@y.com", at: nil).kind == .unmapped)
    }

    /// The binary carries `Resources/companies.map` byte for byte (`CompanyMap+Embedded.swift`).
    @Test func theShippedMapIsTheResourceFile() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/PatchModel/Resources/companies.map")
        let bytes = Array(try Data(contentsOf: file))
        #expect(CompanyMap.shippedMapBytes == bytes, "run scripts/embed-resources.py")
    }

    @Test func theShippedMapLoadsWithoutProblems() {
        let (map, problems) = CompanyMap.shippedDefault()
        #expect(problems == [])
        #expect(map.company(for: "someone@linux.intel.com", at: nil).name == "Intel")
        #expect(map.company(for: "someone@linux.alibaba.com", at: nil).name == "Alibaba")
        #expect(map.company(for: "someone@aliyun.com", at: nil).kind == .individual)
        #expect(map.company(for: "someone@qq.com", at: nil).kind == .individual)
        #expect(map.company(for: "maz@kernel.org", at: nil).kind == .unknown)
        #expect(map.company(for: "x@users.noreply.github.com", at: nil).kind == .unknown)
    }
}
