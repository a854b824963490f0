// Shared by the fuzz target (FuzzEntry.swift) and the linearity driver (Fuzz/Linearity/main.swift).
//
// Touches every public-to-the-package surface of MailParser and PatchModel that a report reads,
// for one input. The returned checksum only keeps the optimizer from dropping the work.
import Foundation  // linked for PatchModel's shipped company map (base64 via Data)
import MailParser
import PatchModel

@inline(never)
func exerciseMail(_ bytes: [UInt8]) -> Int {
    var sink = 0
    @inline(__always) func eat(_ s: String?) { sink &+= s?.utf8.count ?? -1 }
    @inline(__always) func eat(_ m: Mailbox?) {
        eat(m?.name)
        eat(m?.address)
    }

    // Layer 1: the mail as a whole.
    let mail = MailMessage(bytes: bytes)
    sink &+= mail.hasHeaderBlock ? 1 : 0
    for problem in mail.problems { eat(problem) }
    eat(mail.subject)
    eat(mail.from)
    eat(mail.replyTo)
    eat(mail.originalFrom)
    for m in mail.to { eat(m) }
    for m in mail.cc { eat(m) }
    eat(mail.messageID)
    eat(mail.inReplyTo)
    for r in mail.references { eat(r) }
    eat(mail.listID)
    if let date = mail.date { sink &+= Int(truncatingIfNeeded: date.secondsSince1970) &+ date.offsetMinutes }
    sink &+= mail.body.count
    eat(mail.contentType.mimeType)
    for v in mail.values(of: "Subject") { sink &+= v.count }
    eat(mail.decodedValue(of: "Content-Type"))
    let walk = mail.parts()
    for part in walk.parts {
        eat(part.filename)
        sink &+= part.isPatch ? 1 : 0
        sink &+= part.depth
    }
    let body = mail.bodyText()
    eat(body.text)
    for problem in body.problems { eat(problem) }

    // Layer 2: what the mail means.
    let facts = MessageFacts(commit: "0", mail: mail)
    eat(facts.messageID)
    eat(facts.subject)
    eat(facts.sender)
    eat(facts.author)
    sink &+= facts.isAuthorFromBody ? 1 : 0
    eat(facts.kind.rawValue)
    for t in facts.tags { eat(t) }
    eat(facts.title)
    sink &+= (facts.number ?? 0) &+ (facts.total ?? 0) &+ (facts.version ?? 0)
    sink &+= facts.isRFC ? 1 : 0
    sink &+= facts.isResend ? 1 : 0
    eat(facts.entryText)
    eat(facts.firstLine)
    if let d = facts.diffstat { sink &+= d.filesChanged &+ d.insertions &+ d.deletions }
    for t in facts.trailers {
        eat(t.name)
        eat(t.value)
        eat(t.person)
    }
    eat(facts.inReplyTo)
    for r in facts.references { eat(r) }
    eat(facts.listID)
    for p in facts.problems { eat(p) }

    // The cross-message rules over the mail alone and the mail answering itself (a loop), and
    // the shipped company map and the mailmap rules on its people.
    if let message = ThreadMessage(facts: facts, receivedAt: 0) {
        var reply = message
        reply.inReplyTo = message.messageID
        let report = SeriesAnalyzer.analyze([message, reply])
        sink &+= report.series.count &+ report.reviewers.count &+ report.waiting.count
    }
    var identity = IdentityResolver(companies: CompanyMap.shipped.map)
    eat(identity.company(of: facts.author?.address ?? "", at: facts.date?.secondsSince1970).name)
    eat(identity.mappingPeople(in: facts).author)

    // The raw bytes straight into the lower-level entry points.
    eat(EncodedWords.decode(bytes))
    for m in AddressParser.mailboxes(from: bytes) { eat(m) }
    eat(AddressParser.mailbox(from: bytes))
    let text = String(decoding: bytes, as: UTF8.self)
    let tags = SubjectTags(subject: text)
    eat(tags.title)
    for t in tags.tags { eat(t) }
    sink &+= tags.isReply ? 1 : 0
    sink &+= tags.hasPatchTag ? 1 : 0
    sink &+= tags.isPullRequest ? 1 : 0
    sink &+= tags.isBotReport ? 1 : 0
    sink &+= (tags.version ?? 0) &+ (tags.number ?? 0) &+ (tags.total ?? 0)
    let inBody = InBodyHeaders.parse(body: text)
    eat(inBody.from)
    eat(inBody.subject)
    eat(inBody.date)
    sink &+= inBody.remainder.utf8.count
    for t in TrailerParser.commitTrailers(in: text[...]) {
        eat(t.name)
        eat(t.value)
    }
    for t in TrailerParser.replyTrailers(in: text[...]) {
        eat(t.name)
        eat(t.value)
    }
    let commit = CommitMessage(text[...], isCoverLetter: false)
    eat(commit.entryText)
    eat(commit.firstLine)
    for id in MessageID.ids(in: bytes) { eat(id) }
    eat(HeaderText.display(bytes).text)
    return sink
}
