internal import Foundation
package import InboxReader
package import PatchModel

/// The mailmap and company map of a report (issue 11): the shipped company map, then each file
/// named in git config and on the command line, in that order, later files winning.
package struct IdentityMaps: Sendable {
    package var mailmap = Mailmap()
    package var companies = CompanyMap.shipped.map

    /// No mailmap, the shipped company map.
    package init() {}

    /// A map file to read, and where it was named, for messages: `--mailmap`, or
    /// `lore-digest.mailmap in ~/.gitconfig`.
    package struct File: Sendable, Equatable {
        package var path: String
        package var origin: String

        package init(path: String, origin: String) {
            self.path = path
            self.origin = origin
        }
    }

    /// Reads `mailmaps` and `companyMaps` in order over the defaults. A line that cannot be read is
    /// skipped and returned in `problems` (`FILE:LINE: message`, one line each), never fatal.
    /// - Throws: ``MapFileError`` `.unreadable` when a file cannot be opened.
    package static func load(mailmaps: [File], companyMaps: [File]) throws(MapFileError) -> (
        maps: IdentityMaps, problems: [String]
    ) {
        var maps = IdentityMaps()
        var problems: [String] = []
        for file in mailmaps {
            let parsed = Mailmap.parse(try read(file, kind: "mailmap"), file: file.path)
            maps.mailmap.merge(parsed.mailmap)
            problems += parsed.problems.map(\.description)
        }
        for file in companyMaps {
            let parsed = CompanyMap.parse(try read(file, kind: "company map"), file: file.path)
            maps.companies.merge(parsed.map)
            problems += parsed.problems.map(\.description)
        }
        return (maps, problems)
    }

    /// The resolver the aggregator applies.
    var resolver: IdentityResolver { IdentityResolver(mailmap: mailmap, companies: companies) }

    private static func read(_ file: File, kind: String) throws(MapFileError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        let reason: String
        if !FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory) {
            reason = "no such file"
        } else if isDirectory.boolValue {
            reason = "it is a directory"
        } else if let data = FileManager.default.contents(atPath: file.path) {
            return Array(data)
        } else {
            reason = "permission denied"
        }
        throw MapFileError(
            .unreadable, "cannot read the \(kind) '\(file.path)' (\(file.origin)): \(reason); check the path")
    }
}

/// Why a map file named by an option or git config could not be used (see ``OneLineError``).
package typealias MapFileError = OneLineError<MapFileErrorCode>

/// The kind of ``MapFileError``. Backed by a private enum so that new codes can be added.
package struct MapFileErrorCode: Sendable, Hashable, CustomStringConvertible {
    private enum Storage: Sendable, Hashable { case unreadable }
    private let storage: Storage
    private init(_ storage: Storage) { self.storage = storage }

    /// The file does not exist, is a directory, or may not be read.
    package static let unreadable = Self(.unreadable)

    package var description: String { "\(storage)" }
}
