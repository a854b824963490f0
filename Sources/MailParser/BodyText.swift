/// The decoded text of a message body and what went wrong while decoding it.
package struct BodyText: Sendable {
    package var text: String
    package var problems: [String]

    package init(text: String, problems: [String]) {
        self.text = text
        self.problems = problems
    }
}
