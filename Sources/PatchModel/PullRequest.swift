internal import MailParser

/// What a pull request asks to pull (issue 10, item 7), from git request-pull's text:
///
/// ```
/// The following changes since commit 88603b6dc419445847923fcb7fe5080067a30f98:
///
///   Linux 6.2-rc2 (2023-01-01 13:53:16 -0800)
///
/// are available in the Git repository at:
///
///   git://git.kernel.org/pub/scm/linux/kernel/git/kvmarm/kvmarm.git tags/kvmarm-fixes-6.2-1
///
/// for you to fetch changes up to de535c0234dd2dbd9c790790f2ca1c4ec8a52d2b:
/// …
///  12 files changed, 140 insertions(+), 48 deletions(-)
/// ```
///
/// Every field is optional: a `[GIT PULL]` mail written by hand may give only some of them.
package struct PullRequest: Sendable, Hashable, Codable {
    /// The repository URL of the `are available in the Git repository at:` paragraph.
    package var repository: String?
    /// The tag or branch after the URL (`tags/kvmarm-fixes-6.2-1`, `for-linus`).
    package var ref: String?
    /// The commit of `The following changes since commit <sha>:`.
    package var baseCommit: String?
    /// The commit of `for you to fetch changes up to <sha>:`.
    package var headCommit: String?
    /// The diffstat summary after the shortlog.
    package var diffstat: Diffstat?

    package init(
        repository: String? = nil, ref: String? = nil, baseCommit: String? = nil, headCommit: String? = nil,
        diffstat: Diffstat? = nil
    ) {
        self.repository = repository
        self.ref = ref
        self.baseCommit = baseCommit
        self.headCommit = headCommit
        self.diffstat = diffstat
    }

    enum CodingKeys: String, CodingKey {
        case repository, ref
        case baseCommit = "base_commit"
        case headCommit = "head_commit"
        case diffstat
    }

    /// Reads git request-pull's text from a body; nil when the body has neither its opening
    /// (`The following changes since commit`) nor its `are available in the git repository at:`.
    ///
    /// Quoted (`>`) lines are skipped, so a reply quoting a pull request gives none. The first
    /// diffstat summary after the opening is taken.
    /// - Complexity: O(*n*) over the body.
    package init?(body: Substring) {
        guard Self.mayHoldRequest(body) else { return nil }
        var found = false
        var expectsRepository = false
        for line in TextLines(body) {
            let text = line.text.trimmingSpaces()
            if text.hasBytePrefix(">") { continue }
            if text.isEmpty { continue }
            if expectsRepository {
                expectsRepository = false
                let words = text.split(separator: " ", omittingEmptySubsequences: true)
                if let url = words.first, url.contains(":") || url.contains("/") {
                    repository = String(url)
                    if words.count > 1 { ref = String(words[1]) }
                    continue
                }
            }
            if text.hasBytePrefix("The following changes since commit ") {
                found = true
                baseCommit = Self.commitID(after: "The following changes since commit ", in: text)
            } else if text.hasASCIIPrefixIgnoringCase("are available in the git repository at") {
                found = true
                expectsRepository = true
                // `at:` may be followed by the URL on the same line.
                if let colon = text.lastIndex(of: ":"), colon != text.index(before: text.endIndex) {
                    let rest = text[text.index(after: colon)...].split(separator: " ")
                    if let url = rest.first {
                        repository = String(url)
                        if rest.count > 1 { ref = String(rest[1]) }
                        expectsRepository = false
                    }
                }
            } else if text.hasBytePrefix("for you to fetch changes up to ") {
                headCommit = Self.commitID(after: "for you to fetch changes up to ", in: text)
            } else if found, diffstat == nil, let first = text.utf8.first, ASCII.isDigit(first),
                text.contains(" changed")
            {
                diffstat = Diffstat(summaryLine: text)
            }
        }
        guard found else { return nil }
    }

    /// Whether a line opens one of request-pull's two paragraphs (white space before it allowed,
    /// any case: a superset of what `init?(body:)` accepts): a pass over the lines' first bytes,
    /// so that the many replies without a request never become a `Substring` per line.
    private static func mayHoldRequest(_ body: Substring) -> Bool {
        body.withBodyLineBytes { lines in
            var found = false
            lines.visit { line in
                let first = lines.skippingBlanks(line)
                found =
                    lines.hasPrefixIgnoringCase("the following changes since commit ", in: line, at: first)
                    || lines.hasPrefixIgnoringCase("are available in the git repository at", in: line, at: first)
                return !found
            }
            return found
        }
    }

    private static func commitID(after prefix: String, in text: Substring) -> String? {
        var rest = text.dropFirst(prefix.count).trimmingSpaces()
        if rest.hasSuffix(":") { rest = rest.dropLast() }
        return AppliedNotice.isCommitID(rest) ? rest.lowercased() : nil
    }
}
