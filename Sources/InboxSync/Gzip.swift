internal import InboxReader
/// gzip decompression through the `gzip` program (no compression library in the package).
enum Gzip {
    /// True when `bytes` start with the gzip magic number 1f 8b.
    static func isCompressed(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
    }

    /// Runs `gzip -dc` over `bytes`.
    /// - Throws: `SyncError` `.notAnInbox` when the data is not valid gzip, or gzip cannot run.
    static func decompress(_ bytes: [UInt8], source: String) async throws(SyncError) -> [UInt8] {
        do {
            let result = try await Program.run("gzip", ["-dc"], input: bytes)
            guard result.succeeded else {
                let reason = GitCommand.firstLine(result.standardError)
                throw SyncError(.notAnInbox, "\(source) is not valid gzip (\(reason)); check that the URL is a public-inbox inbox")
            }
            return result.standardOutput
        } catch let error as SyncError {
            throw error
        } catch {
            throw SyncError(.notAnInbox, "could not run gzip to read \(source) (\(error)); install gzip")
        }
    }
}
