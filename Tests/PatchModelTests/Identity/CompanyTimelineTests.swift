import MailParser
import PatchModel
import Testing

/// The per-address timeline the report memoises answers exactly what the map answers, at every date.
@Suite struct CompanyTimelineTests {
    static let map = CompanyMap.parse(
        """
        intel.com            Intel
        intel.com            Wind River < 2001-01-01
        linux.intel.com      Intel OTC < 2020-01-01
        bob@intel.com        Intel < 2023-06-01
        bob@intel.com        Google
        ann@kernel.org       Arm < 2022-01-01
        kernel.org           (Unknown)
        """, file: "t.map"
    ).map

    static let addresses = [
        "bob@intel.com", "x@linux.intel.com", "ann@kernel.org", "ANN@Kernel.org", "y@intel.com", "z@else.example",
        "no-at-sign",
    ]

    @Test(arguments: addresses)
    func theTimelineAgreesWithTheMapAtEveryBoundary(address: String) {
        let timeline = Self.map.timeline(for: address)
        let days: [Int64] = [10_000, 11_322, 11_323, 18_262, 18_263, 18_993, 18_994, 19_508, 19_509, 19_510, 25_000]
        var dates: [Int64?] = [nil]
        for day in days { dates += [day * 86_400 - 1, day * 86_400, day * 86_400 + 1] }
        for date in dates {
            #expect(
                timeline.company(at: date) == Self.map.company(for: address, at: date), "\(String(describing: date))")
        }
    }

    @Test func theResolverCreditsByDateAndMapsPeopleFirst() {
        let mailmap = Mailmap.parse("Bob <bob@intel.com> <bob@gmail.com>\n", file: "m").mailmap
        var resolver = IdentityResolver(mailmap: mailmap, companies: Self.map)
        let bob = resolver.person(Mailbox(name: "bobby", address: "bob@gmail.com"))
        #expect(bob == Mailbox(name: "Bob", address: "bob@intel.com"))
        let before = CompanyMapTests.hourBeforeEndDate
        let after = CompanyMapTests.hourAfterEndDate
        #expect(resolver.company(of: bob.address, at: before).name == "Intel")
        #expect(resolver.company(of: bob.address, at: after).name == "Google")
        // Asked again (now from the memo): the same answers.
        #expect(resolver.company(of: bob.address, at: before).name == "Intel")
        #expect(resolver.person(Mailbox(name: "bobby", address: "bob@gmail.com")) == bob)
    }

    @Test func withoutAMailmapPeopleStayAsTheyAre() {
        var resolver = IdentityResolver(companies: Self.map)
        let someone = Mailbox(name: "X", address: "X@Example.org")
        #expect(resolver.person(someone) == someone)
    }
}
