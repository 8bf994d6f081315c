@testable import App
import Domain
import Fluent
import Foundation
import Vapor
import VaporTesting

/// Accounts, plans and due dates on the fixture tree for the unit-plan tests.
enum UnitPlanTestSupport {
    /// TU → (A → A1), (B → B1), with "quantri" (admin), "canbo.tu" (officer of TU), "canbo.a"
    /// (officer of A), "lanhdao.a" (leader of A), "bithu.a1" (secretary of A1), "canbo.b" (officer of B).
    static func world(_ app: Application) async throws -> Fixtures.Tree {
        let tree = try await Fixtures.tree(app)
        try await Fixtures.user(app, "quantri", .admin)
        try await Fixtures.user(app, "canbo.tu", .officer, unit: tree.root)
        try await Fixtures.user(app, "canbo.a", .officer, unit: tree.a)
        try await Fixtures.user(app, "lanhdao.a", .leader, unit: tree.a)
        try await Fixtures.user(app, "bithu.a1", .cellSecretary, unit: tree.a1)
        try await Fixtures.user(app, "canbo.b", .officer, unit: tree.b)
        return tree
    }

    static func programme(_ app: Application, _ number: String = "01-KL/TW") async throws -> Programme {
        try await Programme.query(on: app.db).filter(\.$documentNumber == number).first()!
    }

    /// A plan written straight to the table, for reading tests.
    @discardableResult
    static func plan(
        _ app: Application, unit: OrgUnit, year: Int, scope: PlanScope = .year, status: PlanStatus = .draft,
        firstSubmitted: String? = nil, theme: String = "Chủ đề năm thử nghiệm", content: String = "Nội dung kế hoạch"
    ) async throws -> UnitPlan {
        let p = UnitPlan()
        p.unitID = unit.id!
        p.programmeID = try await programme(app).id!
        p.scope = scope
        p.year = year
        p.theme = theme
        p.content = content
        p.documentNumber = ""
        p.status = status
        p.firstSubmittedOn = firstSubmitted.flatMap(LocalDate.init)
        p.submittedOn = p.firstSubmittedOn
        try await p.create(on: app.db)
        return p
    }

    @discardableResult
    static func dueDate(_ app: Application, unit: OrgUnit, _ kind: DueKind, year: Int, _ iso: String, note: String = "") async throws -> DueDate {
        let d = DueDate()
        d.unitID = unit.id!
        d.kind = kind
        d.year = year
        d.dueOn = LocalDate(iso)!
        d.note = note
        try await d.create(on: app.db)
        return d
    }

    @discardableResult
    static func goal(_ app: Application, plan: UnitPlan, title: String = "Giải quyết kiến nghị đúng hạn") async throws -> BreakthroughGoal {
        let g = BreakthroughGoal()
        g.planID = plan.id!
        g.unitID = plan.unitID
        g.title = title
        g.expectedResult = "100% kiến nghị được trả lời trong 30 ngày"
        g.deadline = LocalDate.lastOf(year: plan.year)
        g.status = .inProgress
        g.finalResult = ""
        try await g.create(on: app.db)
        return g
    }

    /// The fields of a valid plan form.
    static func form(unit: String, programmeID: Int, year: Int, theme: String = "Đổi mới, sáng tạo, gần dân",
                     content: String = "1. Học tập chuyên đề năm.\n2. Mỗi đảng viên một việc làm theo Bác.") -> [String: String] {
        ["unit": unit, "programmeId": String(programmeID), "scope": PlanScope.year.rawValue, "year": String(year),
         "theme": theme, "content": content, "documentNumber": "12-KH/CB"]
    }

    static func user(_ app: Application, _ name: String) async throws -> User {
        try await User.query(on: app.db).filter(\.$username == name).first()!
    }

    static func api(_ app: Application, _ name: String) async throws -> APIClient {
        try await Fixtures.token(app, for: try await user(app, name))
    }

    static func json(_ body: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] ?? [:]
    }

    /// The id at the end of a redirect to a record's page ("/ke-hoach/12" → 12).
    static func redirectedID(_ response: TestingHTTPResponse) -> Int? {
        response.headers.first(name: .location).flatMap { $0.split(separator: "/").last }.flatMap { Int($0) }
    }

    /// The text of the list row of a plan (its cells without tags).
    static func row(_ html: String, plan: Int) -> String? {
        guard let start = html.range(of: "<tr data-plan=\"\(plan)\">"),
              let end = html.range(of: "</tr>", range: start.upperBound..<html.endIndex) else { return nil }
        return html[start.upperBound..<end.lowerBound].replacingOccurrences(of: #"<[^>]+>"#, with: "|", options: .regularExpression)
    }

    /// For `ScopeTests`: a draft plan of B1 (drafts open their edit page to an administrator), a
    /// goal in it and a due date set by B, each with a text only it shows.
    @Sendable static func scopeRecords(_ app: Application, _ tree: Fixtures.Tree) async throws -> ScopeRecords.Records {
        let plan = try await plan(app, unit: tree.b1, year: 2024, theme: "Chủ đề năm bí mật của chi bộ B1")
        let goal = try await goal(app, plan: plan, title: "Nội dung đột phá bí mật B1")
        let due = try await dueDate(app, unit: tree.b, .unitPlanYear, year: 2024, "2024-01-20", note: "Hạn nộp bí mật của Đảng bộ B")
        return (ids: ["ke-hoach": plan.id!, "unit-plans": plan.id!, "dot-pha": goal.id!, "breakthrough-goals": goal.id!,
                      "han-nop": due.id!, "due-dates": due.id!],
                secrets: ["Chủ đề năm bí mật", "Nội dung đột phá bí mật", "Hạn nộp bí mật"])
    }
}
