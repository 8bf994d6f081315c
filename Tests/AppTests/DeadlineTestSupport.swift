@testable import App
import Domain
import Fluent
import Vapor

/// A deadline world on the fixture tree, for the year 2025 seen on 10/4/2025:
///
///     TU  (no plan, no due date above it)            ── "chưa có hạn"
///     ├── A   plan submitted late (10/2)              ── not listed
///     │   ├── A1  no plan; meetings Jan, Feb (+ a thematic one in March); members: one submitted,
///     │   │       one draft, one without a plan, a non-member, one who left on 1/2, one who moved to B1 on 1/3
///     │   └── A2  cell dissolved on 1/2/2025: no plan, no meeting (expected in January only)
///     └── B   plan returned ("trả lại")
///         └── B1  plan approved; meetings Jan–Mar; a member who submitted, plus the one who moved in
///
/// TU sets the due dates: year plans 31/1/2025, personal plans 15/3/2025, term plans (2021) 30/9/2021.
enum DeadlineTestSupport {
    static let today = LocalDate("2025-04-10")!
    static let year = 2025

    struct World {
        let tree: Fixtures.Tree
        let a2: OrgUnit
        let returnedPlan: UnitPlan
        let mover: Person
    }

    static func world(_ app: Application) async throws -> World {
        let tree = try await Fixtures.tree(app)
        let a2 = try await Fixtures.unit(app, "A2", "Chi bộ A2", kind: "CB_CO_SO", parent: tree.a, founded: day("2020-01-01"))
        a2.dissolvedOn = day("2025-02-01")
        try await a2.update(on: app.db)
        try await TreeIndex.rebuild(on: app.db)

        try await due(app, tree.root, .unitPlanYear, 2025, "2025-01-31")
        try await due(app, tree.root, .personalPlan, 2025, "2025-03-15")
        try await due(app, tree.root, .unitPlanTerm, 2021, "2021-09-30")

        try await plan(app, tree.a, .year, 2025, .submitted, submitted: "2025-02-10")
        let returned = try await plan(app, tree.b, .year, 2025, .returned, submitted: "2025-01-20")
        try await plan(app, tree.b1, .year, 2025, .approved, submitted: "2025-01-25")
        try await plan(app, tree.a, .term, 2021, .approved, submitted: "2021-09-01")

        for month in ["2025-01-08", "2025-02-07"] { try await CellMeetingTestSupport.meeting(app, unit: tree.a1, .regular, month) }
        try await CellMeetingTestSupport.meeting(app, unit: tree.a1, .thematic, "2025-03-20")
        for month in ["2025-01-09", "2025-02-10", "2025-03-11"] { try await CellMeetingTestSupport.meeting(app, unit: tree.b1, .regular, month) }

        let submitted = try await Fixtures.person(app, "Nguyễn Văn Nộp", in: tree.a1)
        try await personalPlan(app, submitted, tree.a1, .submitted)
        let drafting = try await Fixtures.person(app, "Trần Thị Soạn", in: tree.a1)
        try await personalPlan(app, drafting, tree.a1, .draft)
        try await Fixtures.person(app, "Lê Văn Chưa", in: tree.a1)
        let citizen = try await Fixtures.person(app, "Phạm Thị Quần Chúng", in: tree.a1)
        citizen.category = .citizen
        try await citizen.update(on: app.db)
        let leaver = try await Fixtures.person(app, "Hoàng Văn Rời", in: tree.a1)
        try await endMembership(app, leaver, on: "2025-02-01")
        let mover = try await Fixtures.person(app, "Đỗ Thị Chuyển", in: tree.a1)
        try await endMembership(app, mover, on: "2025-03-01")
        try await Membership(personID: mover.id!, unitID: tree.b1.id!, validFrom: day("2025-03-01")).create(on: app.db)
        let inB1 = try await Fixtures.person(app, "Vũ Văn Bê", in: tree.b1)
        try await personalPlan(app, inB1, tree.b1, .submitted)
        return World(tree: tree, a2: a2, returnedPlan: returned, mover: mover)
    }

    static func day(_ iso: String) -> LocalDate { LocalDate(iso)! }

    static func due(_ app: Application, _ unit: OrgUnit, _ kind: DueKind, _ year: Int, _ iso: String) async throws {
        let d = DueDate()
        d.unitID = unit.id!
        d.kind = kind
        d.year = year
        d.dueOn = day(iso)
        d.note = ""
        try await d.create(on: app.db)
    }

    @discardableResult
    static func plan(
        _ app: Application, _ unit: OrgUnit, _ scope: PlanScope, _ year: Int, _ status: PlanStatus, submitted: String
    ) async throws -> UnitPlan {
        let programme = try await Programme.query(on: app.db).filter(\.$documentNumber == "01-KL/TW").first()!
        let p = UnitPlan()
        p.unitID = unit.id!
        p.programmeID = programme.id!
        p.scope = scope
        p.year = year
        p.theme = "Kế hoạch \(unit.code) \(year)"
        p.content = ""
        p.documentNumber = ""
        p.status = status
        p.firstSubmittedOn = day(submitted)
        p.submittedOn = day(submitted)
        try await p.create(on: app.db)
        return p
    }

    static func personalPlan(_ app: Application, _ person: Person, _ unit: OrgUnit, _ status: PersonalPlanStatus) async throws {
        let p = PersonalPlan()
        p.personID = person.id!
        p.unitID = unit.id!
        p.year = year
        p.status = status
        p.commitment = "Cam kết"
        p.exemplaryCommitment = ""
        p.submittedOn = status == .submitted ? day("2025-03-01") : nil
        p.selfAssessment = ""
        p.assessmentComment = ""
        try await p.create(on: app.db)
    }

    static func endMembership(_ app: Application, _ person: Person, on iso: String) async throws {
        let m = try await Membership.query(on: app.db).filter(\.$personID == person.id!).first()!
        m.validTo = day(iso)
        try await m.update(on: app.db)
    }
}
