/// The bytes of the report's spooled records (``ThreadMessageRecord``, ``SeriesEntryRecord``).
enum RecordBytes {
    /// Appends `value` as a LEB128 varint.
    static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// The LEB128 varint at `offset`, with `offset` moved past it; nil when cut short or too long.
    static func readVarint(_ bytes: UnsafeRawBufferPointer, at offset: inout Int) -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count, shift < 64 {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }
}

/// Writes a record: integers as LEB128 varints (signed ones zigzagged), strings as a length and
/// their UTF-8 bytes, optionals with a presence byte.
struct RecordWriter {
    var bytes: [UInt8]

    mutating func unsigned(_ value: UInt64) { RecordBytes.appendVarint(value, to: &bytes) }

    mutating func signed(_ value: Int64) {
        unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            unsigned(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func present(_ isPresent: Bool) { bytes.append(isPresent ? 1 : 0) }

    mutating func optionalString(_ value: String?) {
        present(value != nil)
        if let value { string(value) }
    }

    mutating func optionalInt(_ value: Int?) {
        present(value != nil)
        if let value { signed(Int64(value)) }
    }
}

/// Reads what ``RecordWriter`` wrote; each read is nil when the bytes are cut short or damaged.
struct RecordReader {
    let bytes: UnsafeRawBufferPointer
    var offset: Int

    mutating func unsigned() -> UInt64? { RecordBytes.readVarint(bytes, at: &offset) }

    mutating func signed() -> Int64? {
        unsigned().map { Int64(bitPattern: ($0 >> 1) ^ (0 &- ($0 & 1))) }
    }

    mutating func int() -> Int? { signed().map { Int(truncatingIfNeeded: $0) } }

    /// A count of items or bytes still possibly in the record.
    mutating func count() -> Int? {
        guard let value = unsigned(), value <= UInt64(bytes.count - offset) else { return nil }
        return Int(value)
    }

    mutating func string() -> String? {
        guard let length = count() else { return nil }
        defer { offset += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self)
    }

    /// `string()`, as the copy in `shared` (added to it when new).
    mutating func string(in shared: inout Set<String>) -> String? {
        string().map { shared.insert($0).memberAfterInsert }
    }

    mutating func optionalString(in shared: inout Set<String>) -> String?? {
        optionalString().map { $0.map { shared.insert($0).memberAfterInsert } }
    }

    /// Whether an optional value follows; nil for damaged bytes.
    mutating func present() -> Bool? {
        guard offset < bytes.count, bytes[offset] <= 1 else { return nil }
        offset += 1
        return bytes[offset - 1] == 1
    }

    /// `.some(nil)` for an absent value, nil for damaged bytes.
    mutating func optionalString() -> String?? {
        guard let isPresent = present() else { return nil }
        return isPresent ? string().map { .some($0) } : .some(nil)
    }

    mutating func optionalInt() -> Int?? {
        guard let isPresent = present() else { return nil }
        return isPresent ? int().map { .some($0) } : .some(nil)
    }
}

extension RecordWriter {
    mutating func flag(_ value: Bool) { present(value) }

    mutating func int(_ value: Int) { signed(Int64(value)) }

    mutating func ints(_ values: [Int]) { array(values) { $0.int($1) } }

    mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }

    /// The count, then each element as `element` writes it.
    mutating func array<Element>(_ values: [Element], _ element: (inout RecordWriter, Element) -> Void) {
        unsigned(UInt64(values.count))
        for value in values { element(&self, value) }
    }

    /// A presence byte, then the value as `value` writes it.
    mutating func optional<Value>(_ value: Value?, _ write: (inout RecordWriter, Value) -> Void) {
        present(value != nil)
        if let value { write(&self, value) }
    }
}

extension RecordReader {
    mutating func flag() -> Bool? { present() }

    mutating func ints() -> [Int]? { array { $0.int() } }

    mutating func strings() -> [String]? { array { $0.string() } }

    /// What ``RecordWriter/array(_:_:)`` wrote; nil when damaged.
    mutating func array<Element>(_ element: (inout RecordReader) -> Element?) -> [Element]? {
        // Each element takes at least one byte, so a damaged count cannot reserve a huge array.
        guard let count = count() else { return nil }
        var values: [Element] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = element(&self) else { return nil }
            values.append(value)
        }
        return values
    }

    /// What ``RecordWriter/optional(_:_:)`` wrote: `.some(nil)` for an absent value, nil when damaged.
    mutating func optional<Value>(_ read: (inout RecordReader) -> Value?) -> Value?? {
        guard let isPresent = present() else { return nil }
        guard isPresent else { return .some(nil) }
        return read(&self).map { .some($0) }
    }
}
