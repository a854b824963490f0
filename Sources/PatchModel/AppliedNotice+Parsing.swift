package import MailParser

extension AppliedNotice {
    /// The headers of a pr-tracker-bot reply: `X-PR-Merge-Commit-Id`, `X-PR-Merge-Tree`,
    /// `X-PR-Merge-Refname`.
    package struct MergeHeaders: Sendable, Hashable {
        package var commitID: String?
        package var tree: String?
        package var refname: String?

        package init(commitID: String? = nil, tree: String? = nil, refname: String? = nil) {
            self.commitID = commitID
            self.tree = tree
            self.refname = refname
        }
    }

    /// The applied notice a mail gives, if any (the forms and their order: `AppliedNotice`).
    ///
    /// Only unquoted lines above the signature `-- ` count, and the sentence of a `.thankYou` or
    /// `.plain` notice must start a paragraph (the line before it is blank or quoted): "Applied on
    /// top of v6.1 and tested" (a tester), "> Applied, thanks" (a quote), "Applied patch x.c
    /// cleanly." (git's output) and "applied, the same kernel boots" (the middle of a sentence)
    /// are no notices.
    /// - Parameters:
    ///   - body: the decoded body text.
    ///   - sender: the mail's sender after DMARC repair; the giver of a notice in its own words.
    ///   - merge: the mail's pr-tracker-bot headers.
    /// - Complexity: O(*n*) over the body.
    package static func find(in body: Substring, sender: Mailbox?, merge: MergeHeaders = MergeHeaders())
        -> AppliedNotice?
    {
        // Most replies give no notice: one pass without allocation tells, before the lines are kept.
        guard merge.commitID != nil || mayGiveNotice(body) else { return nil }
        let lines = NoticeLine.unquotedLines(of: body)
        if let notice = mergeNotice(lines: lines, sender: sender, merge: merge) { return notice }
        if let notice = patchworkBotNotice(lines: lines) { return notice }
        for (index, line) in lines.enumerated() where line.startsParagraph {
            guard let statement = AppliedStatement(line: line.text) else { continue }
            let commits = listedCommits(in: lines[(index + 1)...])
            return AppliedNotice(
                form: commits.isEmpty ? .plain : .thankYou, branch: statement.branch, repository: statement.repository,
                commits: commits, positions: statement.positions, giver: sender,
                statement: line.text.collapsingWhitespace())
        }
        return nil
    }

    /// Whether an unquoted line above the signature opens one of the notices: a quick pass, so
    /// that a reply without a notice costs one scan of its lines.
    private static func mayGiveNotice(_ body: Substring) -> Bool {
        body.withBodyLineBytes { lines in
            var afterBreak = true
            var found = false
            lines.visit { line in
                if lines.isSignatureSeparator(line) { return false }
                let firstIndex = lines.skippingBlanks(line)
                guard firstIndex < line.text.upperBound else {
                    afterBreak = true
                    return true
                }
                let first = lines.bytes[firstIndex]
                if first == ASCII.greaterThan {
                    afterBreak = true
                    return true
                }
                let startsParagraph = afterBreak
                afterBreak = false
                let opensBotNotice =
                    first == UInt8(ascii: "h")
                    ? lines.hasPrefix(mergeOpening, in: line)
                    : first == UInt8(ascii: "T") && patchworkOpenings.contains { lines.hasPrefix($0, in: line) }
                if opensBotNotice {
                    found = true
                    return false
                }
                if startsParagraph, AppliedStatement.mayStart(with: first),
                    AppliedStatement.mayOpen(line, of: lines, at: firstIndex),
                    AppliedStatement(line: BodyLineBytes.substring(line.text, of: body)) != nil
                {
                    found = true
                    return false
                }
                return true
            }
            return found
        }
    }

    private static let mergeOpening = "has been merged into "
    private static let patchworkOpenings = ["This series was applied to ", "This patch was applied to "]

    /// pr-tracker-bot: "…has been merged into torvalds/linux.git:" then the link `…/c/<sha>`.
    private static func mergeNotice(lines: [NoticeLine], sender: Mailbox?, merge: MergeHeaders) -> AppliedNotice? {
        var statement: String?
        var url: String?
        var tree: String?
        if let index = lines.firstIndex(where: { $0.text.hasBytePrefix(mergeOpening) }) {
            let text = lines[index].text
            statement = text.collapsingWhitespace()
            let rest = text.dropFirst(mergeOpening.count).trimmingSpaces()
            tree = String(rest.hasSuffix(":") ? rest.dropLast() : rest)
            url = lines[(index + 1)...].lazy.map { $0.text.trimmingSpaces() }.first { !$0.isEmpty }.map(String.init)
        }
        let sha = merge.commitID.map { String($0.trimmingSpaces()).lowercased() } ?? url.flatMap(Self.commitID(inLink:))
        guard let sha, statement != nil || merge.commitID != nil else { return nil }
        var branch = merge.refname.map { String($0.trimmingSpaces()) }
        if let name = branch, name.hasPrefix("refs/heads/") { branch = String(name.dropFirst("refs/heads/".count)) }
        return AppliedNotice(
            form: .mergeNotice, branch: branch, repository: merge.tree ?? tree,
            commits: [Commit(sha: sha, url: url.flatMap { Self.commitID(inLink: $0) == nil ? nil : $0 })],
            giver: sender, statement: statement ?? "X-PR-Merge-Commit-Id: \(sha)")
    }

