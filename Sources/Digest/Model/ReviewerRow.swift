/// One person of the "Reviews" section (`reviewers[]`): review trailers given and replies
/// written to other people's series in the range.
package struct ReviewerRow: Sendable, Codable, Equatable {
    package var name: String
    package var email: String
    /// Review trailers (not `other`), each counted once per series and position.
    package var trailers: Int
    package var replies: Int

    package init(name: String, email: String, trailers: Int, replies: Int) {
        self.name = name
        self.email = email
        self.trailers = trailers
        self.replies = replies
    }
}
