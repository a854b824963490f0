internal import PatchModel

/// A ``ThreadMessage`` as bytes, for the spooled thread view (``ThreadSpool``): every field the
/// series rules read, so that a message read back is equal to the one written.
///
/// Integers are LEB128 varints (signed ones zigzagged), strings a length and their UTF-8 bytes,
/// optionals a presence byte. Only this process reads what it wrote, so there is no version.
enum ThreadMessageRecord {
    /// Appends `message`'s record to `bytes`.
    static func append(_ message: ThreadMessage, to bytes: inout [UInt8]) {
        var writer = Writer(bytes: consume bytes)
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
        var reader = Reader(bytes: bytes, offset: offset)
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

    private static func readNotice(_ reader: inout Reader, people: inout Set<String>) -> SeriesAppliedNotice? {
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

    /// Appends `value` as a LEB128 varint.
    static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// The LEB128 varint at `offset`, with `offset` moved past it; nil when cut short or too long.
    static func readVarint(_ bytes: UnsafeRawBufferPointer, at offset: inout Int) -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count, shift < 64 {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    private struct Writer {
        var bytes: [UInt8]

        mutating func unsigned(_ value: UInt64) { ThreadMessageRecord.appendVarint(value, to: &bytes) }

        mutating func signed(_ value: Int64) {
            unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
        }

        mutating func string(_ value: String) {
            var value = value
            value.withUTF8 { utf8 in
                unsigned(UInt64(utf8.count))
                bytes.append(contentsOf: utf8)
            }
        }

        mutating func present(_ isPresent: Bool) { bytes.append(isPresent ? 1 : 0) }

        mutating func optionalString(_ value: String?) {
            present(value != nil)
            if let value { string(value) }
        }

        mutating func optionalInt(_ value: Int?) {
            present(value != nil)
            if let value { signed(Int64(value)) }
        }
    }

    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset: Int

        mutating func unsigned() -> UInt64? { ThreadMessageRecord.readVarint(bytes, at: &offset) }

        mutating func signed() -> Int64? {
            unsigned().map { Int64(bitPattern: ($0 >> 1) ^ (0 &- ($0 & 1))) }
        }

        mutating func int() -> Int? { signed().map { Int(truncatingIfNeeded: $0) } }

        /// A count of items or bytes still possibly in the record.
        mutating func count() -> Int? {
            guard let value = unsigned(), value <= UInt64(bytes.count - offset) else { return nil }
            return Int(value)
        }

        mutating func string() -> String? {
            guard let length = count() else { return nil }
            defer { offset += length }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self)
        }

        /// `string()`, as the copy in `shared` (added to it when new).
        mutating func string(in shared: inout Set<String>) -> String? {
            string().map { shared.insert($0).memberAfterInsert }
        }

        mutating func optionalString(in shared: inout Set<String>) -> String?? {
            optionalString().map { $0.map { shared.insert($0).memberAfterInsert } }
        }

        /// Whether an optional value follows; nil for damaged bytes.
        mutating func present() -> Bool? {
            guard offset < bytes.count, bytes[offset] <= 1 else { return nil }
            offset += 1
            return bytes[offset - 1] == 1
        }

        /// `.some(nil)` for an absent value, nil for damaged bytes.
        mutating func optionalString() -> String?? {
            guard let isPresent = present() else { return nil }
            return isPresent ? string().map { .some($0) } : .some(nil)
        }

        mutating func optionalInt() -> Int?? {
            guard let isPresent = present() else { return nil }
            return isPresent ? int().map { .some($0) } : .some(nil)
        }
    }
}
