import ArgumentParser
import Digest
import Foundation
import InboxReader

/// `--mailmap` and `--company-map`: who is who, and who employs them (issue 11).
struct IdentityOptions: ParsableArguments {
    @Option(
        name: .customLong("mailmap"),
        help: ArgumentHelp(
            "A mailmap in git's .mailmap format: one person's addresses become one row everywhere "
                + "(repeatable; later files win; read after lore-digest.mailmap from git config).",
            valueName: "file"))
    var mailmaps: [String] = []

    @Option(
        name: .customLong("company-map"),
        help: ArgumentHelp(
            "A company map in gitdm's format ('domain Org', 'address Org', '< YYYY-MM-DD' end dates), read over "
                + "the shipped one (repeatable; later files win; read after lore-digest.companyMap from git config).",
            valueName: "file"))
    var companyMaps: [String] = []

    func validate() throws {
        for (option, paths) in [("--mailmap", mailmaps), ("--company-map", companyMaps)] where paths.contains("") {
            throw ValidationError("\(option) needs a file path, not an empty string.")
        }
    }

    /// The maps of git config's files, then of the options' files. Each line that cannot be read
    /// goes to standard error as `FILE:LINE: message` and is skipped.
    /// - Throws: `MapFileError` when a file cannot be opened.
    func load(settings: GitConfigSettings) throws -> IdentityMaps {
        func files(_ configured: [GitConfigSettings.Setting], key: String, _ given: [String], option: String)
            -> [IdentityMaps.File]
        {
            configured.map { IdentityMaps.File(path: $0.value, origin: "\(key) in \($0.origin)") }
                + given.map { IdentityMaps.File(path: $0, origin: option) }
        }
        let (maps, problems) = try IdentityMaps.load(
            mailmaps: files(settings.mailmaps, key: "lore-digest.mailmap", mailmaps, option: "--mailmap"),
            companyMaps: files(
                settings.companyMaps, key: "lore-digest.companyMap", companyMaps, option: "--company-map"))
        for problem in problems {
            FileHandle.standardError.write(Data("warning: \(OneLineValue.escaped(problem)); line skipped\n".utf8))
        }
        return maps
    }
}
