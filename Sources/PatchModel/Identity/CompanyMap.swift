/// Who employs the sender of a mail, from maps in gitdm's format (issue 11, "Companies").
///
/// A line is `key  Organisation`, optionally followed by `< YYYY-MM-DD`:
/// - a key with `@` names one address (compared without ASCII case);
/// - any other key names a domain and all its subdomains; the most specific entry wins
///   (`linux.intel.com` → Intel through `intel.com`, unless `linux.intel.com` has its own line).
///
/// An end date makes an entry apply to mails dated before that day (00:00 UTC); an entry without
/// one applies after the last dated entry and to mails without a date. An address entry that
/// applies beats any domain entry; an address whose entries all ended falls back to its domain.
/// The organisations `(Individual)` and `(Unknown)` mark personal-mail and shared domains.
/// `#` starts a comment, as in gitdm. Later lines and later files replace an entry with the same
/// key and end date.
package struct CompanyMap: Sendable, Hashable {
    /// One line's verdict: its organisation, and the day (Unix seconds) it stops applying.
    struct DatedEntry: Sendable, Hashable {
        var organisation: String
        var endsAt: Int64?
    }

    /// Keyed by the ASCII-lower-cased address or domain; each list is ordered by end date, open last.
    private(set) var addresses: [String: [DatedEntry]] = [:]
    private(set) var domains: [String: [DatedEntry]] = [:]

    package init() {}

    package var isEmpty: Bool { addresses.isEmpty && domains.isEmpty }

    /// The company of the person at `address`, for a mail sent at `date` (Unix seconds, nil when
    /// the mail has none).
    package func company(for address: String, at date: Int64?) -> CompanyAttribution {
        let lowered = address.asciiLowercased
        if let entries = addresses[lowered], let organisation = Self.applying(entries, at: date) {
            return .mapped(organisation)
        }
        guard let domain = Self.domain(ofLowered: lowered) else {
            return CompanyAttribution(name: lowered, kind: .unmapped)
        }
        for candidate in Self.suffixes(of: domain) {
            if let entries = domains[candidate], let organisation = Self.applying(entries, at: date) {
                return .mapped(organisation)
            }
        }
        return CompanyAttribution(name: domain, kind: .unmapped)
    }

    /// What follows the last `@` of a lower-cased address, without trailing dots; nil without `@`.
    static func domain(ofLowered address: String) -> String? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        var domain = Substring(address[address.index(after: at)...])
        while domain.hasSuffix(".") { domain = domain.dropLast() }
        return String(domain)
    }

    /// `linux.intel.com`, `intel.com`, `com`: the keys a domain matches, most specific first.
    static func suffixes(of domain: String) -> [String] {
        var found: [String] = []
        var candidate = Substring(domain)
        while !candidate.isEmpty {
            found.append(String(candidate))
            guard let dot = candidate.firstIndex(of: ".") else { break }
            candidate = candidate[candidate.index(after: dot)...]
        }
        return found
    }

    /// Adds the lines of a later file; its entries replace those with the same key and end date.
    package mutating func merge(_ later: CompanyMap) {
        for (key, entries) in later.addresses {
            for entry in entries { Self.insert(entry, for: key, into: &addresses) }
        }
        for (key, entries) in later.domains {
            for entry in entries { Self.insert(entry, for: key, into: &domains) }
        }
    }

    mutating func add(key: String, organisation: String, endsAt: Int64?) {
        let entry = DatedEntry(organisation: organisation, endsAt: endsAt)
        if key.contains("@") {
            Self.insert(entry, for: key.asciiLowercased, into: &addresses)
        } else {
            Self.insert(entry, for: key.asciiLowercased, into: &domains)
        }
    }

    private static func insert(_ entry: DatedEntry, for key: String, into table: inout [String: [DatedEntry]]) {
        var entries = table[key] ?? []
        entries.removeAll { $0.endsAt == entry.endsAt }
        entries.append(entry)
        entries.sort { ($0.endsAt ?? .max) < ($1.endsAt ?? .max) }
        table[key] = entries
    }

    /// The first entry (by end date) that has not ended at `date`; an undated mail takes the open one.
    private static func applying(_ entries: [DatedEntry], at date: Int64?) -> String? {
        guard let date else { return entries.first { $0.endsAt == nil }?.organisation }
        return entries.first { $0.endsAt.map { date < $0 } ?? true }?.organisation
    }
}
