import MailParser
import PatchModel
import Testing

@Suite struct AppliedNoticeTests {
    static let maintainer = Mailbox(name: "Marc Zyngier", address: "maz@kernel.org")

    static func notice(_ body: String, merge: AppliedNotice.MergeHeaders = .init()) -> AppliedNotice? {
        AppliedNotice.find(in: body[...], sender: maintainer, merge: merge)
    }

    @Test func b4ThankYouWithCommitLines() throws {
        let notice = try #require(
            Self.notice(
                """
                On Fri, 16 Sep 2022 18:05:56 -0700, Reiji Watanabe wrote:
                > This series fixes...
                >
                > [...]

                Applied to next, thanks!

                [1/4] KVM: arm64: Preserve PSTATE.SS
                      commit: 34fbdee086cfcc20fe889d2b83afddfbe2ac3096
                [2/4] KVM: arm64: Clear PSTATE.SS
                      commit: 370531d1e95be57c62fdf065fb04fd8db7ade8f9
                [3/4] KVM: arm64: selftests: Refactor
                      (no commit info)

                Cheers,

                \tM.
                -- 
                Without deviation from the norm, progress is not possible.
                """))
        #expect(notice.form == .thankYou)
        #expect(notice.branch == "next")
        #expect(notice.repository == nil)
        #expect(notice.giver == Self.maintainer)
        #expect(
            notice.commits == [
                .init(
                    position: 1, total: 4, subject: "KVM: arm64: Preserve PSTATE.SS",
                    sha: "34fbdee086cfcc20fe889d2b83afddfbe2ac3096"),
                .init(
                    position: 2, total: 4, subject: "KVM: arm64: Clear PSTATE.SS",
                    sha: "370531d1e95be57c62fdf065fb04fd8db7ade8f9"),
            ])
    }

    @Test func b4ThankYouWithRepositoryURLAndCommitLinks() throws {
        let notice = try #require(
            Self.notice(
                """
                Applied to https://github.com/kvm-x86/linux (selftests), thanks!

                [1/1] KVM: selftests: Don't fall over when only one CPU
                      https://github.com/kvm-x86/linux/commit/98dea1b75186
                """))
        #expect(notice.form == .thankYou)
        #expect(notice.repository == "https://github.com/kvm-x86/linux")
        #expect(notice.branch == "selftests")
        #expect(notice.commits.first?.sha == "98dea1b75186")
        #expect(notice.commits.first?.url == "https://github.com/kvm-x86/linux/commit/98dea1b75186")
    }

    @Test func treeAndBranchInParenthesesStayTheBranch() throws {
        let notice = try #require(Self.notice("Applied to arm64 (for-next/boot), thanks!\n"))
        #expect(notice.branch == "arm64 (for-next/boot)")
        #expect(notice.form == .plain)
    }

    @Test func urlThenBranchSplitsIntoRepositoryAndBranch() throws {
        let notice = try #require(
            Self.notice("Merged to https://gitlab.com/kvm-unit-tests/kvm-unit-tests.git master\n"))
        #expect(notice.repository == "https://gitlab.com/kvm-unit-tests/kvm-unit-tests.git")
        #expect(notice.branch == "master")
    }

    @Test func prTrackerBotMergeNotice() throws {
        let body = """
            The pull request you sent on Wed, 28 Aug 2019 18:32:33 +0100:

            > git://git.kernel.org/pub/scm/linux/kernel/git/arm64/linux.git tags/arm64-fixes

            has been merged into torvalds/linux.git:
            https://git.kernel.org/torvalds/c/9cf6b756cdf2cd38b8b0dac2567f7c6daf5e79d5

            Thank you!

            -- 
            Deet-doot-dot, I am a bot.
            """
        let merge = AppliedNotice.MergeHeaders(
            commitID: "9cf6b756cdf2cd38b8b0dac2567f7c6daf5e79d5", tree: "torvalds/linux.git",
            refname: "refs/heads/master")
        let notice = try #require(Self.notice(body, merge: merge))
        #expect(notice.form == .mergeNotice)
        #expect(notice.repository == "torvalds/linux.git")
        #expect(notice.branch == "master")
        #expect(notice.commits.map(\.sha) == ["9cf6b756cdf2cd38b8b0dac2567f7c6daf5e79d5"])
        // Without the headers, the sentence and the link still say it.
        let fromBody = try #require(Self.notice(body))
        #expect(fromBody.form == .mergeNotice)
        #expect(fromBody.repository == "torvalds/linux.git")
        #expect(fromBody.commits.map(\.sha) == ["9cf6b756cdf2cd38b8b0dac2567f7c6daf5e79d5"])
    }

    @Test func patchworkBotNotice() throws {
        let notice = try #require(
            Self.notice(
                """
                Hello:

                This series was applied to netdev/net.git (main)
                by David S. Miller <davem@davemloft.net>:

                On Mon,  8 Apr 2024 09:29:41 +0800 you wrote:
                > Add miss MMC statistic in DW GMAC
                >
                > [...]

                Here is the summary with links:
                  - [v2,1/2] net: stmmac: mmc_core: Add GMAC LPI statistics
                    https://git.kernel.org/netdev/net/c/dfe073f8714d
                  - [v2,2/2] net: stmmac: mmc_core: Add GMAC mmc tx/rx missing statistics
                    https://git.kernel.org/netdev/net/c/ff20393bdc45

                You are awesome, thank you!
                -- 
                Deet-doot-dot, I am a bot.
                """))
        #expect(notice.form == .patchworkBot)
        #expect(notice.repository == "netdev/net.git")
        #expect(notice.branch == "main")
        #expect(notice.giver == Mailbox(name: "David S. Miller", address: "davem@davemloft.net"))
        #expect(notice.commits.map(\.position) == [1, 2])
        #expect(notice.commits.map(\.sha) == ["dfe073f8714d", "ff20393bdc45"])
        #expect(notice.commits.first?.subject == "net: stmmac: mmc_core: Add GMAC LPI statistics")
    }

    @Test(
        arguments: [
            ("Applied to kvm/next, thanks.", "kvm/next", [Int]()),
            ("Queued, thanks.", nil, []),
            ("Applied, thanks!", nil, []),
            ("Thanks, applied.", nil, []),
            ("Queued patches 1-3, thanks.", nil, [1, 2, 3]),
            ("Queued 3+5, thanks.", nil, [3, 5]),
            ("Queued 1-2 and 4-5. The rest needs work.", nil, [1, 2, 4, 5]),
            ("Applied to target-arm.next, thanks.", "target-arm.next", []),
            ("Applied to kvm/next (because kvm/master is broken), thanks.", "kvm/next", []),
            ("Applied to vfio next branch for v5.12. Thanks,", "vfio next branch", []),
            ("Pushed to kvm-unit-tests master, thanks!", "kvm-unit-tests master", []),
        ] as [(String, String?, [Int])])
    func plainNotice(line: String, branch: String?, positions: [Int]) throws {
        let notice = try #require(Self.notice("On Mon, X wrote:\n> patch\n\n\(line)\n\nPaolo\n"))
        #expect(notice.form == .plain)
        #expect(notice.branch == branch)
        #expect(notice.positions == positions)
        #expect(notice.giver == Self.maintainer)
    }

    @Test(arguments: [
        "> Applied, thanks!",
        "Applied on top of v6.1 and tested, works fine.",
        "Applied this series and verified that the guest boots.",
        "Applied patch ioport.c cleanly.",
        "Applied?",
        "Queued, only locally until I get a review.",
        "Picked up the fix for v3. Thanks!",
        "Pushed an updated branch with the fix below.",
        "I have applied it locally.",
        "The patch applied, and the test\napplied, thanks",
    ])
    func noNotice(body: String) {
        #expect(Self.notice(body + "\n") == nil)
    }

    @Test func replyFactsCarryTheNoticeOfTheSeedMail() throws {
        let mail = """
            From: Sean Christopherson <seanjc@google.com>
            Subject: Re: [PATCH] KVM: selftests: Don't fall over when only one CPU
            Message-ID: <176055119471.1528900.16047808072294975428.b4-ty@google.com>

            On Tue, 07 Oct 2025 19:12:31 +0000, Brendan Jackman wrote:
            > Running this test on a system with only one CPU is not a recipe for
            > [...]

            Applied to kvm-x86 selftests, thanks!

            [1/1] KVM: selftests: Don't fall over when only one CPU
                  https://github.com/kvm-x86/linux/commit/98dea1b75186

            --
            https://github.com/kvm-x86/linux/tree/next
            """
        let facts = MessageFacts(commit: "c", mail: MailMessage(bytes: Array(mail.utf8)))
        let notice = try #require(facts.appliedNotice)
        #expect(notice.form == .thankYou)
        #expect(notice.branch == "kvm-x86 selftests")
        #expect(notice.giver == Mailbox(name: "Sean Christopherson", address: "seanjc@google.com"))
        #expect(
            notice.commits == [
                .init(
                    position: 1, total: 1, subject: "KVM: selftests: Don't fall over when only one CPU",
                    sha: "98dea1b75186",
                    url: "https://github.com/kvm-x86/linux/commit/98dea1b75186")
            ])
    }
}

