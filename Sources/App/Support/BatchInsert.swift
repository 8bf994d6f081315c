import SQLKit

/// Many rows into one table in as few statements as the databases allow: one multi-row INSERT
/// per chunk, every value bound (never spliced into the SQL). A chunk holds at most
/// `maxBinds` values, under PostgreSQL's 65.535 bound parameters (SQLite, as sqlite-nio builds it,
/// allows 250.000), and at most `maxRows` rows, so a statement's text stays small.
///
/// The one way to write rows in bulk: the generator, the demo and the large imports use it.
struct BatchInsert {
    static let maxBinds = 30_000
    static let maxRows = 1_000

    let table: String
    let columns: [String]
    private var rows: [[any SQLExpression]] = []
    private let rowsPerStatement: Int

    init(into table: String, columns: [String]) {
        precondition(!columns.isEmpty, "an insert needs columns")
        self.table = table
        self.columns = columns
        self.rowsPerStatement = max(1, min(Self.maxRows, Self.maxBinds / columns.count))
    }

    /// Adds a row: one value a column, in `columns` order (nil writes NULL).
    mutating func append(_ values: [any Encodable & Sendable]) {
        precondition(values.count == columns.count, "\(table): \(values.count) values for \(columns.count) columns")
        rows.append(values.map { SQLBind($0) as any SQLExpression })
    }

    var count: Int { rows.count }

    /// Writes the rows added so far and forgets them.
    mutating func flush(on sql: any SQLDatabase) async throws {
        for chunk in rows.chunked(into: rowsPerStatement) {
            var insert = sql.insert(into: table).columns(columns)
            for row in chunk { insert = insert.values(row) }
            try await insert.run()
        }
        rows.removeAll(keepingCapacity: true)
    }

    /// Writes the rows once a whole statement's worth is waiting: for callers that stream rows
    /// and must keep memory bounded. Call `flush` after the last row.
    mutating func flushIfFull(on sql: any SQLDatabase) async throws {
        if rows.count >= rowsPerStatement { try await flush(on: sql) }
    }
}
