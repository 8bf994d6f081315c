@testable import App
import Domain
import Testing
import Vapor

/// The binding due date: the nearest setter above, and never a date before the unit existed.
@Suite struct DueDatesRuleTests {
    @Test func aUnitFoundedAfterADueDateIsBoundOnlyByALaterOne() async throws {
        try await withTestApp { app in
            // setup: TU sets 31/1/2024 for year plans and 15/3 for personal plans; N is founded under
            // A on 1/7/2024; A later sets 31/8/2024 for the units below it
            let tree = try await Fixtures.tree(app)
            let n = try await Fixtures.unit(app, "N", "Đảng bộ mới", kind: "DB_CO_SO", parent: tree.a, founded: LocalDate("2024-07-01")!)
            let n1 = try await Fixtures.unit(app, "N1", "Chi bộ mới", kind: "CB_TRUC_THUOC", parent: n, founded: LocalDate("2024-07-01")!)
            try await TreeIndex.rebuild(on: app.db)
            try await UnitPlanTestSupport.dueDate(app, unit: tree.root, .unitPlanYear, year: 2024, "2024-01-31")
            try await UnitPlanTestSupport.dueDate(app, unit: tree.root, .personalPlan, year: 2024, "2024-03-15")

            // act & assert: the province's January date binds the old units, not the new one
            #expect(try await DueDates.due(.unitPlanYear, unit: tree.a1.id!, year: 2024, on: app.db) == LocalDate("2024-01-31"))
            #expect(try await DueDates.due(.unitPlanYear, unit: n.id!, year: 2024, on: app.db) == nil)
            #expect(try await DueDates.due(.personalPlan, unit: n1.id!, year: 2024, on: app.db) == nil)
            #expect(try await DueDates.due(.personalPlan, unit: tree.a1.id!, year: 2024, on: app.db) == LocalDate("2024-03-15"))
            // The province does not bind itself; a unit's own year-plan date binds only those below.
            #expect(try await DueDates.due(.unitPlanYear, unit: tree.root.id!, year: 2024, on: app.db) == nil)

            try await UnitPlanTestSupport.dueDate(app, unit: tree.a, .unitPlanYear, year: 2024, "2024-08-31")
            #expect(try await DueDates.due(.unitPlanYear, unit: n.id!, year: 2024, on: app.db) == LocalDate("2024-08-31"))
            #expect(try await DueDates.due(.unitPlanYear, unit: tree.a.id!, year: 2024, on: app.db) == LocalDate("2024-01-31"))
        }
    }
}
