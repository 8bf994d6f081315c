@testable import App
import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

/// The demo's personal plans: templates each year, most members' plans, some late, 2021–2024
/// assessed, 2025 waiting; the demo member can read 2025 and write 2026.
@Suite struct PersonalPlanDemoTests {
    @Test func theDemoProvincesPlans() async throws {
        try await withTestApp { app in
            // setup
            try await DemoLoader.loadIfEmpty(app: app)
            let sql = app.db as! any SQLDatabase
            struct Row: Decodable { let person_id: Int }

            // act
            let plans = try await PersonalPlan.query(on: app.db).all()
            let templates = try await PersonalPlanTemplate.query(on: app.db).all()
            var web = try await TestClient.login(app, "dangvien", password: DemoLoader.password)
            let mine2025 = try await web.get("\(SiteURL.myPlan.path)?nam=2025")
            let mine2026 = try await web.get("\(SiteURL.myPlan.path)?nam=2026")

            // assert
            #expect(Set(templates.map(\.year)) == Set(DemoPersonalPlans.years))
            for year in DemoPersonalPlans.years {
                let expected = Set(try await sql.raw(Expected.planMembersSQL(year: year)).all(decoding: Row.self).map(\.person_id))
                let written = plans.filter { $0.year == year }
                let share = Double(written.count) / Double(expected.count)
                #expect(Set(written.map(\.personID)).isSubset(of: expected), "\(year)")
                #expect((0.88...0.99).contains(share), "\(year): \(share)")
                let late = written.filter { $0.submittedOn! > DemoPersonalPlans.due(year) }.count
                #expect((0.05...0.3).contains(Double(late) / Double(written.count)), "\(year): \(late) late")
                let assessed = written.filter { $0.assessment != nil }
                if year <= 2024 {
                    #expect(assessed.count == written.count)
                    #expect(Double(assessed.filter { $0.assessment == .fulfilled }.count) / Double(assessed.count) > 0.8)
                } else {
                    #expect(assessed.isEmpty && written.allSatisfy { $0.status == .submitted })
                }
            }
            #expect(!plans.contains { $0.year > 2025 })
            #expect(mine2025.status == .ok && mine2025.body.string.contains("Đã nộp ngày"))
            #expect(mine2026.status == .ok && mine2026.body.string.contains(">Nộp kế hoạch<"))
        }
    }
}
