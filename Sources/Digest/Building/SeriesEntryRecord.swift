/// A ``SeriesEntry`` as bytes, for a large report's series left in the entries' temporary file
/// (``SpooledSeries``): every field, so that an entry read back equals the one written.
///
/// Written with ``RecordWriter``: only this process reads what it wrote, so there is no version.
enum SeriesEntryRecord {
    /// The record of `entry`.
    static func bytes(of entry: SeriesEntry) -> [UInt8] {
        var w = RecordWriter(bytes: [])
        w.string(entry.id)
        w.string(entry.title)
        w.optionalInt(entry.version)
        w.optionalInt(entry.minorVersion)
        w.flag(entry.isRFC)
        w.flag(entry.isResend)
        w.int(entry.total)
        w.optionalString(entry.coverMessageID)
        person(entry.author, &w)
        w.string(entry.date)
        w.ints(entry.received)
        w.ints(entry.missing)
        w.string(entry.completeness)
        w.optionalString(entry.changeID)
        w.optional(entry.previous) { w, previous in
            w.int(previous.version)
            w.string(previous.messageID)
            w.string(previous.date)
            w.string(previous.linkedBy)
            w.optionalString(previous.url)
        }
        w.optionalString(entry.versionSummary)
        w.array(entry.patches) { w, patch in
            w.int(patch.position)
            w.string(patch.messageID)
            w.string(patch.subject)
            w.optionalString(patch.patchID)
            w.optionalString(patch.change)
            w.optionalString(patch.previousMessageID)
            w.array(patch.trailers, trailer)
            w.int(patch.replies)
            w.flag(patch.inRange)
            w.optionalString(patch.url)
            w.optionalString(patch.previousURL)
        }
        w.array(entry.dropped) { w, dropped in
            w.int(dropped.position)
            w.string(dropped.messageID)
            w.string(dropped.subject)
            w.optionalString(dropped.url)
        }
        w.array(entry.trailers, trailer)
        w.int(entry.replies)
        w.array(entry.repliers) { person($1, &$0) }
        w.array(entry.botReports) { w, report in
            w.string(report.bot)
            w.string(report.messageID)
            w.int(report.position)
            w.optionalString(report.url)
        }
        w.optional(entry.applied) { w, applied in
            w.optionalString(applied.branch)
            w.strings(applied.commits)
            w.string(applied.by)
            w.string(applied.messageID)
            w.ints(applied.positions)
            w.optionalString(applied.url)
        }
        w.optional(entry.supersededBy) { w, newer in
            w.int(newer.version)
            w.string(newer.seriesID)
        }
        w.flag(entry.startedBefore)
        w.strings(entry.notes)
        w.optionalString(entry.url)
        w.optionalString(entry.coverURL)
        w.optional(entry.lists) { $0.strings($1) }
        return w.bytes
    }

    /// The entry of a record; nil when the bytes are no such record (a damaged file).
    static func entry(from bytes: [UInt8]) -> SeriesEntry? {
        bytes.withUnsafeBytes { buffer in
            var r = RecordReader(bytes: buffer, offset: 0)
            guard let entry = entry(&r), r.offset == buffer.count else { return nil }
            return entry
        }
    }

