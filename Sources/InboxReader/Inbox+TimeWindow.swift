import Foundation
internal import MailParser

extension Inbox {
    /// Which end of a time window a date is.
    package enum DateBound: Sendable {
        case since, until

        var option: String { self == .since ? "--since" : "--until" }
        /// What `git rev-parse --since=DATE` (`--until=DATE`) prints before the seconds.
        var printedPrefix: String { self == .since ? "--max-age=" : "--min-age=" }
    }

    /// Reads a `--since` (`--until`) value, in seconds since 1970, so that what was written is
    /// what is used.
    ///
    /// Absolute forms are read by ``DateArgument`` and checked against the calendar
    /// (`2025-10-01` is its midnight, `2025-10-01 12:00`, `2025-10-01T12:00:00+02:00`, `…Z`,
    /// `@SECONDS` for any value); a date without a zone is UTC, as lore.kernel.org shows dates.
    /// Relative forms (`2 weeks ago`, `yesterday`, `now`; `today` is today's midnight) are read by
    /// git, whose reader answers "now" for words it does not know (`garbage`, `tomorrow`): the
    /// value is first checked with `git config --type=expiry-date`, which runs the same reader
    /// but fails when it understood nothing, and git's answer must lie between 1970 and a day from
    /// now (git wraps `60 years ago` around). The value is handed to git as one argument
    /// (`--since=VALUE`), so it can never become an option.
    ///
    /// - Throws: `InboxError` `.invalidDate` when the value is not an accepted form, names a time
    ///   that does not exist, or git reads it implausibly; `.gitNotRunnable`, `.gitFailed`.
    package func resolveDate(_ value: String, bound: DateBound) async throws(InboxError) -> Int64 {
        let trimmed = value.trimmingWhitespace
        if trimmed.isEmpty || value.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\0" }) {
            throw Self.unreadableDate(value, bound: bound)
        }
        switch DateArgument.read(trimmed) {
        case .seconds(let seconds): return seconds
        case .refused(.unknownForm): throw Self.unreadableDate(value, bound: bound)
        case .refused(.noSuchTime(let reason)):
            throw InboxError(
                .invalidDate,
                "\(bound.option) '\(value)' is not a real date: \(reason); give one that exists, e.g. 2025-10-01")
        case .relative:
            let seconds = try await resolveRelativeDate(trimmed, written: value, bound: bound)
            let latest = Int64(Date().timeIntervalSince1970) + 86_400
            guard seconds > 0, seconds <= latest else {
                throw InboxError(
                    .invalidDate,
                    "\(bound.option) '\(value)' is not a relative date git reads correctly (only 1970 to now); give an absolute date, e.g. 2025-10-01"
                )
            }
            return seconds
        }
    }

    /// Lets git read a relative form; its answer is not yet checked.
    private func resolveRelativeDate(_ trimmed: String, written value: String, bound: DateBound)
        async throws(InboxError)
        -> Int64
    {
        let normalized = trimmed.lowercased() == "today" ? "midnight" : trimmed
        guard let gitDirectory = epochs.last?.gitDirectory else {
            throw InboxError(.emptyArchive, "the archive '\(path)' has no epochs; check the path")
        }
        let check = try await GitCommand.run(
            gitDirectory: gitDirectory,
            [
                "config", "--file=/dev/null", "--type=expiry-date", "--default=\(normalized)", "--get",
                "lore-digest.date-probe",
            ],
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
        guard output.succeeded, let line = output.lines.first, line.hasPrefix(bound.printedPrefix) else {
            throw InboxError(
                .malformedGitOutput,
                "git rev-parse printed '\(output.lines.first ?? "")' for \(bound.option)='\(value)', not \(bound.printedPrefix)<seconds>; check the git version (2.x expected)"
            )
        }
        // git prints times before 1970 as wrapped unsigned numbers: those are refused by the caller.
        return Int64(line.dropFirst(bound.printedPrefix.count)) ?? -1
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

    private static func unreadableDate(_ value: String, bound: DateBound) -> InboxError {
        // A line end in the value would break the one-line message: show it escaped.
        let shown = value.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
            .replacingOccurrences(of: "\0", with: "\\0")
        return InboxError(
            .invalidDate,
            "\(bound.option) '\(shown)' is not a date lore-digest reads; give YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] with an optional zone (Z, +02:00), @SECONDS, or a relative date such as '2 weeks ago' or yesterday"
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
