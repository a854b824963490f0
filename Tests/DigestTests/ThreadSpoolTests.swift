import Foundation
import PatchModel
import Testing

@testable import Digest

/// A large range's thread view waits in a temporary file, the series rules run over it part by
/// part, and the report is the same as with the view in memory.
@Suite struct ThreadSpoolTests {
    static let t0: Int64 = 1_759_276_800

    /// Messages with every field the rules read, set and unset.
    static let messages: [ThreadMessage] = {
        var messages: [ThreadMessage] = []
        for thread in 0..<60 {
            let author = "dev\(thread % 7)@example.org"
            let base = t0 + Int64(thread) * 5_000
            let title = "KVM: thing \(thread % 20) – ünïcode"
            messages.append(
                ThreadMessage(
                    messageID: "c\(thread)@x", receivedAt: base, authorEmail: author, authorName: "Dev \(thread % 7)",
                    kind: .cover, subject: "[PATCH v\(thread / 20 + 1) 0/2] \(title)", title: title, number: 0,
                    total: 2, version: thread < 20 ? nil : thread / 20 + 1, isRFC: thread % 5 == 0,
                    changeID: thread % 3 == 0 ? "20251001-\(thread % 9)" : nil))
            for number in 1...2 {
                messages.append(
                    ThreadMessage(
                        messageID: "p\(thread).\(number)@x", inReplyTo: "c\(thread)@x", references: ["c\(thread)@x"],
                        receivedAt: base + Int64(number), authorEmail: author, authorName: "Dev \(thread % 7)",
                        kind: .patch, subject: "[PATCH \(number)/2] part \(number)", title: "part \(number)",
                        number: number, total: 2, version: thread < 20 ? nil : thread / 20 + 1,
                        minorVersion: thread % 11 == 0 && number == 2 ? 1 : nil, isResend: thread % 13 == 0,
                        patchID: String(repeating: "\(number)", count: 40)))
            }
            messages.append(
                ThreadMessage(
                    messageID: "r\(thread)@x", inReplyTo: "p\(thread).1@x",
                    references: ["c\(thread)@x", "p\(thread).1@x"],
                    receivedAt: base + 100, authorEmail: "rev\(thread % 4)@example.org",
                    authorName: thread % 2 == 0 ? "Rev Iewer" : "Iewer Rev", kind: thread % 10 == 0 ? .bot : .reply,
                    trailers: [
                        GivenTrailer(
                            type: ReviewTrailerType.allCases[thread % 5], name: "Rev Iewer",
                            email: "rev\(thread % 4)@example.org", mismatch: thread % 6 == 0)
                    ],
                    appliedNotice: thread % 4 == 0
                        ? SeriesAppliedNotice(
                            branch: thread % 8 == 0 ? nil : "next", patches: [AppliedPatch(position: 1, commit: "abc")],
                            commits: ["def"], by: "maint@example.org") : nil,
                    botName: thread % 10 == 0 ? "kernel test robot" : nil))
        }
        return messages
    }()

    @Test func aRecordReadsBackAsTheMessageWritten() throws {
        var bytes: [UInt8] = []
        for message in Self.messages { ThreadMessageRecord.append(message, to: &bytes) }
        var read: [ThreadMessage] = []
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count { read.append(try #require(ThreadMessageRecord.read(buffer, at: &offset))) }
        }
        #expect(read == Self.messages)
    }

    @Test func aCutOrDamagedRecordIsRefused() {
        var bytes: [UInt8] = []
        ThreadMessageRecord.append(Self.messages[3], to: &bytes)
        for cut in [1, bytes.count / 2, bytes.count - 1] {
            let read = bytes.prefix(cut).withUnsafeBytes { buffer in
                var offset = 0
                return ThreadMessageRecord.read(buffer, at: &offset)
            }
            #expect(read == nil, "cut at \(cut)")
        }
        // A presence byte that is neither 0 nor 1 (the In-Reply-To's, after the Message-ID).
        bytes[1 + Int(bytes[0])] = 7
        let damaged = bytes.withUnsafeBytes { buffer in
            var offset = 0
            return ThreadMessageRecord.read(buffer, at: &offset)
        }
        #expect(damaged == nil)
    }

    /// Written to the file (more than one block), in memory (no temporary folder): the same
    /// answer as the rules over the messages in memory, whatever the parts' size.
    @Test func theSpooledViewGivesTheRulesAnswerInAnyPartSize() throws {
        let whole = SeriesAnalyzer.analyze(Self.messages)
        #expect(whole.series.count > 50 && !whole.reviewers.isEmpty)
        for folder in [NSTemporaryDirectory(), "/nonexistent-\(UUID().uuidString)"] {
            for size in [1, 7, 100_000] {
                let spool = ThreadSpool(folder: folder)
                #expect(spool.isSpooling == (folder == NSTemporaryDirectory()))
                // Enough copies, under other ids, to fill several blocks of the file.
                for message in Self.messages { spool.append(message) }
                #expect(spool.count == Self.messages.count)
                let parts = try spool.analyze(maximumPartSize: size)
                #expect(parts.series == whole.series, "\(folder), parts of \(size)")
                #expect(parts.reviewers == whole.reviewers && parts.waiting == whole.waiting)
            }
        }
        let spool = ThreadSpool()
        for message in Self.messages { spool.append(message) }
        #expect(try spool.allMessages() == Self.messages)
    }

    @Test func manyBlocksOfRecordsComeBackInOrder() throws {
        let spool = ThreadSpool()
        var all: [ThreadMessage] = []
        for copy in 0..<80 {
            for var message in Self.messages {
                message.messageID = "\(copy)-" + message.messageID
                message.references = message.references.map { "\(copy)-" + $0 }
                message.inReplyTo = message.inReplyTo.map { "\(copy)-" + $0 }
                message.authorName += String(repeating: "·", count: copy)
                spool.append(message)
                all.append(message)
            }
        }
        #expect(all.count * 60 > ThreadSpool.blockSize)
        #expect(try spool.allMessages() == all)
        let spooled = ThreadSpool()
        for message in all { spooled.append(message) }
        #expect(try spooled.analyze(maximumPartSize: 500) == SeriesAnalyzer.analyze(all))
    }
}

extension ThreadSpool {
    /// The rules' answer with its series, in the report's order, from the series handed over.
    func analyze(maximumPartSize: Int) throws(SpoolReadFailure) -> SeriesReport {
        var handedOver: [PatchSeries] = []
        var (report, order) = try analyze(maximumPartSize: maximumPartSize) { handedOver.append($0) }
        report.series = order.map { handedOver[$0] }
        return report
    }
}
