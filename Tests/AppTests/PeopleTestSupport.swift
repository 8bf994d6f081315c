@testable import App
import Domain
import Fluent
import Foundation
import Vapor
import VaporTesting

/// Readers of the people pages and small builders shared by the People* suites.
enum PeopleTest {
    static func day(_ iso: String) -> LocalDate { LocalDate(iso)! }

    /// The person ids of the list's rows, in page order.
    static func rowIDs(_ html: String) -> [Int] {
        matches(#"<tr data-person-id="([0-9]+)""#, in: html).compactMap { Int($0) }
    }

    /// The number in `id="result-count" data-count="N"`.
    static func resultCount(_ html: String) -> Int? {
        matches(#"id="result-count" data-count="([0-9]+)""#, in: html).first.flatMap { Int($0) }
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    static func query(_ path: String, _ items: [(String, String)]) -> String {
        path + "?" + items.map { "\($0.0)=\(TestClient.encode($0.1))" }.joined(separator: "&")
    }

    /// Row counts of the tables a write touches, to prove a refused write changed nothing.
    struct Counts: Equatable {
        let people: Int
        let memberships: Int
        let positions: Int
        let audit: Int

        static func of(_ app: Application) async throws -> Counts {
            Counts(
                people: try await Person.query(on: app.db).count(),
                memberships: try await Membership.query(on: app.db).count(),
                positions: try await Position.query(on: app.db).count(),
                audit: try await AuditEntry.query(on: app.db).count())
        }
    }

    /// A person with a category other than the fixture's default.
    @discardableResult
    static func person(
        _ app: Application, _ name: String, in unit: OrgUnit, category: PersonCategory = .partyMember,
        joined: LocalDate? = nil
    ) async throws -> Person {
        let person = try await Fixtures.person(app, name, in: unit)
        person.category = category
        person.partyJoinedOn = joined
        try await person.save(on: app.db)
        return person
    }

    @discardableResult
    static func position(
        _ app: Application, _ person: Person, _ title: PositionTitle, in unit: OrgUnit, from: String, to: String? = nil
    ) async throws -> Position {
        let position = Position()
        position.personID = person.id!
        position.unitID = unit.id!
        position.title = title
        position.validFrom = day(from)
        position.validTo = to.map(day)
        try await position.create(on: app.db)
        return position
    }

    /// The form fields of a valid new person in `unitCode`.
    static func newPersonFields(_ name: String, unitCode: String, extra: [String: String] = [:]) -> [String: String] {
        var fields = [
            "fullName": name, "category": "dang_vien", "gender": "nu", "birthDate": "1990-03-15",
            "identityNumber": "", "phone": "0912 345 678", "email": "", "partyJoinedOn": "2015-05-19",
            "partyOfficialOn": "2016-05-19", "note": "", "unitCode": unitCode, "membershipFrom": "2020-06-01",
        ]
        fields.merge(extra) { $1 }
        return fields
    }

    static func json(_ response: TestingHTTPResponse) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any] else {
            throw TestFailure("not a JSON object: \(response.status) \(response.body.string.prefix(300))")
        }
        return object
    }

    static func errorField(_ response: TestingHTTPResponse) throws -> String? {
        (try json(response)["error"] as? [String: Any])?["field"] as? String
    }

    static func errorMessage(_ response: TestingHTTPResponse) throws -> String? {
        (try json(response)["error"] as? [String: Any])?["message"] as? String
    }

    /// Problems of a response body (or, with `items`, of each item of a list) against a schema
    /// of the served OpenAPI document.
    static func schemaProblems(_ app: Application, _ response: TestingHTTPResponse, schema: String, items: Bool = false) async throws -> [String] {
        let validator = SchemaValidator(document: try await ScopeWorld.openAPIDocument(app))
        let value = try JSONDecoder().decode(AnyJSON.self, from: Data(response.body.string.utf8))
        let ref: [String: Any] = ["$ref": "#/components/schemas/\(schema)"]
        guard items else { return validator.problems(value, against: ref) }
        guard case .object(let page) = value, case .array(let list)? = page["items"] else { return ["not a page"] }
        return list.flatMap { validator.problems($0, against: ref) }
    }
}
