internal import Foundation
package import InboxReader

/// Where the history index of an archive lives by default.
///
/// `$XDG_CACHE_HOME/lore-digest/index/<name>-<hash>.sqlite` (else `~/.cache/…`), where `<name>`
/// is the archive's display name and `<hash>` a hash of its absolute path, so that two archives
/// of the same name never share an index.
package enum IndexLocation {
    /// The default index path for `inbox`.
    package static func defaultPath(
        for inbox: Inbox, environment: [String: String] = ProcessInfo.processInfo.environment
    )
        -> String
    {
        let absolute = URL(fileURLWithPath: inbox.path).standardizedFileURL.resolvingSymlinksInPath().path
        let name = inbox.displayName.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }
        return cacheDirectory(environment: environment) + "/index/\(String(name))-\(hash(absolute)).sqlite"
    }

    /// `$XDG_CACHE_HOME/lore-digest` when set to an absolute path, else `~/.cache/lore-digest`.
    package static func cacheDirectory(environment: [String: String]) -> String {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            return cache + "/lore-digest"
        }
        let home =
            environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? FileManager.default.homeDirectoryForCurrentUser.path
        return home + "/.cache/lore-digest"
    }

    /// FNV-1a 64 of the path's bytes, 12 hex digits: stable across runs and machines.
    static func hash(_ path: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in path.utf8 { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let hex = String(value, radix: 16)
        return String((String(repeating: "0", count: max(0, 16 - hex.count)) + hex).prefix(12))
    }
}
