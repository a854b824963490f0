/// One mailbox of an address header: a display name (maybe empty) and the address as written.
package struct Mailbox: Sendable, Hashable {
    package var name: String
    package var address: String

    package init(name: String, address: String) {
        self.name = name
        self.address = address
    }
}
