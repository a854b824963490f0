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
        var result: [ArraySlice<UInt8>] = []
        for field in fields where HeaderBlock.nameMatches(field.name, name, in: bytes) {
            result.append(bytes[field.value])
        }
        return result
    }

    /// The first raw value of `name`, or nil.
    package func firstValue(of name: some Collection<UInt8>, in bytes: [UInt8]) -> ArraySlice<UInt8>? {
        for field in fields where HeaderBlock.nameMatches(field.name, name, in: bytes) {
            return bytes[field.value]
        }
        return nil
    }

    /// Whether the field name at `range` is `name`, without regard to ASCII case. Compared in
    /// place: a message's headers are asked for a dozen names, each once per field.
    @inline(__always)
    static func nameMatches(_ range: Range<Int>, _ name: some Collection<UInt8>, in bytes: [UInt8]) -> Bool {
        guard range.count == name.count else { return false }
        var index = range.lowerBound
        for byte in name {
            if ASCII.lowercased(bytes[index]) != ASCII.lowercased(byte) { return false }
            index += 1
        }
        return true
    }
}
