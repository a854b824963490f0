internal import Foundation
internal import MailParser
internal import PatchModel

/// The JSON columns that hold an object (`applied_notice`, `pull_request`): few rows have one
/// (an applied notice or a pull request is about one mail in a hundred), so `JSONEncoder` and
/// `JSONDecoder` cost nothing that shows. Keys sorted, `/` unescaped, so equal facts give equal text.
enum StoredJSON {
    static func encode(_ value: some Encodable) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain structs cannot fail; a failure would store no object.
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// - Throws: `DecodingError` when the text is not the stored shape.
    static func decode<Value: Decodable>(_ type: Value.Type, from json: String) throws -> Value {
        try JSONDecoder().decode(type, from: Data(json.utf8))
    }
}

/// An `AppliedNotice` as the `applied_notice` column keeps it, field for field.
struct StoredAppliedNotice: Codable {
    var form: AppliedNotice.Form
    var branch: String?
    var repository: String?
    var commits: [AppliedNotice.Commit]
    var positions: [Int]
    var giverName: String?
    var giverEmail: String?
    var statement: String

    enum CodingKeys: String, CodingKey {
        case form, branch, repository, commits, positions, statement
        case giverName = "giver_name"
        case giverEmail = "giver_email"
    }

    init(_ notice: AppliedNotice) {
        form = notice.form
        branch = notice.branch
        repository = notice.repository
        commits = notice.commits
        positions = notice.positions
        giverName = notice.giver?.name
        giverEmail = notice.giver?.address
        statement = notice.statement
    }

    var notice: AppliedNotice {
        AppliedNotice(
            form: form, branch: branch, repository: repository, commits: commits, positions: positions,
            giver: giverEmail.map { Mailbox(name: giverName ?? "", address: $0) }, statement: statement)
    }
}