    private static func entry(_ r: inout RecordReader) -> SeriesEntry? {
        guard let id = r.string(), let title = r.string(), let version = r.optionalInt(),
            let minorVersion = r.optionalInt(), let isRFC = r.flag(), let isResend = r.flag(), let total = r.int(),
            let coverMessageID = r.optionalString(), let author = person(&r), let date = r.string(),
            let received = r.ints(), let missing = r.ints(), let completeness = r.string(),
            let changeID = r.optionalString(),
            let previous = r.optional({ r -> SeriesPreviousVersion? in
                guard let version = r.int(), let messageID = r.string(), let date = r.string(),
                    let linkedBy = r.string(), let url = r.optionalString()
                else { return nil }
                var previous = SeriesPreviousVersion(
                    version: version, messageID: messageID, date: date, linkedBy: linkedBy)
                previous.url = url
                return previous
            }),
            let versionSummary = r.optionalString(),
            let patches = r.array(patch),
            let dropped = r.array({ r -> SeriesDroppedPatch? in
                guard let position = r.int(), let messageID = r.string(), let subject = r.string(),
                    let url = r.optionalString()
                else { return nil }
                var dropped = SeriesDroppedPatch(position: position, messageID: messageID, subject: subject)
                dropped.url = url
                return dropped
            }),
            let trailers = r.array(trailer), let replies = r.int(), let repliers = r.array(person),
            let botReports = r.array({ r -> SeriesBotReport? in
                guard let bot = r.string(), let messageID = r.string(), let position = r.int(),
                    let url = r.optionalString()
                else { return nil }
                var report = SeriesBotReport(bot: bot, messageID: messageID, position: position)
                report.url = url
                return report
            }),
            let applied = r.optional(appliedEntry),
            let supersededBy = r.optional({ r -> SeriesSupersededBy? in
                guard let version = r.int(), let seriesID = r.string() else { return nil }
                return SeriesSupersededBy(version: version, seriesID: seriesID)
            }),
            let startedBefore = r.flag(), let notes = r.strings(), let url = r.optionalString(),
            let coverURL = r.optionalString(), let lists = r.optional({ $0.strings() })
        else { return nil }
        var entry = SeriesEntry(
            id: id, title: title, version: version, minorVersion: minorVersion, isRFC: isRFC, isResend: isResend,
            total: total, coverMessageID: coverMessageID, author: author, date: date, received: received,
            missing: missing, completeness: completeness, changeID: changeID, previous: previous,
            versionSummary: versionSummary, patches: patches, dropped: dropped, trailers: trailers, replies: replies,
            repliers: repliers, botReports: botReports, applied: applied, supersededBy: supersededBy,
            startedBefore: startedBefore, notes: notes)
        entry.url = url
        entry.coverURL = coverURL
        entry.lists = lists
        return entry
    }

    private static func patch(_ r: inout RecordReader) -> SeriesPatchEntry? {
        guard let position = r.int(), let messageID = r.string(), let subject = r.string(),
            let patchID = r.optionalString(), let change = r.optionalString(),
            let previousMessageID = r.optionalString(), let trailers = r.array(trailer), let replies = r.int(),
            let inRange = r.flag(), let url = r.optionalString(), let previousURL = r.optionalString()
        else { return nil }
        var patch = SeriesPatchEntry(
            position: position, messageID: messageID, subject: subject, patchID: patchID, change: change,
            previousMessageID: previousMessageID, trailers: trailers, replies: replies, inRange: inRange)
        patch.url = url
        patch.previousURL = previousURL
        return patch
    }

    private static func appliedEntry(_ r: inout RecordReader) -> SeriesAppliedEntry? {
        guard let branch = r.optionalString(), let commits = r.strings(), let by = r.string(),
            let messageID = r.string(), let positions = r.ints(), let url = r.optionalString()
        else { return nil }
        var applied = SeriesAppliedEntry(
            branch: branch, commits: commits, by: by, messageID: messageID, positions: positions)
        applied.url = url
        return applied
    }

    private static func trailer(_ w: inout RecordWriter, _ trailer: SeriesTrailerEntry) {
        w.string(trailer.type)
        w.string(trailer.name)
        w.string(trailer.email)
        w.int(trailer.position)
        w.string(trailer.messageID)
        w.flag(trailer.mismatch)
        w.optionalString(trailer.url)
    }

    private static func trailer(_ r: inout RecordReader) -> SeriesTrailerEntry? {
        guard let type = r.string(), let name = r.string(), let email = r.string(), let position = r.int(),
            let messageID = r.string(), let mismatch = r.flag(), let url = r.optionalString()
        else { return nil }
        var trailer = SeriesTrailerEntry(
            type: type, name: name, email: email, position: position, messageID: messageID, mismatch: mismatch)
        trailer.url = url
        return trailer
    }

    private static func person(_ person: ReportPerson, _ w: inout RecordWriter) {
        w.string(person.name)
        w.string(person.email)
    }

    private static func person(_ r: inout RecordReader) -> ReportPerson? {
        guard let name = r.string(), let email = r.string() else { return nil }
        return ReportPerson(name: name, email: email)
    }
}
