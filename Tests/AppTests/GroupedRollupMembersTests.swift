@testable import App
import Domain
import Fluent
import SQLKit
import Testing
import Vapor

/// Issue 7 §3: the expected sets of members computed once for every column of a rollup
/// (`IndicatorRollup+Members`) and the due dates looked up once per (cell, year) — a member who
/// moved from A to B counts once in the total and once in each branch, a member who left before
/// the period's first day still counts for the plan of that whole year, a cell founded after
/// the due dates is bound by none — against hand counts, on SQLite and PostgreSQL.
@Suite struct GroupedRollupMembersTests {
    /// Columns: 2023 (from 15/11), 2024 (to 20/8), the total, then A and B.
    static let period = try! IndicatorPeriod(from: day("2023-11-15"), to: day("2024-08-20"))

    static func day(_ iso: String) -> LocalDate { LocalDate(iso)! }

    /// Fixtures' tree and a cell B2 founded 1/4/2024. People: Chuyển (A1 until 1/3/2024, then
    /// B1), Ở (A1), Rời (B1 until 10/11/2023), Mới (B1 from 1/6/2024), Sau (B2 from its founding).
    static func insert(_ app: Application) async throws -> Fixtures.Tree {
        let tree = try await Fixtures.tree(app)
        let b2 = try await Fixtures.unit(app, "B2", "Chi bộ B2", kind: "CB_CO_SO", parent: tree.b, founded: day("2024-04-01"))
        try await TreeIndex.rebuild(on: app.db)
        var people: [String: Int] = [:]
        for (name, unit, from, to) in [("Chuyển", tree.a1, "2020-01-01", "2024-03-01"), ("Chuyển", tree.b1, "2024-03-01", nil),
                                       ("Ở", tree.a1, "2020-01-01", nil), ("Rời", tree.b1, "2020-01-01", "2023-11-10"),
                                       ("Mới", tree.b1, "2024-06-01", nil), ("Sau", b2, "2024-04-01", nil)] {
            if let id = people[name] {
                try await Membership(personID: id, unitID: unit.id!, validFrom: day(from), validTo: to.map(day)).create(on: app.db)
                continue
            }
            let person = try await Fixtures.person(app, name, in: unit, since: day(from))
            people[name] = person.id!
            if let to {
                try await Membership.query(on: app.db).filter(\.$personID == person.id!).set(\.$validTo, to: day(to)).update()
            }
        }
        try await insertStudy(app, tree, people)
        try await insertPlans(app, tree, b2, people)
        return tree
    }

    /// Sessions with a topic: the province's on 5/12/2023 and B1's on 1/7/2024; A1's on 1/9/2024
    /// (after the period) and A1's without a topic on 1/2/2024 do not count.
    static func insertStudy(_ app: Application, _ tree: Fixtures.Tree, _ people: [String: Int]) async throws {
        let programme = try await Programme.query(on: app.db).filter(\.$documentNumber == "01-KL/TW").first()!.id!
        let topic = try await ProgrammesScopeTests.topic(app, programme: programme, unit: tree.root, kind: .annual, year: 2024,
                                                         endYear: 2024, title: "Chuyên đề")
        let sessions: [(OrgUnit, String, Bool, Int, [String])] = [
            (tree.root, "2023-12-05", true, 3, ["Chuyển", "Rời"]), (tree.b1, "2024-07-01", true, 7, ["Chuyển", "Mới"]),
            (tree.a1, "2024-09-01", true, 11, ["Ở"]), (tree.a1, "2024-02-01", false, 5, ["Ở"]),
        ]
        for (index, (unit, held, withTopic, guests, present)) in sessions.enumerated() {
            let session = StudySession()
            session.unitID = unit.id!
            session.topicID = withTopic ? topic.id : nil
            session.title = "Hội nghị \(index + 1)"
            session.heldOn = day(held)
            session.format = .inPerson
            session.mode = .plenary
            session.nonMemberCount = guests
            session.note = ""
            try await session.create(on: app.db)
            for name in present {
                try await Attendance(sessionID: session.id!, personID: people[name]!, status: .present).create(on: app.db)
            }
        }
    }

