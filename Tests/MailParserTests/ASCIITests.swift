import Testing

@testable import MailParser

@Suite struct ASCIITests {
    /// Only A-Z change; other bytes are kept, and bytes that are not UTF-8 are repaired as
    /// `String(decoding:as:)` repairs them.
    @Test func aLowercasedStringChangesOnlyASCIILetters() {
        #expect(ASCII.lowercasedString(bytes("Content-Type: TEXT/Plain")) == "content-type: text/plain")
        #expect(ASCII.lowercasedString(bytes("ÉCOLE@Example.ORG")) == "École@example.org")
        #expect(ASCII.lowercasedString([]) == "")
        #expect(ASCII.lowercasedString([0x41, 0xFF, 0x42]) == String(decoding: [0x61, 0xFF, 0x62], as: UTF8.self))
        #expect(ASCII.lowercasedString(bytes("xxMAILTO:A@B")[2...]) == "mailto:a@b")
        let long = String(repeating: "AbC", count: 100)
        #expect(ASCII.lowercasedString(bytes(long)) == long.lowercased())
    }
}
