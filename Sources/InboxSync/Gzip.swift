import Foundation
internal import InboxReader
import Subprocess

/// gzip decompression through the `gzip` program (no compression library in the package).
enum Gzip {
    /// The most a manifest may inflate to: a real one is kilobytes (lore's largest, hundreds of
    /// epochs, is well under 1 MB); more is a gzip bomb or not a manifest.
    static let inflatedLimit = 16 << 20

    /// True when `bytes` start with the gzip magic number 1f 8b.
    static func isCompressed(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
    }

    /// Runs `gzip -dc` over `bytes`, keeping at most `limit` bytes of its output.
    ///
    /// The bytes go to gzip as a temporary file, not through a pipe: when the output outgrows the
    /// limit, gzip is stopped, and writing the rest of its input into a closed pipe would end this
    /// process by SIGPIPE, silently.
    /// - Throws: `SyncError` `.notAnInbox` when the data is not valid gzip or gzip cannot run,
    ///   `.tooLarge` when it inflates beyond `limit`, `.fileSystem` when the temporary file
    ///   cannot be written.
    static func decompress(_ bytes: [UInt8], source: String, limit: Int = inflatedLimit) async throws(SyncError)
        -> [UInt8]
    {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("lore-digest-manifest-\(getpid())-\(UUID().uuidString).gz").path
        guard
            FileManager.default.createFile(atPath: file, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
        else {
            throw SyncError(
                .fileSystem, "cannot write \(source) to '\(file)' to decompress it; check that TMPDIR is writable")
        }
        defer { try? FileManager.default.removeItem(atPath: file) }
        do {
            let result = try await Program.run("gzip", ["-dc", "--", file], outputLimit: limit)
            guard result.succeeded else {
                let reason = GitCommand.firstLine(result.standardError.replacingOccurrences(of: file, with: "input"))
                throw SyncError(
                    .notAnInbox, "\(source) is not valid gzip (\(reason)); check that the URL is a public-inbox inbox")
            }
            return result.standardOutput
        } catch let error as SyncError {
            throw error
        } catch let error as SubprocessError where error.code == .outputLimitExceeded {
            throw SyncError(
                .tooLarge,
                "\(source) inflates to more than \(limit >> 20) MB, far more than a manifest; check that the URL is a public-inbox inbox"
            )
        } catch {
            throw SyncError(.notAnInbox, "could not run gzip to read \(source) (\(error)); install gzip")
        }
    }
}
