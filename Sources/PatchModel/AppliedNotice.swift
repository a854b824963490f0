package import MailParser

/// A reply saying that patches were applied, queued or merged somewhere (issue 10, item 6).
///
/// The forms, tried in this order (`AppliedNotice.find`):
/// - `.mergeNotice`: pr-tracker-bot's "has been merged into torvalds/linux.git:" reply to a pull
///   request, known by its `X-PR-Merge-Commit-Id` header (or, without it, by that sentence
///   followed by a `…/c/<sha>` link);
/// - `.patchworkBot`: patchwork-bot's "This series was applied to netdev/net.git (main)" (or
///   "This patch was applied to …"), optionally "by Jane Doe <jane@example.org>:", then "Here is
///   the summary with links:" and `  - [v2,1/2] subject` lines each followed by a link;
/// - `.thankYou`: b4's thank-you note, "Applied to <branch>, thanks!" (or
///   "Applied to https://… (branch), thanks!", or "Applied, thanks!") followed by `[n/m] subject`
///   lines, each followed by `commit: <sha>` or a link to the commit;
/// - `.plain`: a maintainer's own sentence: "Applied to kvm/next, thanks.", "Queued, thanks.",
///   "Thanks, applied.", "Queued patches 1-5, thanks.", "Pushed to <branch>".
///
/// Who gives the notice is a fact of this mail (`giver`: the sender, or the "by …" person of a
/// patchwork-bot notice); whether the giver is someone other than the series' author is for the
/// series layer to decide. Never from quoted (`>`) lines or below the signature.
package struct AppliedNotice: Sendable, Hashable {
    package enum Form: String, Sendable, Hashable, Codable {
        case thankYou = "b4-thank-you"
        case mergeNotice = "pr-tracker-bot"
        case patchworkBot = "patchwork-bot"
        case plain
    }

    /// One applied patch as the notice lists it.
    package struct Commit: Sendable, Hashable, Codable {
        /// `n` of `[n/m]`.
        package var position: Int?
        /// `m` of `[n/m]`.
        package var total: Int?
        /// The patch's subject as the notice writes it, without the `[n/m]`.
        package var subject: String?
        /// The commit id (abbreviated or full, lower-case hex) from a `commit:` line or a link.
        package var sha: String?
        /// The link to the commit, when the notice gives one.
        package var url: String?

        package init(
            position: Int? = nil, total: Int? = nil, subject: String? = nil, sha: String? = nil, url: String? = nil
        ) {
            self.position = position
            self.total = total
            self.subject = subject
            self.sha = sha
            self.url = url
        }
    }

    package var form: Form
    /// Where the patches went, as the notice names it: `next`, `kvm-x86 selftests`,
    /// `arm64 (for-next/misc)`, `main` (of `netdev/net.git (main)`); nil when it names none.
    package var branch: String?
    /// The repository when the notice names one apart from the branch: a URL
    /// (`Applied to https://… (branch)`), `netdev/net.git`, `torvalds/linux.git`.
    package var repository: String?
    /// The applied patches the notice lists; empty when it lists none.
    package var commits: [Commit]
    /// Positions named in the sentence: `Queued patches 1-5` → 1…5, `Queued 3+5` → 3, 5.
    package var positions: [Int]
    /// Who applied: the sender, or the `by …` person of a patchwork-bot notice (nil when that
    /// notice names nobody).
    package var giver: Mailbox?
    /// The line that says it was applied, white space collapsed.
    package var statement: String

    package init(
        form: Form, branch: String? = nil, repository: String? = nil, commits: [Commit] = [], positions: [Int] = [],
        giver: Mailbox? = nil, statement: String
    ) {
        self.form = form
        self.branch = branch
        self.repository = repository
        self.commits = commits
        self.positions = positions
        self.giver = giver
        self.statement = statement
    }
}
