@testable import PatchModel

/// Synthetic mails for the thread and series rules: short ids, times as offsets from 2025-10-01.
enum ThreadFixture {
    /// 2025-10-01 00:00 UTC.
    static let t0: Int64 = 1_759_276_800
    static let alice = "alice@example.org"
    static let bob = "bob@example.org"

    static func patch(
        _ id: String, _ number: Int?, of total: Int?, at offset: Int64 = 0, version: Int? = nil, minor: Int? = nil,
        from email: String = alice, inReplyTo: String? = nil, references: [String]? = nil, title: String? = nil,
        patchID: String? = nil, changeID: String? = nil, resend: Bool = false
    ) -> ThreadMessage {
        let versionTag = version.map { " v\($0)\(minor.map { ".\($0)" } ?? "")" } ?? ""
        let counter = number.map { n in total.map { " \(n)/\($0)" } ?? "" } ?? ""
        let title = title ?? "patch \(number ?? 1)"
        return ThreadMessage(
            messageID: id, inReplyTo: inReplyTo, references: references ?? inReplyTo.map { [$0] } ?? [],
            receivedAt: t0 + offset, authorEmail: email, authorName: name(of: email), kind: .patch,
            subject: "[PATCH\(resend ? " RESEND" : "")\(versionTag)\(counter)] \(title)", title: title,
            number: number, total: total, version: version, minorVersion: minor, isResend: resend,
            patchID: patchID ?? "pid-\(title)", changeID: changeID)
    }

    static func cover(
        _ id: String, total: Int, at offset: Int64 = 0, version: Int? = nil, from email: String = alice,
        inReplyTo: String? = nil, title: String = "Series", changeID: String? = nil
    ) -> ThreadMessage {
        let versionTag = version.map { " v\($0)" } ?? ""
        return ThreadMessage(
            messageID: id, inReplyTo: inReplyTo, references: inReplyTo.map { [$0] } ?? [],
            receivedAt: t0 + offset, authorEmail: email, authorName: name(of: email), kind: .cover,
            subject: "[PATCH\(versionTag) 0/\(total)] \(title)", title: title, number: 0, total: total,
            version: version, changeID: changeID)
    }

    static func reply(
        _ id: String, to parent: String?, at offset: Int64 = 0, from email: String = bob, references: [String]? = nil,
        trailers: [GivenTrailer] = [], applied: SeriesAppliedNotice? = nil, bot: String? = nil
    ) -> ThreadMessage {
        ThreadMessage(
            messageID: id, inReplyTo: parent, references: references ?? parent.map { [$0] } ?? [],
            receivedAt: t0 + offset, authorEmail: email, authorName: name(of: email), kind: .reply,
            subject: "Re: something", title: "something", trailers: trailers, appliedNotice: applied, botName: bot)
    }

    static func reviewed(_ email: String = bob, type: ReviewTrailerType = .reviewed, mismatch: Bool = false)
        -> GivenTrailer
    {
        GivenTrailer(type: type, name: name(of: email), email: email, mismatch: mismatch)
    }

    /// `alice@example.org` → `Alice`.
    static func name(of email: String) -> String {
        let local = email.prefix { $0 != "@" }
        return local.prefix(1).uppercased() + local.dropFirst()
    }

    /// A threaded series: cover `<prefix>0` (when `withCover`) and patches `<prefix>1`… replying to it.
    static func series(
        _ prefix: String, total: Int, at offset: Int64 = 0, version: Int? = nil, withCover: Bool = true,
        from email: String = alice, inReplyTo: String? = nil, changeID: String? = nil, title: String = "Series",
        patchIDs: [Int: String] = [:], titles: [Int: String] = [:]
    ) -> [ThreadMessage] {
        var mails: [ThreadMessage] = []
        let root = withCover ? "\(prefix)0" : "\(prefix)1"
        if withCover {
            mails.append(
                cover(
                    root, total: total, at: offset, version: version, from: email, inReplyTo: inReplyTo, title: title,
                    changeID: changeID))
        }
        for number in 1...total {
            let parent = number == 1 && !withCover ? inReplyTo : root
            mails.append(
                patch(
                    "\(prefix)\(number)", number, of: total, at: offset + Int64(number), version: version, from: email,
                    inReplyTo: parent,
                    title: titles[number] ?? (withCover ? "patch \(number)" : number == 1 ? title : "patch \(number)"),
                    patchID: patchIDs[number], changeID: number == 1 && !withCover ? changeID : nil))
        }
        return mails
    }
}
