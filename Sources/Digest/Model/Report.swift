/// Everything a mailing-list update says, independent of how it is printed.
///
/// Built by ``ReportBuilder`` from the messages of one range, in archive order; every renderer
/// reads only this value, so the formats cannot disagree on a count.
package struct Report: Sendable, Codable, Equatable {
    /// The list's name as shown in the title, e.g. `KVM`.
    package var listName: String
    /// What was selected: the revisions as git abbreviates them, and the dates of the first and
    /// last message (commit time).
    package var selection: Selection
    /// How many rows the two tables were asked for (`--top`).
    package var top: Int
    /// Patch mails (cover letters included) counted by the domain of their author's address,
    /// every domain (the tables show the first `top`).
    package var domains: [DomainRow]
    /// Patch mails counted by author (after the mailmap), every author (the tables show `top`).
    package var contributors: [ContributorRow]
    /// Every patch mail, in archive order, a series' patches right after its cover letter.
    package var patchList: [PatchListLine]
    /// The "New:" entries: standalone patches, and each series' cover letter and first patch.
    package var entries: [PatchEntry]
    /// Every message of the range, each in exactly one bucket.
    package var accounting: Accounting
    /// The look back before the range (`--history`); nil without it, and then absent from JSON.
    package var history: HistorySection?

    // MARK: Series sections (issue 10)

    /// The version of the JSON document (semver): 2.0.0 added the series sections, 2.1.0 the
    /// companies.
    package var schemaVersion = Report.currentSchemaVersion
    /// Whether the series sections saw the range alone or the history index too.
    package var seriesScope: SeriesScope = .rangeOnly
    /// The series with a patch mail in the range, by arrival of their first mail.
    package var series: [SeriesEntry] = []
    /// People who gave review trailers or replied to someone else's series, most trailers first.
    package var reviewers: [ReviewerRow] = []
    /// Ids (`series[].id`) of the range's series without a reply from anyone but their author or
    /// a robot, in `series` order.
    package var waiting: [String] = []
    /// Series posted before the range that the range's replies answered, oldest first.
    package var earlierSeriesActivity: [EarlierSeriesEntry] = []
    /// The range's pull requests, in archive order.
    package var pullRequests: [PullRequestEntry] = []
    /// The robots that sent mail in the range, most mails first.
    package var bots: [BotRow] = []

    // MARK: People and companies (issue 11)

    /// Patch mails by the company of their author at each mail's date, every company.
    package var companies: [CompanyRow] = []
    /// The reviews of `reviewers` by the company of each reviewer at each review's date.
    package var reviewCompanies: [ReviewCompanyRow] = []
    /// The domains of patch-mail authors that no company map names, most patch mails first.
    package var unmapped: [UnmappedDomainRow] = []
    /// `lore-digest.archiveUrl` from git config: the archive's web address (for links); nil
    /// when not set, and then absent from JSON.
    package var archiveURL: String?
    /// With several archives (issue 14): their list names, in the order given; nil (and absent
    /// from JSON) for one archive.
    package var lists: [String]?

    /// 2.1.0 added `companies`, `review_companies`, `unmapped`, contributors' `addresses`,
    /// `patch_mails` and `company`, and made `domains` and `contributors` complete.
    package static let currentSchemaVersion = "2.1.0"

    package init(
        listName: String, selection: Selection, top: Int, domains: [DomainRow],
        contributors: [ContributorRow], patchList: [PatchListLine], entries: [PatchEntry],
        accounting: Accounting, history: HistorySection? = nil
    ) {
        self.listName = listName
        self.selection = selection
        self.top = top
        self.domains = domains
        self.contributors = contributors
        self.patchList = patchList
        self.entries = entries
        self.accounting = accounting
        self.history = history
    }
}

/// The range a report covers.
package struct Selection: Sendable, Codable, Equatable {
    /// The `--from` revision as git abbreviates it; nil when the range starts at the first message.
    package var fromLabel: String?
    /// The `--to` revision (or the newest commit) as git abbreviates it.
    package var toLabel: String
    /// Commit time of the first and last message of the range, seconds since 1970 (UTC).
    package var firstCommitTime: Int64?
    package var lastCommitTime: Int64?
    /// `--since` / `--until` as git read them, seconds since 1970 (UTC); nil when not given.
    package var since: Int64?
    package var until: Int64?
    /// With a time window: `--from/--to` as text (`A..B`, `up to B`); nil when neither was given.
    package var revisions: String?
    /// With a time window: the first and last selected commit, abbreviated; nil when none.
    package var firstLabel: String?
    package var lastLabel: String?
    /// The mbox file or Maildir the report was made from (its name); nil for an archive.
    package var source: String?
    /// How many commits (messages and deletions) were selected.
    package var commitCount: Int?

    package init(fromLabel: String?, toLabel: String, firstCommitTime: Int64?, lastCommitTime: Int64?) {
        self.fromLabel = fromLabel
        self.toLabel = toLabel
        self.firstCommitTime = firstCommitTime
        self.lastCommitTime = lastCommitTime
    }

    /// Whether `--since` or `--until` was given.
    package var hasTimeWindow: Bool { since != nil || until != nil }
}

/// One row of the domain table.
package struct DomainRow: Sendable, Codable, Equatable {
    package var domain: String
    package var count: Int
}

/// One row of the contributor table: one person, identified by address (after the mailmap)
/// without regard to case.
package struct ContributorRow: Sendable, Codable, Equatable {
    /// The name this person used most in the range (ties: the first seen).
    package var name: String
    /// The spelling of the address this person used most (ties: the first seen).
    package var email: String
    /// Patch mails (JSON: `count`, and `patch_mails` since 2.1.0).
    package var count: Int
    /// Every address this person sent patch mails from, as sent (before the mailmap), without
    /// case duplicates, sorted.
    package var addresses: [String]
    /// The company most of their patch mails are credited to (ties: the first seen).
    package var company: String

    package init(name: String, email: String, count: Int, addresses: [String]? = nil, company: String = "") {
        self.name = name
        self.email = email
        self.count = count
        self.addresses = addresses ?? [email]
        self.company = company
    }

    private enum CodingKeys: String, CodingKey {
        case name, email, count, patchMails, addresses, company
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        email = try container.decode(String.self, forKey: .email)
        count = try container.decode(Int.self, forKey: .count)
        addresses = try container.decodeIfPresent([String].self, forKey: .addresses) ?? [email]
        company = try container.decodeIfPresent(String.self, forKey: .company) ?? ""
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(email, forKey: .email)
        try container.encode(count, forKey: .count)
        try container.encode(count, forKey: .patchMails)
        try container.encode(addresses, forKey: .addresses)
        try container.encode(company, forKey: .company)
    }
}

/// One line of the patch list.
package struct PatchListLine: Sendable, Codable, Equatable {
    package var subject: String
    package var commit: String
    /// True for the patches listed under a cover letter (renderers may indent them).
    package var isInSeries: Bool
}

/// One "New:" entry.
package struct PatchEntry: Sendable, Codable, Equatable {
    /// The subject without its bracketed tags.
    package var title: String
    /// The whole subject.
    package var subject: String
    package var authorName: String
    package var authorEmail: String
    /// The commit message (or cover letter text) with its diffstat, per report.md.
    package var text: String
    package var commit: String
    package var messageID: String?
    /// With several archives: the lists this mail reached; nil for one archive.
    package var lists: [String]?
}
