internal import MailParser

// The JSON shape of the report's own fields (`docs/report.schema.json`): every key is written,
// `null` when there is no value (the synthesized encoder would leave nil keys out), and times are
// ISO 8601 UTC strings. Keys are camel case here; ``JSONRenderer`` writes them in snake case.

extension Report {
    private enum CodingKeys: String, CodingKey {
        case listName, selection, top, domains, contributors, patchList, entries, accounting, history
        case schemaVersion, seriesScope, series, reviewers, waiting, earlierSeriesActivity, pullRequests, bots
        case companies, reviewCompanies, unmapped, archiveURL, patchMailsPerDay, lists
    }

    package func encode(to encoder: any Encoder) throws {
        // A part left in the temporary file would be written as empty: refused, never wrong.
        guard entryTexts == nil, patchListLines == nil, seriesEntries == nil else {
            throw EncodingError.invalidValue(
                self,
                EncodingError.Context(
                    codingPath: encoder.codingPath,
                    debugDescription: "a report with parts left in its temporary file is printed a section at a time"))
        }
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(listName, forKey: .listName)
        try c.encode(selection, forKey: .selection)
        try c.encode(top, forKey: .top)
        try c.encode(domains, forKey: .domains)
        try c.encode(contributors, forKey: .contributors)
        try c.encode(patchList, forKey: .patchList)
        try c.encode(entries, forKey: .entries)
        try c.encode(accounting, forKey: .accounting)
        try c.encode(history, forKey: .history)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(seriesScope, forKey: .seriesScope)
        try c.encode(series, forKey: .series)
        try c.encode(reviewers, forKey: .reviewers)
        try c.encode(waiting, forKey: .waiting)
        try c.encode(earlierSeriesActivity, forKey: .earlierSeriesActivity)
        try c.encode(pullRequests, forKey: .pullRequests)
        try c.encode(bots, forKey: .bots)
        try c.encode(companies, forKey: .companies)
        try c.encode(reviewCompanies, forKey: .reviewCompanies)
        try c.encode(unmapped, forKey: .unmapped)
        try c.encode(archiveURL, forKey: .archiveURL)
        try c.encode(patchMailsPerDay, forKey: .patchMailsPerDay)
        try c.encode(lists, forKey: .lists)
    }
}

extension Selection {
    private enum CodingKeys: String, CodingKey {
        case fromLabel, toLabel, firstCommitTime, lastCommitTime, since, until, revisions
        case firstLabel, lastLabel, source, commitCount, isSinceLastRun
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(fromLabel, forKey: .fromLabel)
        try c.encode(toLabel, forKey: .toLabel)
        try c.encode(firstCommitTime.map(DateText.iso8601), forKey: .firstCommitTime)
        try c.encode(lastCommitTime.map(DateText.iso8601), forKey: .lastCommitTime)
        try c.encode(since.map(DateText.iso8601), forKey: .since)
        try c.encode(until.map(DateText.iso8601), forKey: .until)
        try c.encode(revisions, forKey: .revisions)
        try c.encode(firstLabel, forKey: .firstLabel)
        try c.encode(lastLabel, forKey: .lastLabel)
        try c.encode(source, forKey: .source)
        try c.encode(commitCount, forKey: .commitCount)
        try c.encode(isSinceLastRun, forKey: .isSinceLastRun)
    }
}
