internal import Foundation
internal import Subprocess

/// lore-digest's settings kept where kernel people keep b4's (`b4.*`): git config, section
/// `lore-digest` (issue 11, "Settings where kernel people keep them").
///
/// Read from the global configuration (`git config --global`: `~/.gitconfig` and the XDG file)
/// and then from the archive's own file, so the archive's values win. A v2 inbox directory is no
/// repository, so its own file is that of its first epoch, `ARCHIVE/git/0.git/config` (what
/// `git --git-dir=ARCHIVE/git/0.git config …` writes); a bare epoch or a v1 inbox has its own
/// `config`. An mbox file or Maildir has none. Options given on the command line override both.
package struct GitConfigSettings: Sendable, Equatable {
    /// `lore-digest.mailmap` (multi-valued): every value, global ones first.
    package var mailmaps: [Setting] = []
    /// `lore-digest.companyMap` (multi-valued): every value, global ones first.
    package var companyMaps: [Setting] = []
    /// `lore-digest.list`: the list's name in the title.
    package var list: Setting?
    /// `lore-digest.archiveUrl`: the archive's web address.
    package var archiveURL: Setting?
    /// `lore-digest.top`: rows per table, a number of at least 1.
    package var top: Int?

    /// One value and the file it came from (`~/.gitconfig`, or the archive's config), for messages.
    package struct Setting: Sendable, Equatable {
        package var value: String
        package var origin: String

        package init(value: String, origin: String) {
            self.value = value
            self.origin = origin
        }
    }

    package init() {}
}

