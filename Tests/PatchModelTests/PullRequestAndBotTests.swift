import Foundation
import MailParser
import PatchModel
import Testing

@Suite struct PullRequestTests {
    static let requestPull = """
        Hi Paolo,

        Please pull,

        \tM.

        The following changes since commit 88603b6dc419445847923fcb7fe5080067a30f98:

          Linux 6.2-rc2 (2023-01-01 13:53:16 -0800)

        are available in the Git repository at:

          git://git.kernel.org/pub/scm/linux/kernel/git/kvmarm/kvmarm.git tags/kvmarm-fixes-6.2-1

        for you to fetch changes up to de535c0234dd2dbd9c790790f2ca1c4ec8a52d2b:

          Merge branch kvm-arm64/MAINTAINERS into kvmarm-master/fixes (2023-01-05 15:26:53 +0000)

        ----------------------------------------------------------------
        KVM/arm64 fixes for 6.2, take #1

        ----------------------------------------------------------------
        Marc Zyngier (1):
              KVM: arm64: Fix S1PTW handling on RO memslots

         Documentation/virt/kvm/api.rst | 4 ++--
         arch/arm64/kvm/mmu.c           | 9 ++++++---
         2 files changed, 8 insertions(+), 5 deletions(-)
        """

    @Test func readsGitRequestPullText() throws {
        let pull = try #require(PullRequest(body: Self.requestPull[...]))
        #expect(pull.repository == "git://git.kernel.org/pub/scm/linux/kernel/git/kvmarm/kvmarm.git")
        #expect(pull.ref == "tags/kvmarm-fixes-6.2-1")
        #expect(pull.baseCommit == "88603b6dc419445847923fcb7fe5080067a30f98")
        #expect(pull.headCommit == "de535c0234dd2dbd9c790790f2ca1c4ec8a52d2b")
        #expect(pull.diffstat == Diffstat(filesChanged: 2, insertions: 8, deletions: 5))
    }

    @Test func quotedPullTextIsNoPullRequest() {
        let quoted = Self.requestPull.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }
            .joined(separator: "\n")
        #expect(PullRequest(body: quoted[...]) == nil)
        #expect(PullRequest(body: "Just a mail.\n"[...]) == nil)
    }

    /// The quick pass that spares most replies the line-by-line read must let every opening
    /// through: indented, with CRLF line ends, or in another case, either paragraph alone.
    @Test func openingsPassTheQuickPass() throws {
        let crlf = Self.requestPull.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try #require(PullRequest(body: crlf[...])).headCommit == "de535c0234dd2dbd9c790790f2ca1c4ec8a52d2b")
        let indented = "Hi,\n\t  The following changes since commit 88603b6dc419445847923fcb7fe5080067a30f98:\n"
        #expect(try #require(PullRequest(body: indented[...])).baseCommit == "88603b6dc419445847923fcb7fe5080067a30f98")
        let repositoryOnly =
            "Please pull.\n\nARE AVAILABLE IN THE GIT REPOSITORY AT:\n\n  git://example.org/x.git main\n"
        let pull = try #require(PullRequest(body: repositoryOnly[...]))
        #expect(pull.repository == "git://example.org/x.git")
        #expect(pull.ref == "main")
        // Lower case passes the quick pass, but the line-by-line read wants git's exact opening.
        #expect(
            PullRequest(body: "the following changes since commit 88603b6dc419445847923fcb7fe5080067a30f98:\n"[...])
                == nil)
        #expect(PullRequest(body: "The following changes since commit\n"[...]) == nil)
    }

    static func facts(subject: String, body: String) -> MessageFacts {
        let mail = "From: Marc Zyngier <maz@kernel.org>\nSubject: \(subject)\nMessage-ID: <p@k>\n\n\(body)"
        return MessageFacts(commit: "c", mail: MailMessage(bytes: Array(mail.utf8)))
    }

    @Test func gitPullSubjectGivesAPullRequest() throws {
        let facts = Self.facts(subject: "[GIT PULL] KVM/arm64 fixes for 6.2, take #1", body: Self.requestPull)
        #expect(facts.kind == .pull)
        #expect(facts.pullRequest?.ref == "tags/kvmarm-fixes-6.2-1")
        // A hand-written pull request still is one, with what it does not say left nil.
        let bare = Self.facts(subject: "[GIT PULL] misc", body: "Please pull my-branch.\n")
        #expect(bare.kind == .pull)
        #expect(bare.pullRequest == PullRequest())
        // A patch of a pull (`[PULL 12/39]`) without request-pull's text is not the request.
        #expect(Self.facts(subject: "[PULL kvm-unit-tests 12/39] arm: x", body: "A patch.\n").pullRequest == nil)
    }

    @Test func bodyOnlyPullRequestIsClassifiedPull() {
        let facts = Self.facts(subject: "KVM/arm64 fixes for 6.2", body: Self.requestPull)
        #expect(facts.kind == .pull)
        #expect(facts.pullRequest?.headCommit == "de535c0234dd2dbd9c790790f2ca1c4ec8a52d2b")
    }

    @Test func coverLetterOfAPullStaysACoverWithItsPullRequest() {
        let facts = Self.facts(subject: "[PATCH 0/4] KVM/arm64 fixes for 5.16, take #1", body: Self.requestPull)
        #expect(facts.kind == .cover)
        #expect(facts.pullRequest?.baseCommit == "88603b6dc419445847923fcb7fe5080067a30f98")
    }

    @Test func replyQuotingAPullIsNone() {
        let facts = Self.facts(subject: "Re: [GIT PULL] KVM/arm64 fixes", body: "Pulled, thanks.\n")
        #expect(facts.pullRequest == nil)
    }
}

