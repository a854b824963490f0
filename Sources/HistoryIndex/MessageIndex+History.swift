internal import GRDB

/// One indexed patch or cover mail, as the look-back queries return it.
package struct IndexedPatchMail: Sendable, Hashable {
    package var commit: String
    package var epoch: Int
    package var commitTime: Int64
    package var subject: String?
    package var title: String
    package var version: Int?
    package var messageID: String?
}

extension MessageIndex {
    /// The first patch or cover mail whose author is `email` (compared without case), in archive
    /// order; nil when they never sent one. Answers "the first time someone posted" without
    /// parsing the archive.
    package func firstPatchMail(byAuthor email: String) throws(IndexError) -> IndexedPatchMail? {
        try read { db in
            try Row.fetchOne(
                db, sql: Self.firstPatchMailQuery, arguments: [email]
            ).map(Self.patchMail)
        }
    }

    /// The patch or cover mails with the title `title` by `authorEmail` that arrived before
    /// `commitTime`, oldest first: the earlier versions (and resends) of a patch or series.
    package func earlierPatchMails(
        title: String, authorEmail: String, before commitTime: Int64
    ) throws(IndexError) -> [IndexedPatchMail] {
        try read { db in
            try Row.fetchAll(
                db, sql: Self.earlierPatchMailsQuery, arguments: [authorEmail, title, commitTime]
            ).map(Self.patchMail)
        }
    }

    private static let patchMailColumns =
        #"SELECT "commit", epoch, commit_time, subject, title, version, message_id FROM messages"#

    /// Both ask for `kind IN ('patch', 'cover')` as `messages_by_author_email` holds them
    /// (schema v5), which is what lets SQLite answer them from it.
    static let firstPatchMailQuery =
        patchMailColumns + """
             WHERE author_email = ? COLLATE NOCASE AND kind IN ('patch', 'cover')
             ORDER BY epoch, ordinal LIMIT 1
            """
    static let earlierPatchMailsQuery =
        patchMailColumns + """
             WHERE author_email = ? COLLATE NOCASE AND title = ? AND commit_time < ?
                AND kind IN ('patch', 'cover')
             ORDER BY epoch, ordinal
            """

    private static func patchMail(_ row: Row) -> IndexedPatchMail {
        IndexedPatchMail(
            commit: row[0], epoch: row[1], commitTime: row[2], subject: row[3], title: row[4], version: row[5],
            messageID: row[6])
    }
}