    /// patchwork-bot: "This series was applied to netdev/net.git (main)", "by Name <addr>:",
    /// then the summary `  - [v2,1/2] subject` lines, each followed by a link.
    private static func patchworkBotNotice(lines: [NoticeLine]) -> AppliedNotice? {
        guard
            let index = lines.firstIndex(where: { line in patchworkOpenings.contains { line.text.hasBytePrefix($0) } })
        else {
            return nil
        }
        let text = lines[index].text
        var target = text.drop(while: { $0 != " " }).dropFirst()  // "series was applied to …"
        if let range = target.firstRange(of: " to ") { target = target[range.upperBound...] }
        target = target.trimmingSpaces()
        if target.hasSuffix(":") { target = target.dropLast() }
        var repository = String(target)
        var branch: String?
        if let open = target.firstIndex(of: "("), let close = target.lastIndex(of: ")"), open < close {
            repository = String(target[..<open].trimmingSpaces())
            var name = target[target.index(after: open)..<close]
            if name.hasPrefix("refs/heads/") { name = name.dropFirst("refs/heads/".count) }
            branch = String(name)
        }
        var giver: Mailbox?
        if index + 1 < lines.count, lines[index + 1].text.hasBytePrefix("by ") {
            var who = lines[index + 1].text.dropFirst(3).trimmingSpaces()
            if who.hasSuffix(":") { who = who.dropLast() }
            giver = AddressParser.mailbox(from: who.utf8)
        }
        var commits: [Commit] = []
        for line in lines[(index + 1)...] {
            let trimmed = line.text.trimmingSpaces()
            if trimmed.hasPrefix("- ") {
                var entry = trimmed.dropFirst(2)
                var commit = Commit()
                if entry.first == "[", let close = entry.firstIndex(of: "]") {
                    for part in entry[entry.index(after: entry.startIndex)..<close].split(separator: ",") {
                        if let (number, total) = Self.counter(part) {
                            commit.position = number
                            commit.total = total
                        }
                    }
                    entry = entry[entry.index(after: close)...]
                }
                commit.subject = entry.trimmingSpaces().isEmpty ? nil : String(entry.trimmingSpaces())
                commits.append(commit)
            } else if !commits.isEmpty, commits[commits.count - 1].url == nil, trimmed.contains("://") {
                commits[commits.count - 1].url = String(trimmed)
                commits[commits.count - 1].sha = Self.commitID(inLink: trimmed)
            }
        }
        return AppliedNotice(
            form: .patchworkBot, branch: branch, repository: repository.isEmpty ? nil : repository, commits: commits,
            giver: giver, statement: text.collapsingWhitespace())
    }

    /// b4's list after the thank-you sentence: `[n/m] subject`, then an indented `commit: <sha>`,
    /// a link to the commit, or `(no commit info)` (b4 found no commit: the patch is left out). Stops at the first other non-blank line
    /// after the list began.
    private static func listedCommits(in lines: ArraySlice<NoticeLine>) -> [Commit] {
        var commits: [Commit] = []
        for line in lines {
            let trimmed = line.text.trimmingSpaces()
            if trimmed.isEmpty { continue }
            if trimmed.first == "[", let close = trimmed.firstIndex(of: "]"),
                let (number, total) = Self.counter(trimmed[trimmed.index(after: trimmed.startIndex)..<close])
            {
                let subject = trimmed[trimmed.index(after: close)...].trimmingSpaces()
                commits.append(Commit(position: number, total: total, subject: subject.isEmpty ? nil : String(subject)))
            } else if !commits.isEmpty, trimmed.hasBytePrefix("commit: ") {
                let sha = trimmed.dropFirst("commit: ".count).trimmingSpaces()
                if Self.isCommitID(sha) { commits[commits.count - 1].sha = sha.lowercased() }
            } else if !commits.isEmpty, trimmed.contains("://"), !trimmed.contains(" ") {
                commits[commits.count - 1].url = String(trimmed)
                commits[commits.count - 1].sha = Self.commitID(inLink: trimmed)
            } else if !commits.isEmpty, trimmed == "(no commit info)" {
                // b4 found no commit for this patch: it was not applied.
                commits.removeLast()
            } else {
                break
            }
        }
        return commits
    }

    /// `1/4` → (1, 4).
    static func counter(_ text: Substring) -> (Int, Int)? {
        let parts = text.trimmingSpaces().split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let number = Int(parts[0]), let total = Int(parts[1]), number >= 0, total > 0 else {
            return nil
        }
        return (number, total)
    }

    /// 7 to 40 hex digits.
    static func isCommitID(_ text: some StringProtocol) -> Bool {
        (7...40).contains(text.utf8.count)
            && text.utf8.allSatisfy { ASCII.isDigit($0) || (0x61...0x66).contains($0 | 0x20) }
    }

    /// The commit id at the end of a link: `…/c/<sha>`, `…/commit/<sha>`, `…?id=<sha>`.
    static func commitID(inLink link: some StringProtocol) -> String? {
        let text = link.trimmingSpaces()
        let last = text.split(whereSeparator: { $0 == "/" || $0 == "=" }).last ?? ""
        return isCommitID(last) ? last.lowercased() : nil
    }
}

/// One unquoted line of a body above its signature, and whether it starts a paragraph.
struct NoticeLine {
    var text: Substring
    var startsParagraph: Bool

    /// The body's lines up to the signature, without quoted ones (blank lines kept, empty).
    static func unquotedLines(of body: Substring) -> [NoticeLine] {
        var lines: [NoticeLine] = []
        var afterBreak = true
        for line in TextLines(body) {
            let text = line.text
            if text.isSignatureSeparator { break }
            let first = text.utf8.first { $0 != ASCII.space && $0 != ASCII.tab }
            guard let first else {
                afterBreak = true
                lines.append(NoticeLine(text: text[text.endIndex...], startsParagraph: false))
                continue
            }
            if first == ASCII.greaterThan {
                afterBreak = true
                continue
            }
            lines.append(NoticeLine(text: text, startsParagraph: afterBreak))
            afterBreak = false
        }
        return lines
    }
}
