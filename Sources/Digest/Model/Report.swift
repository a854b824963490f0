/// Everything a mailing-list update says, independent of how it is printed.
///
/// Built by ``ReportBuilder`` from the messages of one range, in archive order; every renderer
/// reads only this value, so the formats cannot disagree on a count.
package struct Report: Sendable, Encodable, Equatable {
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
    /// When the report was asked for with its entries' text left in the temporary file
    /// (``ReportOptions/streamsEntryTexts``): each entry's text, read back as it is printed; the
    /// entries' `text` is then empty. Only ``ReportSectionRenderer/render(_:into:)`` reads it.
    package var entryTexts: SpooledEntryTexts?
    /// Likewise for a large range (see ``ReportAggregator``): the patch list's lines, read back as
    /// they are printed; `patchList` is then empty.
    package var patchListLines: SpooledPatchList?
    /// Every message of the range, each in exactly one bucket.
    package var accounting: Accounting
    /// The look back before the range (`--history`); nil without it (JSON: `null`).
    package var history: HistorySection?

    // MARK: Series sections (issue 10)

    /// The version of the JSON document (semver): 2.0.0 added the series sections, 2.1.0 the
    /// companies.
    package var schemaVersion = Report.currentSchemaVersion
    /// Whether the series sections saw the range alone or the history index too.
    package var seriesScope: SeriesScope = .rangeOnly
    /// The series with a patch mail in the range, by arrival of their first mail.
    package var series: [SeriesEntry] = []
    /// Likewise for a large range printed a section at a time (see ``ReportAggregator``): the
    /// series, read back as they are printed; `series` is then empty. Read the series through
    /// ``seriesCount`` and ``seriesEntry(at:)``, which take either.
    package var seriesEntries: SpooledSeries?
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
    /// The archive's web address the links start with (see ``MessageLinks``): `--archive-url`,
    /// git config `lore-digest.archiveUrl`, the range's `List-Archive:`, else lore's address for
    /// the List-Id; `null` in JSON when none was found.
    package var archiveURL: String?
    /// With several archives (issue 14): their list names, in the order given; nil (and absent
    /// from JSON) for one archive.
    package var lists: [String]?

    // MARK: Charts (issue 12)

    /// Patch mails per UTC day (by the archive's commit time), every day from the first to the
    /// last of the range (or of its `--since`/`--until` window), days without one as zero.
    package var patchMailsPerDay: [DayCount] = []

    /// The JSON document's version, semantic versioning over `docs/report.schema.json`: a new
    /// key is a minor version; a key removed or renamed, or a value of another type, a major one.
    /// 2.1.0 added `companies`, `review_companies`, `unmapped`, contributors' `addresses`,
    /// `patch_mails` and `company`, and made `domains` and `contributors` complete. 3.0.0 writes
    /// the selection's times as ISO 8601 UTC strings (they were seconds), every key of an absent
    /// value as `null` (they were left out), and adds `patch_mails_per_day`. 3.1.0 adds the links:
    /// `url` beside each `message_id` (`cover_url`, `previous_url`, `series_url` beside theirs),
    /// `patch_list[].message_id`, and `archive_url` filled from `--archive-url`, git config,
    /// `List-Archive:` or the List-Id. 3.2.0 adds several archives in one report: `lists` (top
    /// level, each series, each entry) and `accounting.cross_posted_duplicates`, `null` for one.
    package static let currentSchemaVersion = "3.2.0"

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
package struct Selection: Sendable, Encodable, Equatable {
    /// The `--from` revision as git abbreviates it; nil when the range starts at the first message.
    package var fromLabel: String?
    /// The `--to` revision (or the newest commit) as git abbreviates it.
    package var toLabel: String
    /// Commit time of the first and last message of the range, seconds since 1970 (UTC; JSON:
    /// ISO 8601 UTC strings).
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
    /// The range is what came since the last run of a `--since-last-run` state (titles then
    /// name the days of its first and last message, not commit ids).
    package var isSinceLastRun = false

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
    /// The mail's Message-ID, and the mail on the archive's web view (nil without either).
    package var messageID: String?
    package var url: String?

    package init(subject: String, commit: String, isInSeries: Bool, messageID: String? = nil) {
        self.subject = subject
        self.commit = commit
        self.isInSeries = isInSeries
        self.messageID = messageID
    }

    enum CodingKeys: String, CodingKey {
        case subject, commit
        case isInSeries = "is_in_series"
        case messageID = "message_id"
        case url
    }

    /// Every key, `null` when absent.
    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(subject, forKey: .subject)
        try c.encode(commit, forKey: .commit)
        try c.encode(isInSeries, forKey: .isInSeries)
        try c.encode(messageID, forKey: .messageID)
        try c.encode(url, forKey: .url)
    }
}

/// One "New:" entry.
package struct PatchEntry: Sendable, Encodable, Equatable {
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
    /// The mail on the archive's web view; nil without an archive address or a Message-ID.
    package var url: String?
    /// With several archives: the lists this mail reached; nil for one archive.
    package var lists: [String]?

    package init(
        title: String, subject: String, authorName: String, authorEmail: String, text: String, commit: String,
        messageID: String?
    ) {
        self.title = title
        self.subject = subject
        self.authorName = authorName
        self.authorEmail = authorEmail
        self.text = text
        self.commit = commit
        self.messageID = messageID
    }

    enum CodingKeys: String, CodingKey {
        case title, subject
        case authorName = "author_name"
        case authorEmail = "author_email"
        case text, commit
        case messageID = "message_id"
        case url, lists
    }

    /// Every key, `null` when absent.
    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title)
        try c.encode(subject, forKey: .subject)
        try c.encode(authorName, forKey: .authorName)
        try c.encode(authorEmail, forKey: .authorEmail)
        try c.encode(text, forKey: .text)
        try c.encode(commit, forKey: .commit)
        try c.encode(messageID, forKey: .messageID)
        try c.encode(url, forKey: .url)
        try c.encode(lists, forKey: .lists)
    }
}
