/// The companies one address is credited to over time: what ``CompanyMap/company(for:at:)``
/// answers for every date, worked out once per address so that a report asks the map once per
/// person rather than once per mail (issue 11, "Speed").
///
/// The map's answer for an address changes only at the end dates of the entries that can match
/// it (its address entries and those of its domain and parent domains), so it is constant between
/// two consecutive end dates; the timeline keeps one answer per such period.
package struct CompanyTimeline: Sendable, Hashable {
    /// Before `endsAt` (and at or after the previous period's), `attribution`; ordered by `endsAt`.
    struct Period: Sendable, Hashable {
        var endsAt: Int64
        var attribution: CompanyAttribution
    }

    var periods: [Period]
    /// At or after the last end date (or always, without end dates).
    var open: CompanyAttribution
    /// For a mail without a date: the entry without an end date, as the map answers.
    var undated: CompanyAttribution

    /// The company for a mail dated `date` (Unix seconds; nil when the mail has none).
    package func company(at date: Int64?) -> CompanyAttribution {
        guard let date else { return undated }
        for period in periods where date < period.endsAt { return period.attribution }
        return open
    }
}

extension CompanyMap {
    /// The timeline of `address`: equal to ``company(for:at:)`` at every date.
    package func timeline(for address: String) -> CompanyTimeline {
        let lowered = address.asciiLowercased
        var ends = Set((addresses[lowered] ?? []).compactMap(\.endsAt))
        if let domain = Self.domain(ofLowered: lowered) {
            for candidate in Self.suffixes(of: domain) {
                for entry in domains[candidate] ?? [] { if let end = entry.endsAt { ends.insert(end) } }
            }
        }
        let boundaries = ends.sorted()
        var periods: [CompanyTimeline.Period] = []
        var start: Int64?
        for end in boundaries {
            // Any date of [start, end) gets the same answer: ask for the first (or the last before `end`).
            periods.append(.init(endsAt: end, attribution: company(for: address, at: start ?? end - 1)))
            start = end
        }
        return CompanyTimeline(
            periods: periods, open: company(for: address, at: boundaries.last ?? 0),
            undated: company(for: address, at: nil))
    }
}
