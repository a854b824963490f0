package import HistoryIndex
package import InboxReader
internal import MailParser
internal import PatchModel

/// Computes the ``HistorySection`` of a range from the history index alone (no mail is parsed):
/// one indexed query per patch-mail author of the range, and one per revised series head.
///
/// - "First patches": the authors whose first patch or cover mail in the whole index (archive
///   order: epoch, then position) is one of the range's commits.
/// - "Revised series": for each head with version 2 or more (or RESEND), the patch or cover mails
///   with exactly the same title by the same address (without case) whose commit time is before
///   the range's first commit, grouped by version. A series whose title changed between
///   versions is not found.
package enum HistoryLookBack {
    package static func section(
        of aggregator: ReportAggregator, commits: [CommitRef], index: MessageIndex
    ) throws(IndexError) -> HistorySection {
        guard let firstCommitTime = commits.map(\.commitTime).min() else { return HistorySection() }
        var positionByCommit: [String: Int] = [:]
        positionByCommit.reserveCapacity(commits.count)
        for (position, commit) in commits.enumerated() { positionByCommit[commit.oid] = position }

        let authors = aggregator.patchAuthors
        var firsts: [(position: Int, entry: FirstPatch)] = []
        nextAuthor: for author in authors where !author.email.isEmpty {
            // With a mailmap a person has several addresses: new only when each one's first
            // patch mail is in the range; the earliest of them is the person's first.
            var earliest: (position: Int, mail: IndexedPatchMail)?
            for address in author.addresses where !address.isEmpty {
                guard let mail = try index.firstPatchMail(byAuthor: address) else { continue }
                guard let position = positionByCommit[mail.commit] else { continue nextAuthor }
                if earliest.map({ position < $0.position }) ?? true { earliest = (position, mail) }
            }
            guard let (position, first) = earliest else { continue }
            let entry = FirstPatch(
                name: author.name, email: author.email, date: day(first.commitTime), commit: first.commit)
            firsts.append((position, entry))
        }
        firsts.sort { $0.position < $1.position }

        var rowByAddress: [String: ContributorRow] = [:]
        for row in authors { rowByAddress[row.email.lowercased()] = row }
        var revised: [RevisedSeries] = []
        for head in aggregator.revisionHeads {
            guard let address = head.authorAddress, !address.isEmpty, !head.title.isEmpty else { continue }
            var earlier: [IndexedPatchMail] = []
            for sentFrom in aggregator.addressesAsSent(for: address) {
                earlier += try index.earlierPatchMails(
                    title: head.title, authorEmail: sentFrom, before: firstCommitTime)
            }
            // Several addresses' answers, each in archive order: put them in one (stable) order.
            if aggregator.addressesAsSent(for: address).count > 1 {
                earlier.sort { ($0.epoch, $0.commitTime) < ($1.epoch, $1.commitTime) }
            }
            guard !earlier.isEmpty else { continue }
            var versions: [Int: EarlierVersion] = [:]
            for mail in earlier {  // oldest first: the first mail of each version comes first
                let version = mail.version ?? 1
                if versions[version] == nil {
                    versions[version] = EarlierVersion(
                        version: version, firstDate: day(mail.commitTime), mails: 0, commit: mail.commit)
                }
                versions[version]?.mails += 1
            }
            let row = rowByAddress[address.lowercased()]
            revised.append(
                RevisedSeries(
                    subject: head.subject ?? head.title, title: head.title,
                    authorName: row?.name ?? head.authorName ?? "", authorEmail: row?.email ?? address,
                    commit: head.commit,
                    earlierVersions: versions.values.sorted { $0.version > $1.version }))
        }
        return HistorySection(firstPatches: firsts.map(\.entry), revisedSeries: revised)
    }

    /// `YYYY-MM-DD` (UTC).
    static func day(_ seconds: Int64) -> String {
        String(DateText.utc(seconds).prefix(10))
    }
}
