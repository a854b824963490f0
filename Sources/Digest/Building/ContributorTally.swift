internal import PatchModel

/// Counts patch mails by author, by the author's domain and by the author's company.
///
/// A person is their address compared without regard to case; the row shows the name and the
/// address spelling they used most, ties going to the first seen. Equal counts are ordered by
/// name (domain), alphabetically ignoring case, then by address so the order is total.
struct ContributorTally: Sendable {
    private var people: [String: Person] = [:]
    private var domainCounts: [String: Int] = [:]
    private var companies: [String: Company] = [:]
    private var unmapped: [String: Int] = [:]
    private var seen = 0

    /// Counts one patch mail by `name <address>` (after the mailmap), sent from `sentFrom` (the
    /// address as the mail gave it) and credited to `company`.
    mutating func add(name: String, address: String, sentFrom: String? = nil, company: CompanyAttribution? = nil) {
        let key = address.lowercased()
        seen += 1
        people[key, default: Person(firstSeen: seen)].add(
            name: name, address: address, sentFrom: (sentFrom ?? address).lowercased(), company: company?.name,
            at: seen)
        let domain = Self.domain(of: key)
        domainCounts[domain, default: 0] += 1
        guard let company else { return }
        companies[company.name, default: Company()].add(person: key, domain: domain)
        if company.kind == .unmapped { unmapped[company.name, default: 0] += 1 }
    }

    /// The domain of an address: what follows the last `@`, lower-cased; the whole address
    /// when it has no `@` (such a malformed address still needs a row).
    static func domain(of address: String) -> String {
        guard let at = address.lastIndex(of: "@") else { return address.lowercased() }
        return String(address[address.index(after: at)...]).lowercased()
    }

    func contributorRows(top: Int) -> [ContributorRow] {
        let rows = people.values.map { person in
            ContributorRow(
                name: person.names.mostUsed, email: person.addresses.mostUsed, count: person.count,
                addresses: person.sentFrom.sorted(), company: person.companies.mostUsed)
        }
        return Array(
            rows.sorted { a, b in
                if a.count != b.count { return a.count > b.count }
                let (nameA, nameB) = (a.name.lowercased(), b.name.lowercased())
                if nameA != nameB { return nameA < nameB }
                return a.email.lowercased() < b.email.lowercased()
            }
            .prefix(top))
    }

    func domainRows(top: Int) -> [DomainRow] {
        Array(
            domainCounts.map { DomainRow(domain: $0.key, count: $0.value) }
                .sorted { a, b in a.count != b.count ? a.count > b.count : a.domain < b.domain }
                .prefix(top))
    }

    /// Every company credited with a patch mail, most first (ties by name).
    var companyRows: [CompanyRow] {
        companies.map {
            CompanyRow(
                name: $0.key, patchMails: $0.value.patchMails, authors: $0.value.people.count,
                domains: $0.value.domains.sorted())
        }.ordered()
    }

    /// Every domain no map names, most patch mails first (ties by domain).
    var unmappedRows: [UnmappedDomainRow] {
        unmapped.map { UnmappedDomainRow(domain: $0.key, patchMails: $0.value) }
            .sorted { $0.patchMails != $1.patchMails ? $0.patchMails > $1.patchMails : $0.domain < $1.domain }
    }

    private struct Person: Sendable {
        var firstSeen: Int
        var count = 0
        var names = UsageCount()
        var addresses = UsageCount()
        var sentFrom: Set<String> = []
        var companies = UsageCount()

        mutating func add(name: String, address: String, sentFrom: String, company: String?, at order: Int) {
            count += 1
            names.add(name.isEmpty ? address : name, at: order)
            addresses.add(address, at: order)
            self.sentFrom.insert(sentFrom)
            if let company { companies.add(company, at: order) }
        }
    }

    private struct Company: Sendable {
        var patchMails = 0
        var people: Set<String> = []
        var domains: Set<String> = []

        mutating func add(person: String, domain: String) {
            patchMails += 1
            people.insert(person)
            domains.insert(domain)
        }
    }
}

/// How often each spelling was used, and when it was first seen.
struct UsageCount: Sendable {
    private var uses: [String: (count: Int, firstSeen: Int)] = [:]

    mutating func add(_ spelling: String, at order: Int) {
        uses[spelling, default: (0, order)].count += 1
    }

    /// The spelling used most; ties go to the one seen first.
    var mostUsed: String {
        uses.min { a, b in
            a.value.count != b.value.count ? a.value.count > b.value.count : a.value.firstSeen < b.value.firstSeen
        }?.key ?? ""
    }
}
