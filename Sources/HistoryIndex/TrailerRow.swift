internal import GRDB
internal import MailParser
internal import PatchModel

/// One row of `trailers`: the `ordinal`-th trailer of a message, its person in two columns.
struct TrailerRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "trailers"

    var commit: String
    var ordinal: Int
    var name: String
    var value: String
    var personName: String?
    var personEmail: String?
    var isPerson: Bool

    enum CodingKeys: String, CodingKey {
        case commit, ordinal, name, value, personName = "person_name", personEmail = "person_email"
        case isPerson = "is_person"
    }
}

extension TrailerRow {
    init(commit: String, ordinal: Int, trailer: Trailer) {
        self.commit = commit
        self.ordinal = ordinal
        name = trailer.name
        value = trailer.value
        personName = trailer.person?.name
        personEmail = trailer.person?.address
        isPerson = trailer.isPersonTrailer
    }

    var trailer: Trailer {
        let person = personEmail.map { Mailbox(name: personName ?? "", address: $0) }
        return Trailer(name: name, value: value, person: person, isPersonTrailer: isPerson)
    }
}
