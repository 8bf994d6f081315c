@testable import App
import Domain
import Fluent
import Foundation
import Vapor

/// Accounts and documents on the fixture tree for the register's tests.
enum DocumentsFixtures {
    struct World {
        let tree: Fixtures.Tree
        let programmeID: Int
    }

    /// TU → (A → A1), (B → B1), with an administrator "quantri", an officer of TU "canbo.tu",
    /// an officer of A "canbo.a", a leader of A "lanhdao.a", a cell secretary of A1 "bithu.a1"
    /// and an officer of A1 "canbo.a1".
    static func world(_ app: Application) async throws -> World {
        let tree = try await Fixtures.tree(app)
        try await Fixtures.user(app, "quantri", .admin)
        try await Fixtures.user(app, "canbo.tu", .officer, unit: tree.root)
        try await Fixtures.user(app, "canbo.a", .officer, unit: tree.a)
        try await Fixtures.user(app, "lanhdao.a", .leader, unit: tree.a)
        try await Fixtures.user(app, "bithu.a1", .cellSecretary, unit: tree.a1)
        try await Fixtures.user(app, "canbo.a1", .officer, unit: tree.a1)
        let programme = try await Programme.query(on: app.db).filter(\.$documentNumber == "01-KL/TW").first()!
        return World(tree: tree, programmeID: programme.id!)
    }

    /// A document written straight to the table, for reading tests.
    @discardableResult
    static func document(
        _ app: Application, unit: OrgUnit, number: String, title: String, kind: GuidanceKind = .plan,
        issued: String = "2024-03-01", programmeID: Int? = nil
    ) async throws -> GuidanceDocument {
        let parsed = DocumentNumber(number)!
        let document = GuidanceDocument()
        document.unitID = unit.id!
        document.number = parsed.raw
        document.numberStyle = parsed.style
        document.kind = kind
        document.title = title
        document.titleFolded = VietnameseText.fold(title)
        document.issuedOn = LocalDate(issued)!
        document.programmeID = programmeID
        try await document.create(on: app.db)
        return document
    }

    /// The fields of a valid document form for `unit`.
    static func form(unit: String, number: String, title: String = "Kế hoạch học tập chuyên đề năm 2024",
                     kind: GuidanceKind = .plan, issuedOn: String = "2024-03-01") -> [String: String] {
        ["unit": unit, "number": number, "kind": kind.rawValue, "title": title, "issuedOn": issuedOn]
    }

    static func count(_ app: Application) async throws -> Int {
        try await GuidanceDocument.query(on: app.db).count()
    }

    /// A JSON object response body.
    static func json(_ body: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] ?? [:]
    }
}