@Suite(.enabled(if: SeedCorpus.isAvailable, "needs ../shared/fixtures/seed-kvm-2025-10"))
struct SeedAppliedNoticeTests {
    @Test func selftestsPatchIsAppliedToKvmX86Selftests() throws {
        let facts = try SeedCorpus.facts("mails/031.eml")
        let notice = try #require(facts.appliedNotice)
        #expect(notice.form == .thankYou)
        #expect(notice.branch == "kvm-x86 selftests")
        #expect(notice.giver?.address == "seanjc@google.com")
        #expect(notice.commits.map(\.sha) == ["98dea1b75186"])
    }

    @Test func noOtherSeedMailGivesANotice() throws {
        for entry in try SeedCorpus.manifest() where entry.file != "mails/031.eml" {
            #expect(try SeedCorpus.facts(entry.file).appliedNotice == nil, "\(entry.file)")
        }
    }

    @Test func seedReviewTrailersMatchTheirRepliers() throws {
        for file in ["mails/005.eml", "mails/006.eml"] {
            let trailers = try SeedCorpus.facts(file).trailers
            #expect(trailers.map(\.type) == [.reviewedBy], "\(file)")
            #expect(trailers.map(\.isMismatched) == [false], "\(file)")
        }
        #expect(try SeedCorpus.facts("mails/008.eml").trailers.isEmpty)
        #expect(try SeedCorpus.facts("mails/015.eml").trailers.isEmpty)
    }
}
