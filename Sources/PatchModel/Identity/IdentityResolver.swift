package import MailParser

/// Applies a mailmap and a company map to the people of a report, remembering each answer:
/// the maps are asked once per distinct mailbox (mailmap) and once per distinct address
/// (company timeline), not once per mail (issue 11, "Speed").
///
/// The mailmap comes first: the company of a mail is that of its sender's mapped address, so a
/// mailmap line that maps a `kernel.org` address to a company address credits that company, as
/// gitdm's alias file does.
package struct IdentityResolver: Sendable {
    package private(set) var mailmap: Mailmap
    package private(set) var companies: CompanyMap
    private var people: [Mailbox: Mailbox] = [:]
    private var timelines: [String: CompanyTimeline] = [:]

    package init(mailmap: Mailmap = Mailmap(), companies: CompanyMap = CompanyMap()) {
        self.mailmap = mailmap
        self.companies = companies
    }

    /// The person `mailbox` stands for; `mailbox` itself without a mailmap.
    package mutating func person(_ mailbox: Mailbox) -> Mailbox {
        if mailmap.isEmpty { return mailbox }
        if let known = people[mailbox] { return known }
        let resolved = mailmap.resolve(mailbox)
        people[mailbox] = resolved
        return resolved
    }

    /// The company of a mail sent from `address` (already mapped) at `date` (Unix seconds).
    package mutating func company(of address: String, at date: Int64?) -> CompanyAttribution {
        if let timeline = timelines[address] { return timeline.company(at: date) }
        let timeline = companies.timeline(for: address)
        timelines[address] = timeline
        return timeline.company(at: date)
    }

    /// `facts` with every person in it mapped: author, sender and the people of its trailers.
    /// Flags computed from the mail as sent (a trailer's mismatch) are kept as they are.
    package mutating func mappingPeople(in facts: MessageFacts) -> MessageFacts {
        if mailmap.isEmpty { return facts }
        var mapped = facts
        mapped.author = facts.author.map { person($0) }
        mapped.sender = facts.sender.map { person($0) }
        for index in mapped.trailers.indices {
            if let someone = mapped.trailers[index].person { mapped.trailers[index].person = person(someone) }
        }
        return mapped
    }

    /// `message` with its author and trailer givers mapped (a message the history index gave).
    package func mappingPeople(in message: ThreadMessage) -> ThreadMessage {
        if mailmap.isEmpty { return message }
        var mapped = message
        let author = mailmap.resolve(Mailbox(name: message.authorName, address: message.authorEmail))
        mapped.authorName = author.name
        mapped.authorEmail = author.address
        for index in mapped.trailers.indices {
            let given = mapped.trailers[index]
            let person = mailmap.resolve(Mailbox(name: given.name, address: given.email))
            mapped.trailers[index].name = person.name
            mapped.trailers[index].email = person.address
        }
        return mapped
    }
}
