/// The series of a large report, left in the entries' temporary file until printed
/// (``Report/seriesEntries``): at a million messages the series sections' model is about
/// 300 MB, while their text is 14 MB; each series is read back as it is printed.
///
/// Each series is one record of the spool (``SeriesEntryRecord``), written as soon as the
/// series rules finish the part of the range it lies in; what the sections after it and the
/// charts read of every series stays in memory (``SeriesFacts``).
package struct SpooledSeries: Sendable, Equatable {
    let spool: EntryTextSpool
    /// In the report's order.
    let spans: [EntryTextSpool.Span]
    /// In the report's order.
    package let facts: [SeriesFacts]
    /// The archive's web view, set by ``Report/link(_:)``: each series' links as it is read back.
    var links: MessageLinks?
    /// With several archives, set by ``Report/showLists(_:lists:)``: each series' lists as it is
    /// read back.
    var lists: ListsShown?

    /// How many series the report has.
    package var count: Int { spans.count }

    /// The series at `index`, with its links and lists when the report has them.
    /// - Throws: ``SpoolReadFailure`` when the file cannot be read back or the record is damaged.
    package func entry(at index: Int) throws(SpoolReadFailure) -> SeriesEntry {
        guard var entry = SeriesEntryRecord.entry(from: try spool.bytes(at: spans[index])) else {
            throw SpoolReadFailure(reason: "a series record is damaged")
        }
        if let links { entry.link(links) }
        if let lists { entry.lists = lists.reached(entry) }
        return entry
    }

    package static func == (lhs: SpooledSeries, rhs: SpooledSeries) -> Bool {
        lhs.spool === rhs.spool && lhs.spans == rhs.spans && lhs.facts == rhs.facts && lhs.links == rhs.links
            && lhs.lists == rhs.lists
    }

    /// Writes series to a spool as they are handed over, in any order; ``finish(order:)`` puts
    /// them in the report's.
    struct Writer {
        let spool: EntryTextSpool
        private var spans: [EntryTextSpool.Span] = []
        private var facts: [SeriesFacts] = []

        init(spool: EntryTextSpool) {
            self.spool = spool
        }

        /// Appends `entry`, which waits for a first reply when `isWaiting`.
        mutating func append(_ entry: SeriesEntry, isWaiting: Bool) {
            let bytes = SeriesEntryRecord.bytes(of: entry)
            spans.append(bytes.withUnsafeBytes { spool.append($0) })
            facts.append(SeriesFacts(entry, isWaiting: isWaiting))
        }

        /// The series, where `order[k]` is the place among those appended of the report's `k`-th.
        consuming func finish(order: [Int]) -> SpooledSeries {
            precondition(order.count == spans.count, "every series appended is placed once")
            return SpooledSeries(spool: spool, spans: order.map { spans[$0] }, facts: order.map { facts[$0] })
        }
    }
}