    /// Due dates: TU 15/3 each year, B 31/3/2024. Plans (cell, year, submitted on): Chuyển A1 2023
    /// 10/3 (on time), B1 2024 20/3 (B's date: on time); Ở A1 2024 20/3 (late); Rời B1 2023 1/4
    /// (late); Mới a draft; Sau B2 2024 10/4 (B2 was founded after both dates: none binds).
    static func insertPlans(_ app: Application, _ tree: Fixtures.Tree, _ b2: OrgUnit, _ people: [String: Int]) async throws {
        for (unit, year, due) in [(tree.root, 2023, "2023-03-15"), (tree.root, 2024, "2024-03-15"), (tree.b, 2024, "2024-03-31")] {
            let date = DueDate()
            date.unitID = unit.id!
            date.kind = .personalPlan
            date.year = year
            date.dueOn = day(due)
            date.note = ""
            try await date.create(on: app.db)
        }
        let plans: [(String, OrgUnit, Int, String?)] = [
            ("Chuyển", tree.a1, 2023, "2023-03-10"), ("Chuyển", tree.b1, 2024, "2024-03-20"), ("Ở", tree.a1, 2024, "2024-03-20"),
            ("Rời", tree.b1, 2023, "2023-04-01"), ("Mới", tree.b1, 2024, nil), ("Sau", b2, 2024, "2024-04-10"),
        ]
        for (name, unit, year, submitted) in plans {
            let plan = PersonalPlan()
            plan.personID = people[name]!
            plan.unitID = unit.id!
            plan.year = year
            plan.status = submitted == nil ? .draft : .submitted
            plan.commitment = "Cam kết"
            plan.exemplaryCommitment = ""
            plan.submittedOn = submitted.map(day)
            plan.selfAssessment = ""
            plan.assessmentComment = ""
            try await plan.create(on: app.db)
        }
    }

    @Test func expectedMembersCountOncePerColumn() async throws {
        try await withTestApp { app in
            // setup
            _ = try await Self.insert(app)

            // act
            let (branches, columns) = try await GroupedRollupUnitsTests.rootColumns(app, Self.period)

            // assert
            #expect(branches == ["A", "B"])
            func column(_ code: IndicatorCode) -> [[Int]] { columns.map { GroupedRollupUnitsTests.numbers($0, code) } }
            // II.2: present / members of the column's days, guests of its sessions. 2023: Chuyển, Ở
            // (Rời left before 15/11); 2024: Chuyển, Ở, Mới, Sau; A: Chuyển, Ở; B: Chuyển, Mới, Sau.
            #expect(column(.studyParticipation) == [[1, 2, 3, 0], [2, 4, 7, 0], [2, 4, 10, 0], [1, 2, 0, 0], [2, 3, 7, 0]])
            // II.3: TCCS whose subtree held a session with a topic / TCCS alive (B2 from April 2024).
            #expect(column(.grassrootsStudy) == [[0, 2], [1, 3], [1, 3], [0, 1], [1, 2]])
            // III.1: plans / member-years of whole years, on time / plans. 2023: Chuyển, Ở, Rời;
            // 2024: Chuyển, Ở, Mới, Sau; A: Chuyển and Ở both years; B: Rời 2023, Chuyển, Mới, Sau 2024.
            #expect(column(.personalPlans) == [[2, 3, 1, 2], [3, 4, 2, 3], [5, 7, 3, 5], [3, 4, 2, 3], [3, 4, 2, 3]])
        }
    }

    @Test func dueDatesByUnitAndYearEqualEachUnitsOwn() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Self.insert(app)
            struct Row: Decodable { let unit_id: Int; let year: Int; let due_on: String? }

            // act
            let rows = try await (app.db as! any SQLDatabase).raw(DueDates.byUnitYearSQL(.personalPlan, pairs: """
                SELECT u.id AS unit_id, y.year AS year FROM org_units u CROSS JOIN \
                (SELECT 2023 AS year UNION ALL SELECT 2024 AS year) y
                """)).all(decoding: Row.self)

            // assert
            #expect(rows.count == 6 * 2)
            for row in rows {
                let own = try await DueDates.due(.personalPlan, unit: row.unit_id, year: row.year, on: app.db)
                #expect(row.due_on.flatMap(LocalDate.init) == own, "\(row.unit_id) \(row.year)")
            }
            #expect(rows.first { $0.unit_id == tree.b1.id! && $0.year == 2024 }?.due_on == "2024-03-31")
            #expect(rows.first { $0.unit_id == tree.a1.id! && $0.year == 2024 }?.due_on == "2024-03-15")
        }
    }
}
