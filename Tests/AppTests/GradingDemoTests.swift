@testable import App
import Domain
import Fluent
import SQLKit
import Testing
import Vapor

/// The demo's gradings: every sheet submitted within the cap, X-DL-01's 2025 sheet left to open,
/// and enough HTXSNV streaks for the suggestion rules to find people and cells.
@Suite struct GradingDemoTests {
    @Test func demoGradingsKeepTheCapAndHaveStreaks() async throws {
        try await withTestApp { app in
            // setup
            try await DemoLoader.loadIfEmpty(app: app)
            let sql = app.db as! any SQLDatabase
            let sheets = try await GradingSheet.query(on: app.db).all()
            let xdl01 = try await OrgUnit.query(on: app.db).filter(\.$code == "X-DL-01").first()!

            // act
            var broken: [Int] = []
            for sheet in sheets {
                let detail = try await GradingService.detail(sheet, on: app.db)
                if detail.cap?.isBroken == true || !detail.ungraded.isEmpty { broken.append(sheet.id!) }
            }
            struct Streak: Decodable { let id: Int }
            let people = try await sql.raw("""
                SELECT person_id AS id FROM evaluations WHERE subject = 'dang_vien' AND level = 'htxsnv' \
                AND year BETWEEN 2021 AND 2025 GROUP BY person_id HAVING COUNT(DISTINCT year) = 5
                """).all(decoding: Streak.self)
            let units = try await sql.raw("""
                SELECT subject_unit_id AS id FROM evaluations WHERE subject = 'to_chuc' AND level = 'htxsnv' \
                AND year BETWEEN 2021 AND 2025 GROUP BY subject_unit_id HAVING COUNT(DISTINCT year) = 5
                """).all(decoding: Streak.self)

            // assert
            #expect(sheets.allSatisfy { $0.status == .submitted })
            #expect(Set(sheets.map(\.year)) == Set(2021...2025))
            #expect(!sheets.contains { $0.unitID == xdl01.id && $0.year == 2025 && $0.subject == .member })
            #expect(sheets.contains { $0.unitID == xdl01.id && $0.year == 2024 && $0.subject == .member })
            #expect(broken.isEmpty, "sheets over the cap or incomplete: \(broken)")
            #expect(people.count >= 5, "members HTXSNV five years running: \(people.count)")
            #expect(units.count >= 1, "units HTXSNV five years running: \(units.count)")
            let scored = try await Evaluation.query(on: app.db).filter(\.$year == 2025).all()
            #expect(!scored.isEmpty && scored.allSatisfy { $0.score != nil })
        }
    }
}
