import Foundation

/// Reads the messages of a Maildir: every file in `cur/` and `new/` (not `tmp/`, where messages
/// are still being written, and no dot files), sorted by file name, which starts with the
/// delivery time in seconds (`1759312800.M1P2.host:2,S`).
package enum MaildirReader {
    /// Whether `path` is a Maildir: a directory with `cur/` and `new/` folders.
    package static func isMaildir(_ path: String) -> Bool {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        for folder in ["cur", "new"] {
            guard fileManager.fileExists(atPath: path + "/" + folder, isDirectory: &isDirectory), isDirectory.boolValue
            else { return false }
        }
        return true
    }

    /// The messages, ordered by file name (`cur/` and `new/` together).
    /// - Throws: `InboxError` `.notAMailbox` when a folder or message cannot be read.
    package static func messages(in path: String) throws(InboxError) -> [[UInt8]] {
        var files: [(name: String, path: String)] = []
        for folder in ["cur", "new"] {
            let directory = path + "/" + folder
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
                throw InboxError(.notAMailbox, "cannot list '\(directory)'; check that the Maildir is readable")
            }
            files += names.filter { !$0.hasPrefix(".") }.map { ($0, directory + "/" + $0) }
        }
        files.sort { $0.name < $1.name }
        var messages: [[UInt8]] = []
        messages.reserveCapacity(files.count)
        for file in files {
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw InboxError(.notAMailbox, "cannot read '\(file.path)'; check that the Maildir is readable")
            }
            messages.append(Array(data))
        }
        return messages
    }
}
