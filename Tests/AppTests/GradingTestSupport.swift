@testable import App
import Domain
import Fluent
import Foundation
import Vapor
import VaporTesting

/// A graded world on the fixture tree: twelve members in A1, accounts at every level, and sheets
/// written straight to the tables for reading tests.
enum GradingTestSupport {
    struct World {
        let tree: Fixtures.Tree
        /// A1's members, in the order they were created (not the page's order).
        let members: [Person]
    }

    static func world(_ app: Application, members count: Int = 12) async throws -> World {
        let tree = try await Fixtures.tree(app)
        try await Fixtures.user(app, "quantri", .admin)
        try await Fixtures.user(app, "canbo.tu", .officer, unit: tree.root)
        try await Fixtures.user(app, "canbo.a", .officer, unit: tree.a)
        try await Fixtures.user(app, "lanhdao.a", .leader, unit: tree.a)
        try await Fixtures.user(app, "bithu.a1", .cellSecretary, unit: tree.a1)
        try await Fixtures.user(app, "canbo.b", .officer, unit: tree.b)
        var members: [Person] = []
        for i in 0..<count { members.append(try await Fixtures.person(app, "Đảng Viên Số \(i + 1)", in: tree.a1)) }
        try await Fixtures.user(app, "dangvien.a1", .member, person: members[0])
        return World(tree: tree, members: members)
    }

    /// A sheet with grades written straight to the tables: (person or unit id, level).
    @discardableResult
    static func sheet(
        _ app: Application, unit: OrgUnit, year: Int, subject: GradingSubject = .member, status: GradingSheetStatus = .submitted,
        grades: [(Int, GradingLevel)], note: String = ""
    ) async throws -> GradingSheet {
        let regime = try await GradingService.regime(forYear: year, on: app.db)!
        let sheet = GradingSheet()
        sheet.unitID = unit.id!
        sheet.regimeID = regime.id!
        sheet.year = year
        sheet.subject = subject
        sheet.status = status
        sheet.outstanding = false
        sheet.submittedOn = status == .submitted ? LocalDate(year: year + 1, month: 1, day: 10) : nil
        try await sheet.create(on: app.db)
        for (id, level) in grades {
            let e = Evaluation()
            e.sheetID = sheet.id!
            e.unitID = unit.id!
            e.personID = subject == .member ? id : nil
            e.subjectUnitID = subject == .member ? nil : id
            e.year = year
            e.subject = subject
            e.level = level
            e.note = note
            try await e.create(on: app.db)
        }
        return sheet
    }

    /// The id a POST answered with a redirect to /xep-loai/{id}.
    static func redirectedID(_ response: TestingHTTPResponse) -> Int? {
        guard let location = response.headers.first(name: .location), location.hasPrefix("/xep-loai/") else { return nil }
        return Int(location.dropFirst("/xep-loai/".count).prefix { $0.isNumber })
    }

    static func evaluations(_ app: Application, sheet: Int) async throws -> [Evaluation] {
        try await Evaluation.query(on: app.db).filter(\.$sheetID == sheet).all()
    }

    static func auditActions(_ app: Application, sheet: Int) async throws -> [String] {
        try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.gradingSheet.rawValue)
            .filter(\.$entityID == sheet).sort(\.$id).all().map(\.action)
    }

    /// For `ScopeTests`: a submitted members' sheet of B1 with a secret note; a regime for the
    /// administrators' edit page (everyone else gets 403 there).
    @Sendable static func scopeRecords(_ app: Application, _ tree: Fixtures.Tree) async throws -> ScopeRecords.Records {
        let person = try await Fixtures.person(app, "Phan Văn Xếp Loại Bê", in: tree.b1)
        let sheet = try await sheet(app, unit: tree.b1, year: 2024, grades: [(person.id!, .good)], note: "Ghi chú xếp loại bí mật của B1")
        let regime = try await GradingRegime.query(on: app.db).sort(\.$id).first()!
        return (ids: ["xep-loai": sheet.id!, "grading-sheets": sheet.id!, "quy-dinh-xep-loai": regime.id!],
                secrets: ["Ghi chú xếp loại bí mật", "Phan Văn Xếp Loại Bê"])
    }
}
