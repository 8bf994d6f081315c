@testable import App
import SQLKit
import Testing

@Suite struct BatchInsertTests {
    struct Row: Decodable, Equatable { let n: Int; let label: String; let note: String? }

    /// More rows than one statement takes, values with quotes and NULLs: every row arrives as given.
    @Test func writesEveryRowInChunks() async throws {
        try await withTestApp { app in
            let sql = app.db as! any SQLDatabase
            try await sql.raw("CREATE TABLE batch_rows (n INTEGER NOT NULL, label TEXT NOT NULL, note TEXT)").run()
            var batch = BatchInsert(into: "batch_rows", columns: ["n", "label", "note"])
            var expected: [Row] = []
            for n in 0..<2_345 {
                let row = Row(n: n, label: "Chi bộ \(n) ‘Đ’; DROP TABLE x; --", note: n % 3 == 0 ? nil : "ghi chú \(n)")
                expected.append(row)
                batch.append([row.n, row.label, row.note])
                if n == 1_200 { try await batch.flushIfFull(on: sql) }
            }
            #expect(batch.count == 1_144, "the first 1.201 rows were written once a statement's worth waited")
            try await batch.flush(on: sql)
            #expect(batch.count == 0)
            let rows = try await sql.raw("SELECT n, label, note FROM batch_rows ORDER BY n").all(decoding: Row.self)
            #expect(rows == expected)
        }
    }
}
