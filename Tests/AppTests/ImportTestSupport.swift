@testable import App
import Domain
import Fluent
import Foundation
import SQLKit
import Vapor
import VaporTesting

/// File uploads through the web and what the import tests share.
enum ImportTestSupport {
    /// CSV text (LF line ends) as bytes.
    static func csv(_ lines: [String]) -> Data { Data((lines.joined(separator: "\n") + "\n").utf8) }

    /// The confirmation address a preview offers, if any.
    static func confirmPath(in html: String) -> String? {
        guard let range = html.range(of: #"/nhap-du-lieu/[0-9]+/xac-nhan"#, options: .regularExpression) else { return nil }
        return String(html[range])
    }

    /// The problems table's rows as (row, column, value, reason), read back from the page.
    static func problems(in html: String) -> [[String]] {
        guard let start = html.range(of: "id=\"import-problems\""), let end = html.range(of: "</table>", range: start.upperBound..<html.endIndex)
        else { return [] }
        return rows(String(html[start.upperBound..<end.lowerBound]))
    }

    /// The plan table's rows as (row, action, text, note).
    static func lines(in html: String) -> [[String]] {
        guard let start = html.range(of: "id=\"import-lines\""), let end = html.range(of: "</table>", range: start.upperBound..<html.endIndex)
        else { return [] }
        return rows(String(html[start.upperBound..<end.lowerBound]))
    }

    private static func rows(_ table: String) -> [[String]] {
        table.components(separatedBy: "<tr").dropFirst().compactMap { row in
            let cells = row.components(separatedBy: "<td>").dropFirst().map { cell in
                String(cell.prefix { $0 != "<" }).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
            }
            return cells.isEmpty ? nil : cells
        }
    }

    /// Makes inserting a cell meeting whose summary is `summary` fail in the database, as a
    /// constraint or a lost connection would while an import writes.
    static func failInsert(_ app: Application, summary: String) async throws {
        try await failInsert(app, into: "cell_meetings", when: "summary", is: summary)
    }

    /// Makes inserting a row of `table` whose `column` holds `value` fail in the database.
    static func failInsert(_ app: Application, into table: String, when column: String, is value: String) async throws {
        let sql = app.db as! any SQLDatabase
        if sql.dialect.name == "sqlite" {
            try await sql.raw("""
                CREATE TRIGGER import_fault BEFORE INSERT ON \(ident: table) WHEN NEW.\(ident: column) = \(literal: value) \
                BEGIN SELECT RAISE(ABORT, 'import fault'); END
                """).run()
        } else {
            try await sql.raw("""
                CREATE FUNCTION import_fault() RETURNS trigger AS $$ BEGIN \
                IF NEW.\(ident: column) = \(literal: value) THEN RAISE EXCEPTION 'import fault'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql
                """).run()
            try await sql.raw("CREATE TRIGGER import_fault BEFORE INSERT ON \(ident: table) FOR EACH ROW EXECUTE FUNCTION import_fault()").run()
        }
    }

    static func auditEntries(_ app: Application, entity: Audit.Entity) async throws -> [AuditEntry] {
        try await AuditEntry.query(on: app.db).filter(\.$entityType == entity.rawValue).sort(\.$id).all()
    }

    /// For `ScopeTests`: a file previewed by an officer of B, which only they may confirm.
    @Sendable static func scopeRecords(_ app: Application, _ tree: Fixtures.Tree) async throws -> ScopeRecords.Records {
        let officer = try await Fixtures.user(app, "nhap.b", .officer, unit: tree.b)
        let pending = PendingImport()
        pending.userID = officer.id!
        pending.kind = ImportKind.cellMeetings.rawValue
        pending.params = ImportParams().json
        pending.filename = "tep-nhap-bi-mat-cua-B.csv"
        pending.sha256 = String(repeating: "0", count: 64)
        pending.data = csv(["Mã chi bộ,Loại sinh hoạt", "B1,Thường kỳ"])
        try await pending.create(on: app.db)
        return (ids: ["nhap-du-lieu": pending.id!], secrets: ["tep-nhap-bi-mat-cua-B"])
    }
}

extension TestClient {
    /// Posts `data` as the file of a multipart form, with the form token, as a browser does.
    @discardableResult
    mutating func upload(_ path: String, filename: String, data: Data, field: String = "file") async throws -> TestingHTTPResponse {
        let boundary = "----LamTheoBacTest\(UUID().uuidString)"
        var body = Data()
        if let csrf {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(CSRF.field)\"\r\n\r\n\(csrf)\r\n".utf8))
        }
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(filename)\"\r\n".utf8))
        body.append(Data("Content-Type: application/octet-stream\r\n\r\n".utf8))
        body.append(data)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        var headers = HTTPHeaders()
        if let cookie { headers.add(name: .cookie, value: cookie) }
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        let response = try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(data: body))
        if let set = response.headers.setCookie?["ltb_session"] { cookie = "ltb_session=\(set.string)" }
        return response
    }
}
