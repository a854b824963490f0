internal import Foundation
internal import GRDB

/// Inserts many records of one type through one prepared statement, for the index build.
///
/// GRDB's `record.insert(db)` builds its SQL, looks the table up and fills a keyed container for
/// every record: on the 83,000 rows of kvmarm that took more CPU than parsing the mails (perf:
/// 22% of the samples against 19%), and the build 40% longer. Here
/// the statement is prepared once, with the table's columns, and the values come from the
/// record's own `Encodable` conformance, so its `CodingKeys` stay the one list of its columns.
/// Values are stored as GRDB stores them (numbers and text as themselves, booleans as 0 and 1,
/// anything else as JSON text from `Record.databaseJSONEncoder(for:)`), so a record reads back
/// with `FetchableRecord` alone.
struct BulkInsert<Record: EncodableRecord & TableRecord & Encodable> {
    private let statement: Statement
    private let columns: ColumnValues

    /// - Parameter conflict: `.ignore` leaves a row whose key is taken as it is.
    init(_ db: Database, onConflict conflict: Database.ConflictResolution = .abort) throws {
        let names = try db.columns(in: Record.databaseTableName).map(\.name)
        let verb = conflict == .abort ? "INSERT" : "INSERT OR \(conflict.rawValue)"
        statement = try db.makeStatement(
            sql: """
                \(verb) INTO \(Record.databaseTableName.quotedDatabaseIdentifier) \
                (\(names.map(\.quotedDatabaseIdentifier).joined(separator: ", "))) \
                VALUES (\(Array(repeating: "?", count: names.count).joined(separator: ", ")))
                """)
        columns = ColumnValues(names: names, jsonEncoder: Record.databaseJSONEncoder(for:))
    }

    func insert(_ record: Record) throws {
        columns.reset()
        try record.encode(to: ColumnEncoder(columns: columns))
        try statement.execute(arguments: StatementArguments(columns.values))
    }
}

/// The values of one row, in the order of the table's columns; a column the record does not
/// encode (a nil optional) is NULL.
private final class ColumnValues {
    let positions: [String: Int]
    /// Existentials, not `DatabaseValue`s: GRDB turns these into arguments without a generic walk.
    var values: [(any DatabaseValueConvertible)?]
    private let makeJSONEncoder: (String) -> JSONEncoder
    private var jsonEncoders: [String: JSONEncoder] = [:]
    private var encodedLists: [String: [[String]: String]] = [:]

    init(names: [String], jsonEncoder: @escaping (String) -> JSONEncoder) {
        positions = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        values = Array(repeating: nil, count: names.count)
        makeJSONEncoder = jsonEncoder
    }

    /// `value` as JSON text, with the encoder the record gives for `key`'s column. Lists of
    /// strings repeat (most `problems` are `[]`, most `tags` one of a few), so each distinct one
    /// is encoded once per statement: a JSONEncoder call costs about as much as the insert.
    func json(_ value: some Encodable, for key: some CodingKey) throws -> String {
        let column = key.stringValue
        let strings = value as? [String]
        if let strings, let known = encodedLists[column]?[strings] { return known }
        let encoder = jsonEncoders[column] ?? makeJSONEncoder(column)
        jsonEncoders[column] = encoder
        let text = String(decoding: try encoder.encode(value), as: UTF8.self)
        if let strings { encodedLists[column, default: [:]][strings] = text }
        return text
    }

    func reset() {
        for index in values.indices { values[index] = nil }
    }

    func set(_ value: (any DatabaseValueConvertible)?, for key: some CodingKey) throws {
        guard let position = positions[key.stringValue] else {
            throw EncodingError.invalidValue(
                value as Any, .init(codingPath: [key], debugDescription: "no column '\(key.stringValue)' in the table"))
        }
        values[position] = value
    }
}

/// An `Encoder` for flat records only: one keyed container whose values are columns.
private struct ColumnEncoder: Encoder {
    let columns: ColumnValues
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(Columns(columns: columns))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        preconditionFailure("a row is a keyed container of columns")
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        preconditionFailure("a row is a keyed container of columns")
    }

    private struct Columns<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let columns: ColumnValues
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws { try columns.set(nil, for: key) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: String, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: Float, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { try put(value, key) }

        private func put(_ value: some DatabaseValueConvertible, _ key: Key) throws {
            try columns.set(value, for: key)
        }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            if let value = value as? any DatabaseValueConvertible {
                try columns.set(value, for: key)
            } else {
                try columns.set(try columns.json(value, for: key), for: key)
            }
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            preconditionFailure("a column holds one value")
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            preconditionFailure("a column holds one value")
        }

        mutating func superEncoder() -> any Encoder { ColumnEncoder(columns: columns) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { ColumnEncoder(columns: columns) }
    }
}
