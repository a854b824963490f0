/// The header fields of a message or MIME part and where its body starts.
package struct HeaderBlock: Sendable {
    package var fields: [HeaderField]
    /// False when the bytes did not start with a header field line.
    package var hasHeaderBlock: Bool
    /// The body: everything after the empty line that ends the header block.
    package var body: Range<Int>
    package var problems: [String]

    /// Finds the header field of `name` (ASCII, any case) and returns all its raw values.
    package func values(of name: some Collection<UInt8>, in bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        let wanted = name.map(ASCII.lowercased)
        var result: [ArraySlice<UInt8>] = []
        for field in fields where HeaderBlock.nameMatches(field.name, wanted, in: bytes) {
            result.append(bytes[field.value])
        }
        return result
    }

    /// The first raw value of `name`, or nil.
    package func firstValue(of name: some Collection<UInt8>, in bytes: [UInt8]) -> ArraySlice<UInt8>? {
        let wanted = name.map(ASCII.lowercased)
        for field in fields where HeaderBlock.nameMatches(field.name, wanted, in: bytes) {
            return bytes[field.value]
        }
        return nil
    }

    @inline(__always)
    static func nameMatches(_ range: Range<Int>, _ lowercasedName: [UInt8], in bytes: [UInt8]) -> Bool {
        guard range.count == lowercasedName.count else { return false }
        var index = range.lowerBound
        for byte in lowercasedName {
            if ASCII.lowercased(bytes[index]) != byte { return false }
            index += 1
        }
        return true
    }
}