package enum GitConfig {
    /// Where to read: the user's global configuration, or one file.
    package enum Scope: Sendable, Equatable {
        case global
        case file(String)
    }

    /// The section every key is in.
    package static let section = "lore-digest"

    /// The settings of the global configuration, then of `inbox`'s own file (if it has one).
    /// - Throws: ``InboxError`` `.gitFailed` when git cannot read a configuration file,
    ///   `.invalidSetting` when `lore-digest.top` is not a number of at least 1.
    package static func settings(for inbox: Inbox?) async throws(InboxError) -> GitConfigSettings {
        var settings = GitConfigSettings()
        let file = inbox.flatMap(configFile(of:))
        // Both read at once (two git processes side by side), applied global first.
        async let global = Result { () async throws(InboxError) in try await entries(.global) }
        async let archive = Result { () async throws(InboxError) -> [(key: String, value: String)] in
            guard let file else { return [] }
            return try await entries(.file(file))
        }
        for entry in try await global.get() {
            try apply(entry, origin: "global git config", to: &settings)
        }
        for entry in try await archive.get() {
            try apply(entry, origin: file ?? "", to: &settings)
        }
        return settings
    }

    /// The archive's own configuration file, when the archive is a repository of ours to read.
    package static func configFile(of inbox: Inbox) -> String? {
        guard inbox.importedFrom == nil, let first = inbox.epochs.first else { return nil }
        let file = first.gitDirectory + "/config"
        return FileManager.default.fileExists(atPath: file) ? file : nil
    }

    /// Every `lore-digest.*` entry of `scope`, in file order, keys lower-cased as git prints them
    /// (`lore-digest.companymap`). The file name goes to git as the value of `--file`, never as
    /// an option of its own.
    /// - Throws: ``InboxError`` `.gitNotRunnable`, or `.gitFailed` when git cannot read the file.
    package static func entries(_ scope: Scope) async throws(InboxError) -> [(key: String, value: String)] {
        let where_: [String] =
            switch scope {
            case .global: ["--global"]
            case .file(let path): ["--file", path]
            }
        let arguments = ["config"] + where_ + ["--null", "--get-regexp", "^lore-digest\\."]
        let exitCode: Int32
        let output: [UInt8]
        let errorText: String
        do {
            let result = try await Subprocess.run(
                ProgramLookup.git, arguments: Arguments(arguments), environment: GitCommand.environment,
                output: .bytes(limit: 1 << 24), error: .string(limit: 1 << 16))
            switch result.terminationStatus {
            case .exited(let code): exitCode = code
            default: exitCode = -1
            }
            output = result.standardOutput
            errorText = result.standardError
        } catch {
            throw GitCommand.notRunnable(error)
        }
        // 1 with nothing on stderr: no such key, a normal answer.
        if exitCode == 1 && errorText.isEmpty { return [] }
        guard exitCode == 0 else {
            let file: String =
                switch scope {
                case .global: "the global git config"
                case .file(let path): "'\(path)'"
                }
            throw InboxError(
                .gitFailed,
                "git config could not read \(file): \(GitCommand.firstLine(errorText)); fix the file with 'git config --edit'"
            )
        }
        return parse(output)
    }

    /// The value of `key` as git itself reads it (system, global, and the current directory's
    /// repository, as `git send-email` does); nil when it is not set. For the e-mail's default
    /// `From:` (`sendemail.from`, `user.name`, `user.email`).
    /// - Throws: ``InboxError`` `.gitNotRunnable`, or `.gitFailed` when git cannot read its files.
    package static func value(_ key: String) async throws(InboxError) -> String? {
        let result: ProgramOutput
        do {
            let run = try await Subprocess.run(
                ProgramLookup.git, arguments: ["config", "--null", "--get", key], environment: GitCommand.environment,
                output: .bytes(limit: 1 << 16), error: .string(limit: 1 << 16))
            let succeeded: Bool
            switch run.terminationStatus {
            case .exited(let code): succeeded = code == 0
            default: succeeded = false
            }
            result = ProgramOutput(
                succeeded: succeeded, standardOutput: run.standardOutput, standardError: run.standardError)
        } catch {
            throw GitCommand.notRunnable(error)
        }
        if result.succeeded {
            let bytes = result.standardOutput.last == 0 ? result.standardOutput.dropLast() : result.standardOutput[...]
            return String(decoding: bytes, as: UTF8.self)
        }
        // 1 with nothing on stderr: not set, a normal answer.
        if result.standardError.isEmpty { return nil }
        throw InboxError(
            .gitFailed,
            "git config could not read \(key): \(GitCommand.firstLine(result.standardError)); fix it with 'git config --edit'"
        )
    }

    /// `key\nvalue\0` records (`git config --null`); a key without `=` has no `\n` and no value.
    static func parse(_ output: [UInt8]) -> [(key: String, value: String)] {
        output.split(separator: 0, omittingEmptySubsequences: true).map { record in
            guard let newline = record.firstIndex(of: 0x0A) else {
                return (String(decoding: record, as: UTF8.self), "")
            }
            return (
                String(decoding: record[..<newline], as: UTF8.self),
                String(decoding: record[(newline + 1)...], as: UTF8.self)
            )
        }
    }

    private static func apply(
        _ entry: (key: String, value: String), origin: String, to settings: inout GitConfigSettings
    ) throws(InboxError) {
        let setting = GitConfigSettings.Setting(value: expandingHome(entry.value), origin: origin)
        switch entry.key.lowercased() {
        case "lore-digest.mailmap": settings.mailmaps.append(setting)
        case "lore-digest.companymap": settings.companyMaps.append(setting)
        case "lore-digest.list": settings.list = GitConfigSettings.Setting(value: entry.value, origin: origin)
        case "lore-digest.archiveurl":
            settings.archiveURL = GitConfigSettings.Setting(value: entry.value, origin: origin)
        case "lore-digest.top":
            guard let top = Int(entry.value.trimmingCharacters(in: .whitespaces)), top >= 1 else {
                throw InboxError(
                    .invalidSetting,
                    "lore-digest.top in \(origin) is '\(entry.value)', not a number of at least 1; "
                        + "set it with 'git config --global lore-digest.top 15' or in that file")
            }
            settings.top = top
        default: break  // a key of a later version, or a typo: git itself ignores unknown keys
        }
    }

    /// `~/x.map` → `$HOME/x.map`, as `git config --type=path` reads it.
    static func expandingHome(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] else {
            return path
        }
        return home + path.dropFirst()
    }
}
