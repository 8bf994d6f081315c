@testable import App
import SQLKit
import Testing

/// What `configure` asks of the database it connects to.
@Suite struct DatabaseSettingsTests {
    /// PostgreSQL's JIT spent seconds compiling the rollup's long, run-once statements at
    /// province scale; every connection of the application turns it off.
    @Test func postgresConnectionsRunWithoutJIT() async throws {
        try await withTestApp { app in
            let sql = app.db as! any SQLDatabase
            guard sql.dialect.name == "postgresql" else { return }
            struct Row: Decodable { let jit: String }
            let row = try await sql.raw("SHOW jit").first(decoding: Row.self)
            #expect(row?.jit == "off")
        }
    }
}
