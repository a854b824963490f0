/// One patch series as the report shows it: its patches, completeness, earlier version, reviews and
/// applied notices. Built by `SeriesAnalyzer`.
package struct PatchSeries: Sendable, Hashable {
    /// The series' identity: the cover letter's Message-ID, else the lowest-position patch's.
    package var id: String
    /// The cover's title, else patch 1's (else the lowest position's).
    package var title: String
    /// nil: the subject names no version (version 1).
    package var version: Int?
    /// `1` of `v5.1` when the whole series was sent as a minor version.
    package var minorVersion: Int?
    package var isRFC: Bool
    package var isResend: Bool
    /// `M` of `N/M`, raised by a patch `[PATCH 6/5]` past it.
    package var total: Int
    package var coverMessageID: String?
    package var author: SeriesPerson
    /// When the archive received the series' first mail (its root).
    package var receivedAt: Int64
    /// Positions received, ascending (the cover's 0 not included).
    package var received: [Int]
    /// Positions 1...total not received, ascending.
    package var missing: [Int]
    package var changeID: String?
    /// The nearest earlier version, found by change-id or by title and author.
    package var previous: PreviousVersion?
    /// One per received position, ascending; the first mail at a position (see `notes`).
    package var patches: [SeriesPatch]
    /// Patches of the previous version without a match in this one.
    package var dropped: [DroppedPatch]
    /// `[PATCH v5.1 3/12]` mails sent in reply to this series' patch 3: each replaces that patch.
    package var rerolls: [PartialReroll]
    /// Replies, trailers, robot reports and applied notices from the given set.
    package var responses: SeriesResponses
    package var notes: [SeriesNote]
    /// A newer version of this series in the same set.
    package var supersededBy: SupersededBy?
    /// Some of the series' mails lie before the set and were read from the history.
    package var startedBefore: Bool

    /// Missing positions are listed only up to this total: a subject may claim `1/99999999`.
    package static let largestListedTotal = 4_096

    /// The revision: the explicit version, else 1.
    package var revision: Int { version ?? 1 }

    /// No one but its author or a robot replied: the series waits for a first reply
    /// (``SeriesReport/waiting``).
    package var isWaiting: Bool { responses.repliers.isEmpty }
    package var isComplete: Bool { received.count >= total }

    /// `12/12`, or `11 of 12, missing 7`, or `1 of 30, missing 1-24, 26-30`.
    ///
    /// A total past `largestListedTotal` is not listed position by position.
    package var completeness: String {
        if isComplete { return "\(received.count)/\(total)" }
        if missing.isEmpty { return "\(received.count) of \(total)" }
        return "\(received.count) of \(total), missing \(PositionRanges.text(missing))"
    }

    /// `v12 (v11 2025-09-30): 8 unchanged, 3 changed, 1 new`; nil without an earlier version.
    package var versionSummary: String? {
        guard let previous else { return nil }
        var counts: [String] = []
        let unchanged = patches.count { $0.change == .unchanged }
        let changed = patches.count { $0.change == .changed }
        let new = patches.count { $0.change == .new }
        if unchanged > 0 { counts.append("\(unchanged) unchanged") }
        if changed > 0 { counts.append("\(changed) changed") }
        if new > 0 { counts.append("\(new) new") }
        if !dropped.isEmpty { counts.append("\(dropped.count) dropped") }
        let what = counts.isEmpty ? "no patches" : counts.joined(separator: ", ")
        return "v\(revision) (v\(previous.version) \(CalendarDay.text(previous.receivedAt))): \(what)"
    }
}

/// A name and address.
package struct SeriesPerson: Sendable, Hashable {
    package var name: String
    package var email: String

    package init(name: String, email: String) {
        self.name = name
        self.email = email
    }
}

/// One patch of a series.
package struct SeriesPatch: Sendable, Hashable {
    package var position: Int
    package var messageID: String
    package var subject: String
    package var title: String
    package var patchID: String?
    package var receivedAt: Int64
    /// False for a patch read from the history (sent before the set).
    package var isInSet: Bool
    /// Against the previous version; nil when the series has none.
    package var change: PatchChange?
    /// The previous version's patch this one was matched to.
    package var previousMessageID: String?
    /// Trailers given on this patch and, once each, those given on the cover (position 0).
    package var trailers: [SeriesTrailer]
    /// Replies to this patch (robot reports not counted).
    package var replies: Int
}

/// How a patch compares with the previous version.
package enum PatchChange: String, Sendable, Hashable, Codable {
    /// Matched, with the same patch-id.
    case unchanged
    /// Matched by patch-id, title or position, with another (or unknown) patch-id.
    case changed
    /// No match in the previous version.
    case new
}

/// The nearest earlier version of a series.
package struct PreviousVersion: Sendable, Hashable {
    package var version: Int
    /// That series' id (its cover, else its first patch).
    package var messageID: String
    package var receivedAt: Int64
    /// How it was found.
    package var linkedBy: VersionLink
}

package enum VersionLink: String, Sendable, Hashable, Codable {
    case changeID = "change-id"
    case titleAndAuthor = "title"
}

/// A patch of the previous version that the new version no longer has.
package struct DroppedPatch: Sendable, Hashable {
    package var position: Int
    package var messageID: String
    package var subject: String
}

/// A partial re-roll: `[PATCH v5.1 3/12]` in reply to v5's patch 3 replaces it.
package struct PartialReroll: Sendable, Hashable {
    package var position: Int
    package var messageID: String
    package var subject: String
    package var title: String
    /// `5.1`.
    package var version: String
    package var patchID: String?
    package var receivedAt: Int64
    /// The patch mail it answered (the one it replaces, or an earlier re-roll of it).
    package var replacesMessageID: String
}

/// The newer version of the same series found in the same set.
package struct SupersededBy: Sendable, Hashable {
    package var version: Int
    package var seriesID: String
}

/// Something about a series worth saying that fits no field.
package enum SeriesNote: Sendable, Hashable, CustomStringConvertible {
    /// A second mail at a position already taken: the first is kept.
    case duplicatePosition(position: Int, kept: String, ignored: String)
    /// A patch numbered past the announced total (`[PATCH 6/5]`).
    case totalRaised(announced: Int, to: Int)

    package var description: String {
        switch self {
        case .duplicatePosition(let position, let kept, let ignored):
            "a second mail at position \(position) (<\(ignored)>) was ignored; kept <\(kept)>"
        case .totalRaised(let announced, let to):
            "announced \(announced) patches, received a patch \(to)/\(announced): total raised to \(to)"
        }
    }
}

/// Sorted positions as ranges: `[1, 2, 3, 5]` reads `1-3, 5`.
enum PositionRanges {
    static func text(_ positions: [Int]) -> String {
        var parts: [String] = []
        var index = 0
        while index < positions.count {
            var end = index
            while end + 1 < positions.count, positions[end + 1] == positions[end] + 1 { end += 1 }
            parts.append(end == index ? "\(positions[index])" : "\(positions[index])-\(positions[end])")
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }
}
