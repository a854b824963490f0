internal import PatchModel

/// A ``ThreadMessage`` as bytes, for the spooled thread view (``ThreadSpool``): every field the
/// series rules read, so that a message read back is equal to the one written.
///
/// Written with ``RecordWriter``: only this process reads what it wrote, so there is no version.
enum ThreadMessageRecord {
    /// Appends `message`'s record to `bytes`.
    static func append(_ message: ThreadMessage, to bytes: inout [UInt8]) {
        var writer = RecordWriter(bytes: consume bytes)
        writer.string(message.messageID)
        writer.optionalString(message.inReplyTo)
        writer.unsigned(UInt64(message.references.count))
        for reference in message.references { writer.string(reference) }
        writer.signed(message.receivedAt)
        writer.string(message.authorEmail)
        writer.string(message.authorName)
        writer.unsigned(UInt64(MessageKind.allCases.firstIndex(of: message.kind)!))
        writer.string(message.subject)
        writer.string(message.title)
        for number in [message.number, message.total, message.version, message.minorVersion] {
            writer.optionalInt(number)
        }
        writer.unsigned((message.isRFC ? 1 : 0) | (message.isResend ? 2 : 0))
        writer.optionalString(message.patchID)
        writer.optionalString(message.changeID)
        writer.unsigned(UInt64(message.trailers.count))
        for trailer in message.trailers {
            writer.unsigned(UInt64(ReviewTrailerType.allCases.firstIndex(of: trailer.type)!))
            writer.string(trailer.name)
            writer.string(trailer.email)
            writer.unsigned(trailer.mismatch ? 1 : 0)
        }
        writer.present(message.appliedNotice != nil)
        if let notice = message.appliedNotice {
            writer.optionalString(notice.branch)
            writer.unsigned(UInt64(notice.patches.count))
            for patch in notice.patches {
                writer.signed(Int64(patch.position))
                writer.optionalString(patch.commit)
            }
            writer.unsigned(UInt64(notice.commits.count))
            for commit in notice.commits { writer.string(commit) }
            writer.optionalString(notice.by)
        }
        writer.optionalString(message.botName)
        bytes = writer.bytes
    }

    /// The message whose record starts at `offset` in `bytes`, with `offset` moved past it; nil
    /// when the bytes are no such record (a damaged file).
    static func read(_ bytes: UnsafeRawBufferPointer, at offset: inout Int) -> ThreadMessage? {
        var people = Set<String>()
        var ids = Set<String>()
        return read(bytes, at: &offset, people: &people, ids: &ids)
    }

    /// `read(_:at:)`, with each string replaced by its copy already read, if any, else kept for
    /// the next records: names and addresses (of the sender, the trailers, a robot, an applied
    /// notice's branch and committer) in `people`, Message-IDs in `ids`. A range's trailers name
    /// the same few hundred people again and again, a thread's replies name the same ancestors,
    /// and the series sections keep every trailer's person and Message-ID.
    static func read(
        _ bytes: UnsafeRawBufferPointer, at offset: inout Int, people: inout Set<String>, ids: inout Set<String>
    ) -> ThreadMessage? {
        var reader = RecordReader(bytes: bytes, offset: offset)
        guard let messageID = reader.string(in: &ids), let inReplyTo = reader.optionalString(in: &ids),
            let referenceCount = reader.count()
        else { return nil }
        var references: [String] = []
        references.reserveCapacity(referenceCount)
        for _ in 0..<referenceCount {
            guard let reference = reader.string(in: &ids) else { return nil }
            references.append(reference)
        }
        guard let receivedAt = reader.signed(), let authorEmail = reader.string(in: &people),
            let authorName = reader.string(in: &people),
            let kindIndex = reader.count(), kindIndex < MessageKind.allCases.count,
            let subject = reader.string(), let title = reader.string(),
            let number = reader.optionalInt(), let total = reader.optionalInt(),
            let version = reader.optionalInt(), let minorVersion = reader.optionalInt(),
            let flags = reader.unsigned(), let patchID = reader.optionalString(),
            let changeID = reader.optionalString(), let trailerCount = reader.count()
        else { return nil }
        var trailers: [GivenTrailer] = []
        for _ in 0..<trailerCount {
            guard let typeIndex = reader.count(), typeIndex < ReviewTrailerType.allCases.count,
                let name = reader.string(in: &people), let email = reader.string(in: &people),
                let mismatch = reader.unsigned()
            else { return nil }
            trailers.append(
                GivenTrailer(
                    type: ReviewTrailerType.allCases[typeIndex], name: name, email: email, mismatch: mismatch == 1))
        }
        guard let hasNotice = reader.present() else { return nil }
        var appliedNotice: SeriesAppliedNotice?
        if hasNotice {
            guard let notice = readNotice(&reader, people: &people) else { return nil }
            appliedNotice = notice
        }
        guard let botName = reader.optionalString(in: &people) else { return nil }
        offset = reader.offset
        return ThreadMessage(
            messageID: messageID, inReplyTo: inReplyTo, references: references, receivedAt: receivedAt,
            authorEmail: authorEmail, authorName: authorName, kind: MessageKind.allCases[kindIndex], subject: subject,
            title: title, number: number, total: total, version: version, minorVersion: minorVersion,
            isRFC: flags & 1 != 0, isResend: flags & 2 != 0, patchID: patchID, changeID: changeID,
            trailers: trailers, appliedNotice: appliedNotice, botName: botName)
    }

    private static func readNotice(_ reader: inout RecordReader, people: inout Set<String>) -> SeriesAppliedNotice? {
        guard let branch = reader.optionalString(in: &people), let patchCount = reader.count() else { return nil }
        var patches: [AppliedPatch] = []
        for _ in 0..<patchCount {
            guard let position = reader.int(), let commit = reader.optionalString() else { return nil }
            patches.append(AppliedPatch(position: position, commit: commit))
        }
        guard let commitCount = reader.count() else { return nil }
        var commits: [String] = []
        for _ in 0..<commitCount {
            guard let commit = reader.string() else { return nil }
            commits.append(commit)
        }
        guard let by = reader.optionalString(in: &people) else { return nil }
        return SeriesAppliedNotice(branch: branch, patches: patches, commits: commits, by: by)
    }
}
