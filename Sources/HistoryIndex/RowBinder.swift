import GRDB
import GRDBSQLite

/// Binds one row's values straight into a prepared statement, parameter after parameter, and runs
/// it: the writer's hot path (a first index of a million messages inserts four million rows).
///
/// GRDB's `execute(arguments:)` takes an array of existentials, boxes each into a `DatabaseValue`
/// and looks generic metadata up for each: most of the writer thread's time in a profile of the
/// kvmarm build, not SQLite's. The values are bound as GRDB binds them (text up to its first NUL,
/// booleans as 0 or 1, nil as NULL), so the rows are the same.
struct RowBinder {
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    private let statement: Statement
    private var parameter: Int32 = 1

    /// Starts a row for `statement`: its last run and its bindings are cleared.
    init(_ statement: Statement) {
        self.statement = statement
        sqlite3_reset(statement.sqliteStatement)
        sqlite3_clear_bindings(statement.sqliteStatement)
    }

    mutating func bind(_ value: String?) {
        if let value { sqlite3_bind_text(statement.sqliteStatement, parameter, value, -1, Self.transient) }
        parameter += 1
    }

    mutating func bind(_ value: Int64?) {
        if let value { sqlite3_bind_int64(statement.sqliteStatement, parameter, value) }
        parameter += 1
    }

    mutating func bind(_ value: Int?) {
        bind(value.map(Int64.init))
    }

    mutating func bind(_ value: Bool) {
        bind(Int64(value ? 1 : 0))
    }

    /// Runs the statement with the values bound (every parameter bound or NULL).
    /// - Throws: `DatabaseError` when SQLite refuses the row.
    func execute() throws {
        let code = sqlite3_step(statement.sqliteStatement)
        guard code == SQLITE_DONE else {
            let connection = sqlite3_db_handle(statement.sqliteStatement)
            let message = sqlite3_errmsg(connection).map { String(cString: $0) }
            sqlite3_reset(statement.sqliteStatement)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }
}