@Suite struct BotIdentityTests {
    @Test(
        arguments: [
            ("kernel test robot", "lkp@intel.com", "kernel test robot"),
            ("kbuild test robot", "lkp@intel.com", "kernel test robot"),
            ("kernel test robot", "oliver.sang@intel.com", "kernel test robot"),
            ("syzbot", "syzbot+6bde52d89cfdf9f61425@syzkaller.appspotmail.com", "syzbot"),
            ("", "patchwork-bot+netdevbpf@kernel.org", "patchwork-bot"),
            ("", "pr-tracker-bot@kernel.org", "pr-tracker-bot"),
            ("KernelCI bot", "bot@kernelci.org", "KernelCI"),
            ("", "no-reply@patchew.org", "patchew"),
            ("Hulk Robot", "hulkci@huawei.com", "Hulk Robot"),
            ("Marc Zyngier", "maz@kernel.org", nil),
            ("kernel test robot", "someone@example.org", nil),
        ] as [(String, String, String?)])
    func botBySender(name: String, address: String, bot: String?) {
        #expect(
            BotIdentity.botName(
                sender: Mailbox(name: name, address: address), firstTag: nil, hasMergeCommitHeader: false) == bot)
    }

    @Test func botByForm() {
        let person = Mailbox(name: "A", address: "a@example.org")
        #expect(BotIdentity.botName(sender: person, firstTag: "syzbot", hasMergeCommitHeader: false) == "syzbot")
        #expect(BotIdentity.botName(sender: nil, firstTag: nil, hasMergeCommitHeader: true) == "pr-tracker-bot")
        #expect(BotIdentity.botName(sender: person, firstTag: "linux-next:master", hasMergeCommitHeader: false) == nil)
    }

    @Test func buildReportFactsNameTheRobot() {
        let mail = """
            From: kernel test robot <lkp@intel.com>
            Subject: Re: [PATCH v2 3/5] KVM: arm64: Do a thing
            Message-ID: <202301010000.abc-lkp@intel.com>

            Hi Jane,

            kernel test robot noticed the following build errors:
            """
        let facts = MessageFacts(commit: "c", mail: MailMessage(bytes: Array(mail.utf8)))
        #expect(facts.botName == "kernel test robot")
        #expect(facts.appliedNotice == nil)
    }
}
