/// What the given set's replies did to one series: replies, reviewers, trailers, robot reports and
/// applied notices. Shared by the series of the set and the activity on earlier series.
package struct SeriesResponses: Sendable, Hashable {
    /// Replies by people (the author's own included; robot reports not).
    package var replies: Int = 0
    /// Replies per position (0: to the cover).
    package var repliesByPosition: [Int: Int] = [:]
    /// People other than the series' author who replied, in order of their first reply.
    package var repliers: [SeriesPerson] = []
    /// Trailers given in replies, each (type, address, position) once, in order of arrival.
    package var trailers: [SeriesTrailer] = []
    package var botReports: [BotReport] = []
    package var applications: [SeriesApplication] = []

    package init() {}

    /// The first applied notice, what the report shows.
    package var applied: SeriesApplication? { applications.first }

    /// Distinct people per trailer type, in order of arrival: `Reviewed-by` → 2 people.
    package func people(givingType type: ReviewTrailerType) -> [SeriesPerson] {
        var seen: Set<String> = []
        var people: [SeriesPerson] = []
        for trailer in trailers where trailer.type == type && seen.insert(trailer.email.lowercased()).inserted {
            people.append(SeriesPerson(name: trailer.name, email: trailer.email))
        }
        return people
    }
}

/// A trailer given in a reply to a series.
package struct SeriesTrailer: Sendable, Hashable {
    package var type: ReviewTrailerType
    package var name: String
    package var email: String
    /// The patch it was given on; 0: on the cover, for the whole series.
    package var position: Int
    /// The reply that gave it.
    package var messageID: String
    package var mismatch: Bool
}

/// A robot's mail in reply to a series (a build report, a syzbot test result).
package struct BotReport: Sendable, Hashable {
    package var bot: String
    package var messageID: String
    /// The patch it answered; 0: the cover.
    package var position: Int
    package var receivedAt: Int64
}

/// A series (or some of its patches) applied, as an applied notice says.
package struct SeriesApplication: Sendable, Hashable {
    package var branch: String?
    package var commits: [String]
    /// Who applied: the notice's own word, else the robot, else the sender's name (or address).
    package var by: String
    /// The notice.
    package var messageID: String
    /// The patches applied; empty: the whole series.
    package var positions: [Int]
}
