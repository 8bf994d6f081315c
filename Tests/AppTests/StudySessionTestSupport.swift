@testable import App
import Domain
import Fluent
import Foundation
import Vapor

/// Accounts, people and sessions on the fixture tree for the study-session tests.
enum StudySessionTestSupport {
    /// TU → (A → A1), (B → B1), with "quantri" (admin), "canbo.tu" (officer of TU), "canbo.a"
    /// (officer of A), "lanhdao.a" (leader of A), "bithu.a1" (secretary of A1), "canbo.b".
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

    static func api(_ app: Application, _ username: String) async throws -> APIClient {
        try await Fixtures.token(app, for: try await User.query(on: app.db).filter(\.$username == username).first()!)
    }

    /// A session written straight to the tables, for reading and marking tests.
    @discardableResult
    static func session(
        _ app: Application, by unit: OrgUnit, expected: [OrgUnit], title: String = "Hội nghị học tập chuyên đề năm 2024",
        heldOn: String = "2024-05-15", topicID: Int? = nil
    ) async throws -> StudySession {
        let s = StudySession()
        s.unitID = unit.id!
        s.topicID = topicID
        s.title = title
        s.heldOn = LocalDate(heldOn)!
        s.format = .inPerson
        s.mode = .plenary
        s.nonMemberCount = 0
        s.note = ""
        try await s.create(on: app.db)
        for u in expected { try await StudySessionUnit(sessionID: s.id!, unitID: u.id!).create(on: app.db) }
        return s
    }

    /// Moves a person (chuyển sinh hoạt) on `day`: the open membership ends, a new one starts.
    static func transfer(_ app: Application, _ person: Person, to unit: OrgUnit, on day: String) async throws {
        let date = LocalDate(day)!
        let open = try await Membership.query(on: app.db).filter(\.$personID == person.id!).filter(\.$validTo == nil).first()!
        open.validTo = date
        try await open.update(on: app.db)
        try await Membership(personID: person.id!, unitID: unit.id!, validFrom: date).create(on: app.db)
        person.currentUnitID = unit.id
        try await person.update(on: app.db)
    }

    static func form(
        unit: String = "A", title: String = "Hội nghị quán triệt chuyên đề năm 2024", heldOn: String = "2024-05-15",
        format: String = "truc_tiep", mode: String = "tap_trung", expected: String = "A", nonMembers: String = "12",
        topicID: String = "", note: String = ""
    ) -> [String: String] {
        ["unit": unit, "title": title, "heldOn": heldOn, "format": format, "mode": mode, "expectedUnits": expected,
         "nonMemberCount": nonMembers, "topicId": topicID, "note": note]
    }

    static func json(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }

    static func marks(_ app: Application, _ session: StudySession) async throws -> [Int: AttendanceStatus] {
        let rows = try await Attendance.query(on: app.db).filter(\.$sessionID == session.id!).all()
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.personID, $0.status) })
    }

    /// For `ScopeTests`: a session of B expecting B, with one B1 member marked.
    @Sendable static func scopeRecords(_ app: Application, _ tree: Fixtures.Tree) async throws -> ScopeRecords.Records {
        let person = try await Fixtures.person(app, "Đỗ Thị Học Tập Bí Mật", in: tree.b1)
        let s = try await session(app, by: tree.b, expected: [tree.b], title: "Hội nghị học tập bí mật của Đảng bộ B")
        s.note = "Ghi chú hội nghị bí mật"
        try await s.update(on: app.db)
        try await Attendance(sessionID: s.id!, personID: person.id!, status: .present).create(on: app.db)
        return (ids: ["hoc-tap": s.id!, "study-sessions": s.id!],
                secrets: ["Hội nghị học tập bí mật", "Ghi chú hội nghị bí mật", "Đỗ Thị Học Tập Bí Mật"])
    }
}
