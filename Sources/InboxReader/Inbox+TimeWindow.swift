internal import MailParser

extension Inbox {
    /// Which end of a time window a date is.
    package enum DateBound: Sendable {
        case since, until

        var option: String { self == .since ? "--since" : "--until" }
        /// What `git rev-parse --since=DATE` (`--until=DATE`) prints before the seconds.
        var printedPrefix: String { self == .since ? "--max-age=" : "--min-age=" }
    }

    /// Reads a date as `git log --since` (`--until`) does, in seconds since 1970.
    ///
    /// git does the reading (its "approxidate": `2025-10-01`, `2025-10-01T12:00Z`,
    /// `2025-10-01 12:00 +0200`, `2 weeks ago`, `yesterday`, `last friday`, `@1759276800`), with
    /// two deliberate differences from `git log`:
    /// - a date without a time (`2025-10-01`) means its midnight, not the current time of day,
    ///   and `today` (which git does not know) means today's midnight;
    /// - a date without a zone is UTC (git runs with `TZ=UTC`), as lore.kernel.org shows dates.
    ///
    /// git's reader accepts almost anything and answers "now" for words it does not know
    /// (`garbage`, `tomorrow`), so the value is first checked with
    /// `git config --type=expiry-date`, which runs the same reader but fails when it understood
    /// nothing. The value is handed to git as one argument (`--since=VALUE`), so it can never
    /// become an option.
    ///
    /// - Throws: `InboxError` `.invalidDate` when git cannot read the date; `.gitNotRunnable`.
    package func resolveDate(_ value: String, bound: DateBound) async throws(InboxError) -> Int64 {
        let trimmed = value.trimmingWhitespace
        if trimmed.isEmpty || value.contains(where: { $0 == "\n" || $0 == "\0" }) {
            throw Self.unreadableDate(value, bound: bound)
        }
        let normalized =
            Self.isBareDay(trimmed) ? trimmed + " 00:00:00 +0000" : trimmed.lowercased() == "today" ? "midnight" : trimmed
        guard let gitDirectory = epochs.last?.gitDirectory else {
            throw InboxError(.emptyArchive, "the archive '\(path)' has no epochs; check the path")
        }
        let check = try await GitCommand.run(
            gitDirectory: gitDirectory,
            ["config", "--file=/dev/null", "--type=expiry-date", "--default=\(normalized)", "--get", "lore-digest.date-probe"],
            environment: GitCommand.dateEnvironment)
        guard check.succeeded else {
            guard check.standardError.contains("not a valid timestamp") else {
                throw InboxError(
                    .gitFailed,
                    "git config failed in \(gitDirectory) while reading \(bound.option) '\(value)': \(GitCommand.firstLine(check.standardError)); check that the repository is readable"
                )
            }
            throw Self.unreadableDate(value, bound: bound)
        }
        let output = try await GitCommand.run(
            gitDirectory: gitDirectory, ["rev-parse", "\(bound.option)=\(normalized)"],
            environment: GitCommand.dateEnvironment)
        guard output.succeeded, let line = output.lines.first, line.hasPrefix(bound.printedPrefix),
            let seconds = Int64(line.dropFirst(bound.printedPrefix.count))
        else {
            throw InboxError(
                .malformedGitOutput,
                "git rev-parse printed '\(output.lines.first ?? "")' for \(bound.option)='\(value)', not \(bound.printedPrefix)<seconds>; check the git version (2.x expected)"
            )
        }
        return seconds
    }

    /// Keeps the commits whose commit time lies in `since...until` (either may be nil).
    static func commits(_ commits: [CommitRef], since: Int64?, until: Int64?) -> [CommitRef] {
        commits.filter { commit in
            (since.map { commit.commitTime >= $0 } ?? true) && (until.map { commit.commitTime <= $0 } ?? true)
        }
    }

    /// Resolves `since` and `until` of `range`; throws when the window is backwards.
    func resolveWindow(_ range: RevisionRange) async throws(InboxError) -> (since: Int64?, until: Int64?) {
        var since: Int64?
        var until: Int64?
        if let value = range.since { since = try await resolveDate(value, bound: .since) }
        if let value = range.until { until = try await resolveDate(value, bound: .until) }
        if let since, let until, since > until {
            throw InboxError(
                .invalidDate,
                "--since '\(range.since ?? "")' (\(DateText.utc(since))) is after --until '\(range.until ?? "")' (\(DateText.utc(until))): the window is empty; swap them or widen the window"
            )
        }
        return (since, until)
    }

    /// `YYYY-MM-DD` and nothing else.
    static func isBareDay(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        return bytes.enumerated().allSatisfy { index, byte in
            index == 4 || index == 7 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
    }

    private static func unreadableDate(_ value: String, bound: DateBound) -> InboxError {
        InboxError(
            .invalidDate,
            "\(bound.option) '\(value)' is not a date git can read; give e.g. 2025-10-01, 2025-10-01T12:00Z, '2 weeks ago' or yesterday"
        )
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}
