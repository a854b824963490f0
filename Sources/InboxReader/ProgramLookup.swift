internal import Foundation
package import Subprocess
internal import Synchronization
internal import SystemPackage

/// Programs found on `PATH` once per process.
///
/// Given a bare name, Subprocess tries each `PATH` directory by spawning a process there and
/// letting the exec fail, about 2 ms per miss: with git in the ninth directory (a developer's
/// `PATH` with cargo, pyenv and `/usr/local` first) every git call cost 16 ms before git started,
/// a tenth of an incremental `index` and most of a one-week report at a million messages.
/// Looking once, the way `execvp` does (the first directory holding an executable file of that
/// name), and spawning that path makes every call one spawn.
package enum ProgramLookup {
    /// git, as every git call spawns it.
    package static var git: Executable { executable(named: "git") }

    private static let found = Mutex<[String: Executable]>([:])

    /// The first executable `name` on `PATH` (looked up once); the bare name when there is none,
    /// so that the spawn fails with Subprocess's own error, which callers turn into theirs.
    package static func executable(named name: String) -> Executable {
        if let known = found.withLock({ $0[name] }) { return known }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let executable = find(name: name, path: path).map { Executable.path(FilePath($0)) } ?? .name(name)
        found.withLock { $0[name] = executable }
        return executable
    }

    /// The first `DIR/name` that is an executable file, for the directories of `path`
    /// (colon-separated; empty entries and relative directories are skipped: the current
    /// directory is never searched, as Subprocess never searches it).
    package static func find(name: String, path: String) -> String? {
        guard !name.isEmpty, !name.contains("/") else { return nil }
        for directory in path.split(separator: ":") where directory.hasPrefix("/") {
            let candidate = directory.hasSuffix("/") ? "\(directory)\(name)" : "\(directory)/\(name)"
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory),
                !isDirectory.boolValue, FileManager.default.isExecutableFile(atPath: candidate)
            else { continue }
            return candidate
        }
        return nil
    }
}
