@testable import App
import Domain
import Fluent
import Foundation
import Vapor

/// Accounts, conduct codes and outreach activities on the fixture tree.
enum ConductOutreachFixtures {
    /// TU → (A → A1), (B → B1), with "quantri" (admin), "canbo.a" (officer of A), "lanhdao.a"
    /// (leader of A), "canbo.b" (officer of B) and "dangvien.a1" (a member in A1).
    @discardableResult
    static func world(_ app: Application) async throws -> Fixtures.Tree {
        let tree = try await Fixtures.tree(app)
        try await Fixtures.user(app, "quantri", .admin)
        try await Fixtures.user(app, "canbo.a", .officer, unit: tree.a)
        try await Fixtures.user(app, "lanhdao.a", .leader, unit: tree.a)
        try await Fixtures.user(app, "canbo.b", .officer, unit: tree.b)
        let member = try await Fixtures.person(app, "Nguyễn Văn Đảng Viên", in: tree.a1)
        try await Fixtures.user(app, "dangvien.a1", .member, person: member)
        return tree
    }

    static func api(_ app: Application, _ username: String) async throws -> APIClient {
        try await Fixtures.token(app, for: try await User.query(on: app.db).filter(\.$username == username).first()!)
    }

    /// A code written straight to the table, for reading tests.
    @discardableResult
    static func code(
        _ app: Application, unit: OrgUnit, number: String, title: String = "Quy định chuẩn mực đạo đức, lối sống",
        issued: String = "2022-03-01", replaces: ConductCode? = nil, scope: ConductScope = .ethicsAndLifestyle
    ) async throws -> ConductCode {
        let code = ConductCode()
        code.unitID = unit.id!
        code.scope = scope
        code.title = title
        code.documentNumber = number
        code.issuedOn = LocalDate(issued)!
        code.replacesID = replaces?.id
        code.summary = ""
        try await code.create(on: app.db)
        return code
    }

    @discardableResult
    static func activity(
        _ app: Application, unit: OrgUnit, held: String, form: OutreachForm = .conference, participants: Int,
        title: String = "Hội nghị tuyên truyền chuyên đề"
    ) async throws -> OutreachActivity {
        let activity = OutreachActivity()
        activity.unitID = unit.id!
        activity.heldOn = LocalDate(held)!
        activity.form = form
        activity.title = title
        activity.participants = participants
        activity.note = ""
        try await activity.create(on: app.db)
        return activity
    }

    static func codeForm(unit: String = "A", number: String, issuedOn: String = "2023-04-01", replaces: Int? = nil,
                         title: String = "Quy định chuẩn mực đạo đức, lối sống") -> [String: String] {
        var form = ["unit": unit, "scope": ConductScope.ethicsAndLifestyle.rawValue, "title": title,
                    "documentNumber": number, "issuedOn": issuedOn, "summary": "Gương mẫu, giản dị."]
        if let replaces { form["replacesId"] = String(replaces) }
        return form
    }

    static func activityForm(unit: String = "A", heldOn: String = "2024-05-19", form: OutreachForm = .conference,
                             participants: String = "150", title: String = "Hội nghị tuyên truyền chuyên đề") -> [String: String] {
        ["unit": unit, "heldOn": heldOn, "form": form.rawValue, "title": title, "participants": participants, "note": ""]
    }

    static func json(_ body: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] ?? [:]
    }

    /// For `ScopeTests`: one conduct code of B1 and one outreach activity of B.
    @Sendable static func scopeRecords(_ app: Application, _ tree: Fixtures.Tree) async throws -> ScopeRecords.Records {
        let code = try await code(app, unit: tree.b1, number: "07-QĐ/CB", title: "Chuẩn mực bí mật của Chi bộ B1")
        let activity = try await activity(app, unit: tree.b, held: "2024-06-01", participants: 4321,
                                          title: "Tuyên truyền bí mật của Đảng bộ B")
        return (ids: ["chuan-muc": code.id!, "conduct-codes": code.id!, "tuyen-truyen": activity.id!, "outreach": activity.id!],
                secrets: ["Chuẩn mực bí mật", "Tuyên truyền bí mật"])
    }
}
