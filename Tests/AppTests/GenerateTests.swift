@testable import App
import Domain
import Fluent
import SQLKit
import Testing
import Vapor

/// Issue 7 §1: the generator at demo scale — the same seed gives the same rows, the counts are the
/// profile's, the tree and its 2025 restructuring are there, and the rollup of the root agrees
/// with counts made here from plain SELECTs of the generated rows.
@Suite struct GenerateTests {
    static let profile = ScaleProfile.demo
    static let period = try! IndicatorPeriod(from: LocalDate("2021-01-01")!, to: LocalDate("2025-12-31")!)

    private func generate(_ app: Application, seed: UInt64 = 1, unitsOnly: Bool = false) async throws {
        _ = try await GenerateCommand.generate(profile: Self.profile, seed: seed, unitsOnly: unitsOnly, on: app.db) { _ in }
    }

    private func count(_ app: Application, _ sql: SQLQueryString) async throws -> Int {
        struct Row: Decodable { let n: Int }
        return try await (app.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM \(sql)").first(decoding: Row.self)!.n
    }

    /// The ordered rows of the main tables, as text.
    private func fingerprint(_ app: Application) async throws -> [String] {
        let sql = app.db as! any SQLDatabase
        struct Person: Decodable { let id: Int; let full_name: String; let birth_date: String; let party_joined_on: String }
        struct Meeting: Decodable { let unit_id: Int; let held_on: String; let kind: String; let present: Int; let included_programme_content: Bool }
        struct Attendance: Decodable { let session_id: Int; let person_id: Int; let status: String }
        struct Plan: Decodable { let person_id: Int; let year: Int; let status: String; let submitted_on: String? }
        struct Evaluation: Decodable { let sheet_id: Int; let person_id: Int?; let subject_unit_id: Int?; let level: String }
        struct Award: Decodable { let unit_id: Int; let person_id: Int?; let recipient_unit_id: Int?; let decided_on: String }
        func rows<T: Decodable>(_ query: SQLQueryString, _ type: T.Type) async throws -> String {
            "\(try await sql.raw(query).all(decoding: T.self))"
        }
        return [
            try await rows("SELECT id, full_name, birth_date, party_joined_on FROM people ORDER BY id", Person.self),
            try await rows("SELECT unit_id, held_on, kind, present, included_programme_content FROM cell_meetings ORDER BY unit_id, held_on, kind", Meeting.self),
            try await rows("SELECT session_id, person_id, status FROM attendances ORDER BY session_id, person_id", Attendance.self),
            try await rows("SELECT person_id, year, status, submitted_on FROM personal_plans ORDER BY person_id, year", Plan.self),
            try await rows("SELECT sheet_id, person_id, subject_unit_id, level FROM evaluations ORDER BY sheet_id, person_id, subject_unit_id", Evaluation.self),
            try await rows("SELECT unit_id, person_id, recipient_unit_id, decided_on FROM commendations ORDER BY unit_id, decision_number", Award.self),
        ]
    }

    @Test func theSameSeedGivesTheSameRowsAndAnotherSeedOthers() async throws {
        var prints: [[String]] = []
        for seed: UInt64 in [5, 5, 6] {
            try await withTestApp { app in
                try await generate(app, seed: seed)
                prints.append(try await fingerprint(app))
            }
        }
        #expect(prints[0] == prints[1])
        #expect(prints[0].allSatisfy { $0.count > 100 })
        for table in prints[0].indices { #expect(prints[0][table] != prints[2][table]) }
    }

    @Test func theCountsAreTheProfilesAndTheTreeIsIndexed() async throws {
        try await withTestApp { app in
            // act
            try await generate(app)

            // assert
            let p = Self.profile
            #expect(try await count(app, "org_units") == p.units)
            #expect(try await count(app, "org_units WHERE kind_code = 'TRUC_THUOC'") == p.branches)
            #expect(try await count(app, "org_units WHERE kind_code IN ('DB_CO_SO', 'CB_CO_SO')") == p.grassroots)
            #expect(try await count(app, "org_units WHERE kind_code IN ('CB_CO_SO', 'CB_TRUC_THUOC')") == p.cells)
            #expect(try await count(app, "people") == p.people)
            // Every unit stands under the root in today's closure (a dissolved one through its successor).
            let root = try await OrgUnit.query(on: app.db).filter(\.$code == "TU").first()!.requireID()
            #expect(try await count(app, "unit_closure WHERE ancestor_id = \(bind: root)") == p.units)
            // The restructuring: dissolved branches with successors, their TCCS moved on 2025-07-01.
            #expect(try await count(app, "org_units WHERE kind_code = 'TRUC_THUOC' AND dissolved_on = '2025-07-01' AND successor_id IS NOT NULL")
                == p.dissolvedBranches)
            #expect(try await count(app, """
                unit_parent_links l JOIN org_units u ON u.id = l.unit_id \
                WHERE u.kind_code IN ('DB_CO_SO', 'CB_CO_SO') AND l.valid_from = '2025-07-01'
                """) > 0)
            #expect(try await count(app, "memberships WHERE valid_from = '2025-07-01'") > 0)
            // Every record family is there.
            for table in ["cell_meetings", "attendances", "personal_plans", "evaluations", "commendations", "outreach_activities",
                          "unit_plans", "breakthrough_goals", "conduct_codes", "guidance_documents", "study_sessions",
                          "practice_models", "exemplars", "contests", "contest_entries", "due_dates", "topics"] {
                #expect(try await count(app, "\(ident: table)") > 0, "\(table)")
            }
        }
    }

    @Test func theRootsRollupEqualsCountsOfTheGeneratedRows() async throws {
        try await withTestApp { app in
            // setup
            try await generate(app)
            let root = try await OrgUnit.query(on: app.db).filter(\.$code == "TU").first()!
            let tree = ScaleTree(profile: Self.profile, seed: 1)

            // act
            let table = try await IndicatorTables.rollup(UnitRef(id: try root.requireID(), code: root.code, name: root.name),
                                                         Self.period, on: app.db)
            func figure(_ code: IndicatorCode) -> IndicatorFigure { table.total.first { $0.definition.code == code }!.value }

            // assert II.4: cell-months from the tree, meetings with content from the table
            let cellMonths = tree.cells.reduce(0) { sum, cell in
                sum + (2021...2025).reduce(0) { s, year in s + (1...12).filter { cell.exists(year: year, month: $0) }.count }
            }
            #expect(figure(.monthlyContent).denominator == cellMonths)
            #expect(figure(.monthlyContent).numerator
                == (try await count(app, "cell_meetings WHERE kind = 'thuong_ky' AND included_programme_content = \(bind: true)")))
            // III.1: members expected per year from the memberships, plans submitted from the table
            var expected = 0
            for year in 2021...2025 {
                expected += try await count(app, """
                    (SELECT DISTINCT person_id FROM memberships WHERE valid_from <= \(bind: "\(year)-12-31") \
                    AND (valid_to IS NULL OR valid_to > \(bind: "\(year)-01-01"))) m
                    """)
            }
            #expect(figure(.personalPlans).denominator == expected)
            #expect(figure(.personalPlans).numerator == (try await count(app, "personal_plans WHERE status = 'da_nop'")))
            // V.1: every commendation but praise
            #expect(figure(.commendations).numerator == (try await count(app, """
                commendations c JOIN commendation_forms f ON f.id = c.form_id WHERE f.name <> 'Biểu dương'
                """)))
            #expect(figure(.praise).numerator == (try await count(app, """
                commendations c JOIN commendation_forms f ON f.id = c.form_id WHERE f.name = 'Biểu dương'
                """)))
        }
    }

    @Test func unitsOnlyLeavesNoPeopleAndAFullDatabaseIsRefused() async throws {
        try await withTestApp { app in
            // act
            try await generate(app, unitsOnly: true)

            // assert
            #expect(try await count(app, "org_units") == Self.profile.units)
            #expect(try await count(app, "people") == 0)
            #expect(try await count(app, "cell_meetings") == 0)
            #expect(try await count(app, "users WHERE username IN ('quantri', 'tinhuy')") == 2)
            await #expect(throws: ValidationFailure.self) { try await generate(app) }
            // Rows given their ids leave the id sequences past them (PostgreSQL's setval): the next row gets the next id.
            try await (app.db as! any SQLDatabase).raw("""
                INSERT INTO topics (programme_id, unit_id, kind, year, end_year, title, title_folded, description) \
                SELECT p.id, 1, 'hang_nam', 2026, 2026, 'Chuyên đề 2026', 'chuyen de 2026', '' \
                FROM programmes p WHERE p.document_number = '01-KL/TW'
                """).run()
            #expect(try await count(app, "topics WHERE id = 7 AND year = 2026") == 1)
        }
    }
}
