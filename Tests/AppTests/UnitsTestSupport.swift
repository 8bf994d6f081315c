@testable import App
import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Helpers for the organisation tree tests.
enum UnitsTest {
    static func day(_ iso: String) -> LocalDate { LocalDate(iso)! }

    /// The tree on a page: each `li[data-unit-code]` with the code of the nearest enclosing one.
    static func tree(in html: String) -> [String: String?] {
        var result: [String: String?] = [:]
        var stack: [String?] = []
        let pattern = try! NSRegularExpression(pattern: #"<li(?: data-unit-code="([^"]*)")?[^>]*>|</li>"#)
        let ns = html as NSString
        for match in pattern.matches(in: html, range: NSRange(location: 0, length: ns.length)) {
            let token = ns.substring(with: match.range)
            if token == "</li>" {
                _ = stack.popLast()
                continue
            }
            let code = match.range(at: 1).location == NSNotFound ? nil : ns.substring(with: match.range(at: 1))
            if let code {
                // updateValue: assigning a nil parent through the subscript would drop the key.
                result.updateValue(stack.last { $0 != nil } ?? nil, forKey: code)
            }
            stack.append(code)
        }
        return result
    }

    static func json(_ response: TestingHTTPResponse) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
        return try #require(object as? [String: Any], "not a JSON object: \(response.body.string.prefix(300))")
    }

    /// Row counts of every table a tree change writes, to prove a refused change wrote nothing.
    struct Counts: Equatable, CustomStringConvertible {
        let units: Int
        let links: Int
        let memberships: Int
        let positions: Int
        let audit: Int
        let closure: Int

        static func of(_ app: Application) async throws -> Counts {
            struct Row: Decodable { let n: Int }
            func count(_ table: String) async throws -> Int {
                try await (app.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM \(ident: table)").first(decoding: Row.self)?.n ?? -1
            }
            return Counts(units: try await count("org_units"), links: try await count("unit_parent_links"),
                          memberships: try await count("memberships"), positions: try await count("positions"),
                          audit: try await count("audit_entries"), closure: try await count("unit_closure"))
        }

        var description: String { "units \(units), links \(links), memberships \(memberships), positions \(positions), audit \(audit), closure \(closure)" }
    }

    /// Problems of a JSON response against the OpenAPI document's schema named `schema`.
    static func schemaProblems(_ app: Application, _ response: TestingHTTPResponse, schema: String, list: Bool = false) async throws -> [String] {
        let documentResponse = try await app.testing().sendRequest(.GET, APIRoutes.prefix + "/openapi.json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(documentResponse.body.readableBytesView)) as? [String: Any])
        let value = try JSONDecoder().decode(AnyJSON.self, from: Data(response.body.readableBytesView))
        let validator = SchemaValidator(document: document)
        guard list else { return validator.problems(value, against: ["$ref": "#/components/schemas/\(schema)"]) }
        guard case .object(let page) = value, case .array(let items)? = page["items"] else { return ["not a page"] }
        return items.flatMap { validator.problems($0, against: ["$ref": "#/components/schemas/\(schema)"]) }
    }

    static func links(_ app: Application, of unit: OrgUnit) async throws -> [(parent: Int?, from: String, to: String?)] {
        try await UnitParentLink.query(on: app.db).filter(\.$unitID == unit.id!).sort(\.$validFrom).all()
            .map { ($0.parentID, $0.validFrom.iso, $0.validTo?.iso) }
    }

    static func reload(_ app: Application, _ unit: OrgUnit) async throws -> OrgUnit {
        try #require(try await OrgUnit.find(unit.id, on: app.db))
    }

    static func position(_ app: Application, _ person: Person, in unit: OrgUnit, _ title: PositionTitle, since: String) async throws -> Position {
        let position = Position()
        position.personID = person.id!
        position.unitID = unit.id!
        position.title = title
        position.validFrom = day(since)
        try await position.create(on: app.db)
        return position
    }
}

/// The move, merge and dissolve bodies as a test sends them.
struct UnitsTestMove: Encodable { let parentId: Int?; let effectiveOn: String }
struct UnitsTestMerge: Encodable { let successorId: Int?; let effectiveOn: String }
struct UnitsTestDissolve: Encodable { let effectiveOn: String }
