/// A point in time from a Date header: seconds since 1970 UTC plus the sender's UTC offset.
package struct MailDate: Sendable, Hashable {
    package var secondsSince1970: Int64
    package var offsetMinutes: Int

    package init(secondsSince1970: Int64, offsetMinutes: Int) {
        self.secondsSince1970 = secondsSince1970
        self.offsetMinutes = offsetMinutes
    }

    /// Parses an RFC 5322 date-time, with the obsolete and common broken forms; nil when unusable.
    package init?(headerValue: some Collection<UInt8>) {
        guard let date = DateParser.parse(headerValue) else { return nil }
        self = date
    }
}
