@testable import App
import Domain
import Fluent
import Foundation
import Vapor

/// Accounts and meetings on the fixture tree for the cell-meeting tests.
enum CellMeetingTestSupport {
    /// TU → (A → A1), (B → B1), with "quantri" (admin), "canbo.a" (officer of A), "lanhdao.a"
    /// (leader of A), "bithu.a1" (secretary of A1) and "canbo.tu" (officer of TU).
    static func world(_ app: Application) async throws -> Fixtures.Tree {
        let tree = try await Fixtures.tree(app)
        try await Fixtures.user(app, "quantri", .admin)
        try await Fixtures.user(app, "canbo.tu", .officer, unit: tree.root)
        try await Fixtures.user(app, "canbo.a", .officer, unit: tree.a)
        try await Fixtures.user(app, "lanhdao.a", .leader, unit: tree.a)
        try await Fixtures.user(app, "bithu.a1", .cellSecretary, unit: tree.a1)
        return tree
    }

    /// A meeting written straight to the table, for reading tests.
    @discardableResult
    static func meeting(
        _ app: Application, unit: OrgUnit, _ kind: CellMeetingKind, _ iso: String, content: Bool = true,
        opinions: Int = 0, summary: String = "Sinh hoạt"
    ) async throws -> CellMeeting {
        let m = CellMeeting()
        m.unitID = unit.id!
        m.kind = kind
        m.heldOn = LocalDate(iso)!
        m.regularMonth = kind == .regular ? CellMeeting.monthKey(m.heldOn) : nil
        m.durationMinutes = 90
        m.present = 10
        m.absentExcused = 1
        m.absentUnexcused = 0
        m.includedProgrammeContent = content
        m.contentNote = content ? "Kể chuyện về Bác" : ""
        m.opinionsRaised = opinions
        m.summary = summary
        try await m.create(on: app.db)
        return m
    }

    /// The fields of a valid form for a regular meeting.
    static func form(unit: String, heldOn: String, kind: CellMeetingKind = .regular, summary: String = "Họp chi bộ tháng") -> [String: String] {
        ["unit": unit, "kind": kind.rawValue, "heldOn": heldOn, "durationMinutes": "90", "present": "12",
         "absentExcused": "1", "absentUnexcused": "0", "includedProgrammeContent": "1",
         "contentNote": "Học tập tấm gương đạo đức Hồ Chí Minh", "summary": summary]
    }

    static func user(_ app: Application, _ name: String) async throws -> User {
        try await User.query(on: app.db).filter(\.$username == name).first()!
    }

    static func json(_ body: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] ?? [:]
    }

    /// For `ScopeTests`: a thematic meeting of B1 whose summary only it shows.
    @Sendable static func scopeRecords(_ app: Application, _ tree: Fixtures.Tree) async throws -> ScopeRecords.Records {
        let m = try await meeting(app, unit: tree.b1, .thematic, "2024-05-20", opinions: 7,
                                  summary: "Biên bản sinh hoạt bí mật của chi bộ B1")
        return (ids: ["sinh-hoat-chi-bo": m.id!, "cell-meetings": m.id!], secrets: ["Biên bản sinh hoạt bí mật"])
    }
}
