/// git's delta format (Documentation/gitformat-pack.txt, "Deltified representation"): the sizes of
/// the base and the result as little-endian base-128 numbers, then instructions that copy a range
/// of the base or insert the bytes that follow them.
enum DeltaInstructions {
    /// The object `delta` makes of `base`; nil when the delta does not fit the base (wrong base
    /// size, a copy outside it, a result of another size, the reserved instruction 0).
    static func apply(_ delta: [UInt8], to base: [UInt8], largest: Int) -> [UInt8]? {
        delta.withUnsafeBufferPointer { instructions in
            base.withUnsafeBufferPointer { source in
                apply(instructions, to: source, largest: largest)
            }
        }
    }

    private static func apply(
        _ delta: UnsafeBufferPointer<UInt8>, to base: UnsafeBufferPointer<UInt8>, largest: Int
    ) -> [UInt8]? {
        var position = 0
        guard let baseSize = size(in: delta, at: &position), baseSize == base.count,
            let resultSize = size(in: delta, at: &position), resultSize <= largest
        else { return nil }
        var succeeded = false
        let result = [UInt8](unsafeUninitializedCapacity: max(resultSize, 1)) { output, count in
            var written = 0
            count = 0
            while position < delta.count {
                let instruction = delta[position]
                position += 1
                if instruction & 0x80 != 0 {
                    var offset = 0
                    var length = 0
                    for bit in 0..<4 where instruction & (1 << bit) != 0 {
                        guard position < delta.count else { return }
                        offset |= Int(delta[position]) << (8 * bit)
                        position += 1
                    }
                    for bit in 0..<3 where instruction & (0x10 << bit) != 0 {
                        guard position < delta.count else { return }
                        length |= Int(delta[position]) << (8 * bit)
                        position += 1
                    }
                    if length == 0 { length = 0x10000 }
                    guard offset + length <= base.count, written + length <= resultSize else { return }
                    (output.baseAddress! + written).initialize(from: base.baseAddress! + offset, count: length)
                    written += length
                } else if instruction != 0 {
                    let length = Int(instruction)
                    guard position + length <= delta.count, written + length <= resultSize else { return }
                    (output.baseAddress! + written).initialize(from: delta.baseAddress! + position, count: length)
                    position += length
                    written += length
                } else {
                    return
                }
            }
            succeeded = written == resultSize
            count = succeeded ? resultSize : 0
        }
        return succeeded ? result : nil
    }

    /// A size: seven bits a byte, least significant first, the high bit saying another follows.
    private static func size(in delta: UnsafeBufferPointer<UInt8>, at position: inout Int) -> Int? {
        var value = 0
        var shift = 0
        while position < delta.count, shift <= 56 {
            let byte = delta[position]
            position += 1
            value |= Int(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
        return nil
    }
}

/// The entries of a tree object: `<mode> <name>\0<20-byte id>`, one after another.
enum TreeEntries {
    enum Found: Equatable {
        case found(SHA1Name)
        case absent
        case malformed
    }

    /// The id of the entry named `name`.
    static func find(_ name: String, in tree: [UInt8]) -> Found {
        let wanted = Array(name.utf8)
        return tree.withUnsafeBytes { bytes in
            var position = 0
            while position < bytes.count {
                guard let space = bytes[position...].firstIndex(of: UInt8(ascii: " ")),
                    let nul = bytes[space...].firstIndex(of: 0), nul + 21 <= bytes.count
                else { return .malformed }
                if nul - space - 1 == wanted.count, bytes[(space + 1)..<nul].elementsEqual(wanted) {
                    return .found(SHA1Name(bytes, at: nul + 1))
                }
                position = nul + 21
            }
            return .absent
        }
    }
}
