package import MailParser

/// Which mails robots send, and which robot (issue 10, item 7).
///
/// By sender (after DMARC repair), address compared without regard to case:
/// - `kernel test robot`: `lkp@intel.com` (also as "kbuild test robot"), or a sender named
///   "kernel test robot" or "kbuild test robot" at `intel.com` (its performance reports come from
///   a person's address);
/// - `syzbot`: `syzbot…@syzkaller.appspotmail.com` (also `syzbot…@…` on googlegroups);
/// - `patchwork-bot`: `patchwork-bot…@kernel.org` (`patchwork-bot+netdevbpf@kernel.org`);
/// - `pr-tracker-bot`: `pr-tracker-bot@kernel.org`;
/// - `KernelCI`: any address at `kernelci.org` (`bot@kernelci.org`);
/// - `patchew`: `no-reply@patchew.org`;
/// - `Hulk Robot`: `hulkci@huawei.com`;
/// - `LKFT`: `lkft@linaro.org`; `Linaro TCWG CI`: `ci_notify@linaro.org`.
///
/// By form, whoever the sender: a first subject tag `syzbot…` (`[syzbot] …`) is syzbot; an
/// `X-PR-Merge-Commit-Id` header is pr-tracker-bot.
///
/// On kvmarm (21 367 mails, 2019-2023) the senders with "bot", "robot" or "ci" in their address
/// or name are lkp@intel.com (81 mails, as "kernel test robot" and "kbuild test robot"),
/// pr-tracker-bot (2), no-reply@patchew.org (2) and one syzbot. A `[linux-next:master]`-style
/// subject alone (`MessageKind.bot`) names no robot: it is the kernel test robot's form, but the
/// sender decides.
package enum BotIdentity {
    /// The robot that sent a mail, or nil for a person.
    package static func botName(sender: Mailbox?, firstTag: String?, hasMergeCommitHeader: Bool) -> String? {
        if let sender, let name = botName(address: sender.address, name: sender.name) { return name }
        if let firstTag, firstTag.hasASCIIPrefixIgnoringCase("syzbot") { return "syzbot" }
        if hasMergeCommitHeader { return "pr-tracker-bot" }
        return nil
    }

    /// The robot of one address and display name.
    static func botName(address: String, name: String) -> String? {
        let address = address.lowercased()
        guard let at = address.lastIndex(of: "@") else { return nil }
        let local = address[..<at]
        let domain = address[address.index(after: at)...]
        let lowerName = name.lowercased()
        switch true {
        case address == "lkp@intel.com",
            (lowerName == "kernel test robot" || lowerName == "kbuild test robot")
            && (domain == "intel.com" || domain.hasSuffix(".intel.com")):
            return "kernel test robot"
        case local.hasPrefix("syzbot") && (domain == "syzkaller.appspotmail.com" || domain == "googlegroups.com"):
            return "syzbot"
        case local.hasPrefix("patchwork-bot") && domain == "kernel.org":
            return "patchwork-bot"
        case address == "pr-tracker-bot@kernel.org":
            return "pr-tracker-bot"
        case domain == "kernelci.org" || domain.hasSuffix(".kernelci.org"):
            return "KernelCI"
        case address == "no-reply@patchew.org":
            return "patchew"
        case address == "hulkci@huawei.com":
            return "Hulk Robot"
        case address == "lkft@linaro.org":
            return "LKFT"
        case address == "ci_notify@linaro.org":
            return "Linaro TCWG CI"
        default:
            return nil
        }
    }
}
