import Foundation
import MailParser

extension Inbox {
    /// Opens a public-inbox archive (`Inbox.open`), or imports an mbox file or a Maildir (as
    /// `lei q -o` writes them) into a temporary archive and opens that.
    ///
    /// An **mbox** is a regular file that starts with `From ` (read as mboxrd, see
    /// `MboxSplitter`); a **Maildir** is a directory with `cur/` and `new/` (see `MaildirReader`).
    /// Their messages are ordered by their `Date:` header (a stable sort: equal or missing dates
    /// keep their order; a message without a usable date takes the date of the message before it),
    /// and each becomes one commit whose commit time is that date, so `--since/--until` select by
    /// the date the mail says it was sent. All commits are written by one `git fast-import`
    /// into a folder under the temporary directory that is removed when the last copy of the
    /// returned `Inbox` goes away. `--from/--to` are refused for such an inbox (see `resolve`).
    ///
    /// - Throws: `InboxError` `.noSuchDirectory`, `.notAnArchive`, `.notAMailbox` (a file that is
    ///   not an mbox), `.emptyArchive` (an archive without commits, a Maildir without messages),
    ///   `.writeFailed` (the temporary archive could not be written), `.gitNotRunnable`.
    package static func openOrImport(_ path: String) async throws(InboxError) -> Inbox {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else { return try open(path) }
        let name = URL(fileURLWithPath: path).standardizedFileURL.lastPathComponent
        if isDirectory.boolValue {
            guard MaildirReader.isMaildir(path), !fileManager.fileExists(atPath: path + "/git") else {
                return try open(path)
            }
            let mails = try MaildirReader.messages(in: path)
            guard !mails.isEmpty else {
                throw InboxError(
                    .emptyArchive,
                    "the Maildir '\(path)' holds no messages (cur/ and new/ are empty); nothing to report")
            }
            return try await importMails(
                mails, from: ImportedMailbox(name: name, path: path, kind: .maildir, messageCount: mails.count))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InboxError(.notAMailbox, "cannot read '\(path)'; check its permissions")
        }
        let head = (try? handle.read(upToCount: 5)) ?? nil
        try? handle.close()
        guard let head, MboxSplitter.isMbox(head) else {
            let hint =
                head?.starts(with: [0x1F, 0x8B]) == true
                ? "it is gzip-compressed; gunzip it first" : "it does not start with 'From '"
            throw InboxError(
                .notAMailbox,
                "'\(path)' is a file but not an mbox (\(hint)); give an mbox file (lei q -o mboxrd:FILE), a Maildir or a public-inbox archive"
            )
        }
        guard let mails = readFile(path).map(MboxSplitter.messages(in:)) else {
            throw InboxError(.notAMailbox, "cannot read '\(path)'; check its permissions")
        }
        return try await importMails(
            mails, from: ImportedMailbox(name: name, path: path, kind: .mbox, messageCount: mails.count))
    }

    /// The bytes of a file, read in 1 MiB pieces into one array (no second whole copy).
    private static func readFile(_ path: String) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var bytes: [UInt8] = []
        if let size = try? handle.seekToEnd() {
            bytes.reserveCapacity(Int(size))
            try? handle.seek(toOffset: 0)
        }
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { bytes.append(contentsOf: chunk) }
        } catch {
            return nil
        }
        return bytes
    }

    /// The mails ordered by `Date:` (stable), with the commit time of each.
    package static func datedOrder(_ mails: [[UInt8]]) -> [(mail: [UInt8], time: Int64)] {
        var dated: [(mail: [UInt8], time: Int64)] = []
        dated.reserveCapacity(mails.count)
        var previous: Int64?
        var undatedPrefix = 0
        for mail in mails {
            let date = MailMessage(bytes: mail).date?.secondsSince1970
            if date == nil && previous == nil { undatedPrefix += 1 }
            let time = date ?? previous ?? 0
            previous = time
            dated.append((mail, time))
        }
        // Undated mails before the first dated one take its date.
        if undatedPrefix > 0 && undatedPrefix < dated.count {
            for index in 0..<undatedPrefix { dated[index].time = dated[undatedPrefix].time }
        }
        return dated.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
    }

    private static func importMails(_ mails: [[UInt8]], from source: ImportedMailbox) async throws(InboxError) -> Inbox
    {
        let temporary = FileManager.default.temporaryDirectory.path
        // Folders of runs killed by SIGKILL would otherwise stay forever.
        StaleImports.sweep(in: temporary)
        let (base, lock) = try StaleImports.create(in: temporary)
        let lease = TemporaryArchiveLease(directory: base, lock: lock)
        var displayName = source.name
        for suffix in [".mboxrd", ".mboxo", ".mbox"] where displayName.hasSuffix(suffix) && displayName != suffix {
            displayName = String(displayName.dropLast(suffix.count))
            break
        }
        let directory = base + "/inbox"
        let ordered = datedOrder(mails)
        try await ArchiveWriter.writeEpoch(
            entries: ordered.map { .mail($0.mail) }, to: directory + "/git/0.git", commitTimes: ordered.map(\.time),
            forSpeed: true)
        var inbox = try open(directory)
        inbox.path = source.path
        inbox.displayName = displayName
        inbox.importedFrom = source
        inbox.lease = lease
        return inbox
    }
}
