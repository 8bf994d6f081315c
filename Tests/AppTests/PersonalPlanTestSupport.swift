@testable import App
import Domain
import Fluent
import Foundation
import Vapor

/// Accounts, members, plans and due dates on the fixture tree for the personal-plan tests.
enum PersonalPlanTestSupport {
    /// TU → (A → A1), (B → B1) with "quantri", "canbo.a" (officer of A), "lanhdao.a" (leader of
    /// A), "bithu.a1" (secretary of A1).
    static func world(_ app: Application) async throws -> Fixtures.Tree {
        let tree = try await Fixtures.tree(app)
        try await Fixtures.user(app, "quantri", .admin)
        try await Fixtures.user(app, "canbo.a", .officer, unit: tree.a)
        try await Fixtures.user(app, "lanhdao.a", .leader, unit: tree.a)
        try await Fixtures.user(app, "bithu.a1", .cellSecretary, unit: tree.a1)
        return tree
    }

    /// A plan written straight to the tables, for reading tests.
    @discardableResult
    static func plan(
        _ app: Application, _ person: Person, unit: OrgUnit, year: Int, submittedOn: String? = nil,
        items: [String] = ["Học tập chuyên đề năm"], commitment: String = "Cam kết rèn luyện",
        assessment: PlanAssessment? = nil
    ) async throws -> PersonalPlan {
        let plan = PersonalPlan()
        plan.personID = person.id!
        plan.unitID = unit.id!
        plan.year = year
        plan.status = submittedOn == nil ? .draft : .submitted
        plan.commitment = commitment
        plan.exemplaryCommitment = ""
        plan.submittedOn = submittedOn.flatMap(LocalDate.init)
        plan.selfAssessment = ""
        plan.assessment = assessment
        plan.assessmentComment = ""
        plan.assessedOn = assessment == nil ? nil : LocalDate(year: year, month: 12, day: 20)
        try await plan.create(on: app.db)
        try await PersonalPlanService.writeItems(items, of: plan, on: app.db)
        return plan
    }

    static func due(_ app: Application, unit: OrgUnit, year: Int, on day: String) async throws {
        let due = DueDate()
        due.unitID = unit.id!
        due.kind = .personalPlan
        due.year = year
        due.dueOn = LocalDate(day)!
        due.note = ""
        try await due.create(on: app.db)
    }

    static func template(_ app: Application, unit: OrgUnit, year: Int, items: [String], commitment: String) async throws {
        let t = PersonalPlanTemplate()
        t.unitID = unit.id!
        t.year = year
        t.items = items.joined(separator: "\n")
        t.commitment = commitment
        try await t.create(on: app.db)
    }

    static func member(_ app: Application, _ name: String, in unit: OrgUnit, account: String? = nil) async throws -> Person {
        let person = try await Fixtures.person(app, name, in: unit)
        if let account { try await Fixtures.user(app, account, .member, person: person) }
        return person
    }

    static func user(_ app: Application, _ name: String) async throws -> User {
        try await User.query(on: app.db).filter(\.$username == name).first()!
    }

    static func api(_ app: Application, _ name: String) async throws -> APIClient {
        try await Fixtures.token(app, for: try await user(app, name))
    }

    static func audit(_ app: Application, plan: PersonalPlan) async throws -> [String] {
        try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.personalPlan.rawValue)
            .filter(\.$entityID == plan.id!).sort(\.$id).all().map(\.action)
    }

    static func json(_ body: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] ?? [:]
    }

    /// A plan form's fields.
    static func form(_ items: [String], commitment: String, action: String) -> [String: String] {
        var fields = ["commitment": commitment, "exemplaryCommitment": "", PersonalPlanForm.actionField: action]
        for (index, item) in items.enumerated() { fields[PersonalPlanForm.itemField(index + 1)] = item }
        return fields
    }

    /// For `ScopeTests`: a plan and a template of B1 whose texts only they show.
    @Sendable static func scopeRecords(_ app: Application, _ tree: Fixtures.Tree) async throws -> ScopeRecords.Records {
        let person = try await Fixtures.person(app, "Đỗ Thị Kế Hoạch Bê", in: tree.b1)
        let plan = try await plan(app, person, unit: tree.b1, year: 2024, submittedOn: "2024-03-01",
                                  items: ["Việc bí mật của kế hoạch B1"], commitment: "Cam kết bí mật của B1")
        try await template(app, unit: tree.b1, year: 2024, items: ["Mẫu bí mật của chi bộ B1"], commitment: "")
        return (ids: ["ke-hoach-ca-nhan": plan.id!, "personal-plans": plan.id!],
                secrets: ["Việc bí mật của kế hoạch", "Cam kết bí mật của B1", "Mẫu bí mật của chi bộ B1", "Đỗ Thị Kế Hoạch Bê"])
    }
}
