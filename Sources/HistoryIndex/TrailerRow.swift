internal import GRDB
internal import MailParser
internal import PatchModel

/// The rows of `trailers`: the `ordinal`-th trailer of a message (its `id`, schema v4), its
/// person in two columns.
/// `is_mismatched` (v2): a reply's trailer whose person is not the replier (`Trailer.isMismatched`).
enum TrailerRow {
    static let insert = """
        INSERT INTO trailers (message, ordinal, name, value, person_name, person_email, is_person, is_mismatched)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """
    static let selectByMessage = """
        SELECT name, value, person_name, person_email, is_person, is_mismatched FROM trailers
        WHERE message = ? ORDER BY ordinal
        """

    /// Binds the parameters of ``insert``.
    static func bind(message: Int64, ordinal: Int, trailer: Trailer, to row: inout RowBinder) {
        row.bind(message)
        row.bind(ordinal)
        row.bind(trailer.name)
        row.bind(trailer.value)
        row.bind(trailer.person?.name)
        row.bind(trailer.person?.address)
        row.bind(trailer.isPersonTrailer)
        row.bind(trailer.isMismatched)
    }

    /// The trailer of a row of ``selectByMessage``.
    static func trailer(_ row: Row) -> Trailer {
        let address: String? = row[3]
        return Trailer(
            name: row[0], value: row[1], person: address.map { Mailbox(name: row[2] ?? "", address: $0) },
            isPersonTrailer: row[4], isMismatched: row[5])
    }
}
