@testable import App
import Domain
import Fluent
import Foundation
import Testing
import SQLKit
import Vapor

/// III.5 against a hand count of this test's own sheets.
@Suite struct GradingIndicatorTests {
    @Test func distributionMatchesTheHandCount() async throws {
        try await withTestApp { app in
            // setup: A1 2024 submitted (4 grades), B1 2024 draft (not counted), B1 2023 submitted,
            // A's organisations' sheet grading A1, the Tỉnh ủy's grading A and B (2024)
            let world = try await GradingTestSupport.world(app, members: 4)
            let t = world.tree
            let m = world.members.map { $0.id! }
            let b1 = [try await Fixtures.person(app, "Người B Một", in: t.b1).id!, try await Fixtures.person(app, "Người B Hai", in: t.b1).id!]
            struct Sheet { let unit: OrgUnit; let year: Int; let subject: GradingSubject; let submitted: Bool; let grades: [(Int, GradingLevel)] }
            let sheets = [
                Sheet(unit: t.a1, year: 2024, subject: .member, submitted: true,
                      grades: [(m[0], .excellent), (m[1], .good), (m[2], .good), (m[3], .fulfilled)]),
                Sheet(unit: t.b1, year: 2024, subject: .member, submitted: false, grades: [(b1[0], .excellent), (b1[1], .excellent)]),
                Sheet(unit: t.b1, year: 2023, subject: .member, submitted: true, grades: [(b1[0], .good), (b1[1], .unfulfilled)]),
                Sheet(unit: t.a, year: 2024, subject: .organisation, submitted: true, grades: [(t.a1.id!, .excellent)]),
                Sheet(unit: t.root, year: 2024, subject: .organisation, submitted: true, grades: [(t.a.id!, .good), (t.b.id!, .fulfilled)]),
            ]
            for s in sheets {
                try await GradingTestSupport.sheet(app, unit: s.unit, year: s.year, subject: s.subject,
                                                   status: s.submitted ? .submitted : .draft, grades: s.grades)
            }
            let today = LocalDate.today()

            for (root, years) in [(t.root, 2024...2024), (t.a, 2024...2024), (t.root, 2023...2024), (t.b, 2023...2023)] {
                // act
                let period = try IndicatorPeriod(from: LocalDate.firstOf(year: years.lowerBound), to: LocalDate.lastOf(year: years.upperBound))
                let result = try await Indicators.compute(.gradings, IndicatorRollup(root: root.id!, period: period), on: app.db as! any SQLDatabase)[0]

                // assert: counted by hand from `sheets`
                let subtree = try await UnitClosureHelper.descendants(app, of: root.id!)
                let counted = sheets.filter { $0.submitted && years.contains($0.year) }
                let memberGrades: [GradingLevel] = counted.filter { $0.subject == .member && subtree.contains($0.unit.id!) }.flatMap { $0.grades }.map { $0.1 }
                let unitGrades: [GradingLevel] = counted.filter { $0.subject == .organisation }.flatMap { $0.grades }
                    .filter { subtree.contains($0.0) && $0.0 != root.id! }.map { $0.1 }
                let context = Comment(rawValue: "\(root.code) \(years)")
                #expect(result.value.numerator == memberGrades.count, context)
                let want: [Int] = GradingLevel.allCases.map { l in memberGrades.filter { $0 == l }.count }
                    + [unitGrades.count] + GradingLevel.allCases.map { l in unitGrades.filter { $0 == l }.count }
                #expect(result.parts.map(\.numerator) == want, context)
            }
            // and the hand count itself, on paper: the Tỉnh ủy in 2024 has 4 members and 3 organisations graded
            let period = IndicatorPeriod.year(2024, today: today)
            let tu = try await Indicators.compute(.gradings, IndicatorRollup(root: t.root.id!, period: period), on: app.db as! any SQLDatabase)[0]
            #expect(tu.value.numerator == 4 && tu.parts[4].numerator == 3)
        }
    }
}

/// The units under a root in today's tree, read from the closure table.
enum UnitClosureHelper {
    static func descendants(_ app: Application, of root: Int) async throws -> Set<Int> {
        struct Row: Decodable { let descendant_id: Int }
        return Set(try await (app.db as! any SQLDatabase).raw("SELECT descendant_id FROM unit_closure WHERE ancestor_id = \(bind: root)")
            .all(decoding: Row.self).map(\.descendant_id))
    }
}
