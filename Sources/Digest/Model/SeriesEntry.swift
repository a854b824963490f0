/// One patch series with a patch mail in the range (the "Series" section, and `series[]` in JSON).
///
/// Message-IDs are without angle brackets; every key is written, `null` when there is no value.
package struct SeriesEntry: Sendable, Codable, Equatable {
    /// The series' identity: the cover letter's Message-ID, else its lowest-position patch's.
    package var id: String
    /// The cover's title, else patch 1's (else the lowest position's).
    package var title: String
    /// nil: the subject names no version (version 1).
    package var version: Int?
    /// `1` of `v5.1` when the whole series was sent as a minor version.
    package var minorVersion: Int?
    package var isRFC: Bool
    package var isResend: Bool
    /// `M` of `N/M` (raised by a patch numbered past it).
    package var total: Int
    package var coverMessageID: String?
    package var author: ReportPerson
    /// When the archive received the series' first mail, `YYYY-MM-DD` (UTC).
    package var date: String
    /// Positions received (the cover's 0 not included), ascending.
    package var received: [Int]
    /// Positions `1...total` not received, ascending.
    package var missing: [Int]
    /// `12/12`, `11 of 12, missing 7`, or `1 of 30 on this list` for a series mostly posted
    /// elsewhere (fewer than half of its patches, and not its first, on this list).
    package var completeness: String
    package var changeID: String?
    /// The nearest earlier version; nil when none is known.
    package var previous: SeriesPreviousVersion?
    /// `v12 (v11 2025-09-30): 8 unchanged, 3 changed, 1 new`; nil without an earlier version.
    package var versionSummary: String?
    /// One per received position, ascending.
    package var patches: [SeriesPatchEntry]
    /// Patches of the previous version without a match in this one.
    package var dropped: [SeriesDroppedPatch]
    /// Trailers given in replies: on a patch (its position) or on the cover (position 0).
    package var trailers: [SeriesTrailerEntry]
    /// Replies by people (robot reports not counted).
    package var replies: Int
    /// People other than the author who replied, in order of their first reply.
    package var repliers: [ReportPerson]
    package var botReports: [SeriesBotReport]
    /// The first applied notice; nil when none.
    package var applied: SeriesAppliedEntry?
    /// A newer version of this series in the same range; nil when none.
    package var supersededBy: SeriesSupersededBy?
    /// Some of the series' mails lie before the range (read from the history index).
    package var startedBefore: Bool
    /// What fits no field: a duplicate position, a raised total.
    package var notes: [String]
    /// The series (its `id`) and its cover on the archive's web view; nil when the report has no
    /// archive address (or the series no cover).
    package var url: String?
    package var coverURL: String?
    /// With several archives: the lists its cover letter and patches reached; nil (and absent
    /// from JSON) for one archive.
    package var lists: [String]?

    package init(
        id: String, title: String, version: Int?, minorVersion: Int? = nil, isRFC: Bool = false,
        isResend: Bool = false, total: Int, coverMessageID: String?, author: ReportPerson, date: String,
        received: [Int], missing: [Int], completeness: String, changeID: String? = nil,
        previous: SeriesPreviousVersion? = nil, versionSummary: String? = nil, patches: [SeriesPatchEntry],
        dropped: [SeriesDroppedPatch] = [], trailers: [SeriesTrailerEntry] = [], replies: Int = 0,
        repliers: [ReportPerson] = [], botReports: [SeriesBotReport] = [], applied: SeriesAppliedEntry? = nil,
        supersededBy: SeriesSupersededBy? = nil, startedBefore: Bool = false, notes: [String] = []
    ) {
        self.id = id
        self.title = title
        self.version = version
        self.minorVersion = minorVersion
        self.isRFC = isRFC
        self.isResend = isResend
        self.total = total
        self.coverMessageID = coverMessageID
        self.author = author
        self.date = date
        self.received = received
        self.missing = missing
        self.completeness = completeness
        self.changeID = changeID
        self.previous = previous
        self.versionSummary = versionSummary
        self.patches = patches
        self.dropped = dropped
        self.trailers = trailers
        self.replies = replies
        self.repliers = repliers
        self.botReports = botReports
        self.applied = applied
        self.supersededBy = supersededBy
        self.startedBefore = startedBefore
        self.notes = notes
    }

    /// The version as the text says it: `v12`, `v5.1`; `v1` for a subject without one.
    package var versionLabel: String {
        let major = "v\(version ?? 1)"
        return minorVersion.map { "\(major).\($0)" } ?? major
    }

    enum CodingKeys: String, CodingKey {
        case id, title, version
        case minorVersion = "minor_version"
        case isRFC = "rfc"
        case isResend = "resend"
        case total
        case coverMessageID = "cover_message_id"
        case author, date, received, missing, completeness
        case changeID = "change_id"
        case previous
        case versionSummary = "version_summary"
        case patches, dropped, trailers
        case replies, repliers
        case botReports = "bot_reports"
        case applied
        case supersededBy = "superseded_by"
        case startedBefore = "started_before"
        case notes, url, lists
        case coverURL = "cover_url"
    }

    /// Every key, `null` when absent (the synthesized encoder would leave nil keys out).
    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(version, forKey: .version)
        try c.encode(minorVersion, forKey: .minorVersion)
        try c.encode(isRFC, forKey: .isRFC)
        try c.encode(isResend, forKey: .isResend)
        try c.encode(total, forKey: .total)
        try c.encode(coverMessageID, forKey: .coverMessageID)
        try c.encode(author, forKey: .author)
        try c.encode(date, forKey: .date)
        try c.encode(received, forKey: .received)
        try c.encode(missing, forKey: .missing)
        try c.encode(completeness, forKey: .completeness)
        try c.encode(changeID, forKey: .changeID)
        try c.encode(previous, forKey: .previous)
        try c.encode(versionSummary, forKey: .versionSummary)
        try c.encode(patches, forKey: .patches)
        try c.encode(dropped, forKey: .dropped)
        try c.encode(trailers, forKey: .trailers)
        try c.encode(replies, forKey: .replies)
        try c.encode(repliers, forKey: .repliers)
        try c.encode(botReports, forKey: .botReports)
        try c.encode(applied, forKey: .applied)
        try c.encode(supersededBy, forKey: .supersededBy)
        try c.encode(startedBefore, forKey: .startedBefore)
        try c.encode(notes, forKey: .notes)
        try c.encode(url, forKey: .url)
        try c.encode(coverURL, forKey: .coverURL)
        try c.encode(lists, forKey: .lists)
    }
}
