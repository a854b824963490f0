/// A name and address as a report section shows them: `{"name": …, "email": …}`.
package struct ReportPerson: Sendable, Codable, Equatable, Hashable {
    package var name: String
    package var email: String

    package init(name: String, email: String) {
        self.name = name
        self.email = email
    }
}
