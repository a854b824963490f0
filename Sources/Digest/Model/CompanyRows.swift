/// One row of "Top 15 companies (patch mails)" (`companies[]`): the patch mails credited to one
/// organisation by the company maps, at the date of each mail. "(Individual)" and "(Unknown)"
/// are rows too; a domain no map names is a row of its own, named by the domain.
package struct CompanyRow: Sendable, Codable, Equatable {
    package var name: String
    package var patchMails: Int
    /// How many people (after the mailmap) sent those mails.
    package var authors: Int
    /// The domains of their (mapped) addresses, sorted.
    package var domains: [String]

    package init(name: String, patchMails: Int, authors: Int, domains: [String]) {
        self.name = name
        self.patchMails = patchMails
        self.authors = authors
        self.domains = domains
    }
}

/// One row of "Reviews by company" (`review_companies[]`): the reviews counted in `reviewers`,
/// each credited to the company of its reviewer at the date of the mail that gave it.
package struct ReviewCompanyRow: Sendable, Codable, Equatable {
    package var name: String
    /// Review trailers given (each counted once per series and position, as for `reviewers`).
    package var trailers: Int
    /// Replies written to other people's series.
    package var replies: Int

    package init(name: String, trailers: Int, replies: Int) {
        self.name = name
        self.trailers = trailers
        self.replies = replies
    }
}

/// A domain that no company map names (`unmapped[]`), with the patch mails sent from it.
package struct UnmappedDomainRow: Sendable, Codable, Equatable {
    package var domain: String
    package var patchMails: Int

    package init(domain: String, patchMails: Int) {
        self.domain = domain
        self.patchMails = patchMails
    }
}

extension Array where Element == CompanyRow {
    /// Most patch mails first; ties by name (ignoring case, then as written).
    func ordered() -> [CompanyRow] {
        sorted { a, b in
            if a.patchMails != b.patchMails { return a.patchMails > b.patchMails }
            return CompanyOrder.byName(a.name, b.name)
        }
    }
}

extension Array where Element == ReviewCompanyRow {
    /// Most trailers first, then most replies (as the reviewers' table); ties by name.
    func ordered() -> [ReviewCompanyRow] {
        sorted { a, b in
            if a.trailers != b.trailers { return a.trailers > b.trailers }
            if a.replies != b.replies { return a.replies > b.replies }
            return CompanyOrder.byName(a.name, b.name)
        }
    }
}

enum CompanyOrder {
    /// Alphabetical ignoring case, then as written, so the order is total.
    static func byName(_ a: String, _ b: String) -> Bool {
        let (lowerA, lowerB) = (a.lowercased(), b.lowercased())
        return lowerA != lowerB ? lowerA < lowerB : a < b
    }
}
