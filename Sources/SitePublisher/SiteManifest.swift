internal import Foundation

/// `.lore-digest-site.json` in the site's folder: what the last run published, so that the next
/// run rewrites only the weeks whose mail changed.
///
/// Written last, after every page: a run that stops half-way leaves the old manifest, and the
/// next run rewrites what it cannot prove unchanged.
package struct SiteManifest: Sendable, Codable, Equatable {
    /// Bumped when the pages' layout changes, so that an upgrade rewrites every page.
    package static let currentLayout = 1
    package static let fileName = ".lore-digest-site.json"

    package var layout = SiteManifest.currentLayout
    /// What else shapes a page: the options (`--list`, `--top`); a change rewrites every week.
    package var settings: String
    /// Newest first.
    package var weeks: [WeekSummary]

    package init(settings: String, weeks: [WeekSummary]) {
        self.settings = settings
        self.weeks = weeks
    }

    /// The manifest in `directory`; nil when there is none or it cannot be read (then every
    /// week is written again, which is always correct).
    static func load(from directory: String) -> SiteManifest? {
        let url = URL(fileURLWithPath: directory).appendingPathComponent(fileName)
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(SiteManifest.self, from: data)
    }

    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return Array(try encoder.encode(self)) + [0x0A]
    }
}
