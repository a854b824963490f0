internal import MailParser

/// The one mapping from a message's facts to what the thread and series rules read.
extension ThreadMessage {
    /// The thread view of `facts`, received by the archive at `receivedAt` (its commit time).
    ///
    /// Nil for a mail without a Message-ID (nothing can answer it or be found by it) or without a
    /// sender. The author is the header From after DMARC repair (`sender`), as the series rules
    /// compare senders; review trailers are those given in the mail itself, for answers only
    /// (trailers a patch carries were given to an earlier version). An applied notice's listed
    /// patches become positions, with their commits.
    package init?(facts: MessageFacts, receivedAt: Int64) {
        guard let messageID = facts.messageID, !messageID.isEmpty, let sender = facts.sender ?? facts.author else {
            return nil
        }
        let isAnswer = !facts.kind.isPatchMail
        // An answer's subject is never shown (its series' title is): a report over a million
        // messages would keep half a million of them for nothing. A pull request keeps its own.
        let keepsSubject = !isAnswer || facts.kind == .pull
        let trailers: [GivenTrailer] =
            isAnswer
            ? facts.trailers.compactMap { trailer in
                guard trailer.isPersonTrailer, let person = trailer.person else { return nil }
                return GivenTrailer(
                    type: ReviewTrailerType(trailerName: trailer.name), name: person.name,
                    email: person.address, mismatch: trailer.isMismatched)
            } : []
        self.init(
            messageID: messageID, inReplyTo: facts.inReplyTo, references: facts.references, receivedAt: receivedAt,
            authorEmail: sender.address, authorName: sender.name, kind: facts.kind,
            subject: keepsSubject ? facts.subject ?? "" : "", title: keepsSubject ? facts.title : "",
            number: facts.number, total: facts.total, version: facts.version,
            minorVersion: facts.minorVersion, isRFC: facts.isRFC, isResend: facts.isResend, patchID: facts.patchID,
            changeID: facts.changeID, trailers: trailers,
            appliedNotice: facts.appliedNotice.map(SeriesAppliedNotice.init),
            botName: facts.botName)
    }
}

extension SeriesAppliedNotice {
    /// The series view of a parsed notice: its `[n/m]` lines (and the positions its sentence
    /// names) as applied positions, other commits as commits, the giver as `by`.
    init(_ notice: AppliedNotice) {
        var patches: [AppliedPatch] = []
        var commits: [String] = []
        var seen = Set<Int>()
        for commit in notice.commits {
            if let position = commit.position {
                if seen.insert(position).inserted {
                    patches.append(AppliedPatch(position: position, commit: commit.sha))
                }
            } else if let sha = commit.sha {
                commits.append(sha)
            }
        }
        for position in notice.positions where seen.insert(position).inserted {
            patches.append(AppliedPatch(position: position))
        }
        let branch = notice.branch ?? notice.repository
        self.init(branch: branch, patches: patches, commits: commits, by: notice.giver?.address)
    }
}
