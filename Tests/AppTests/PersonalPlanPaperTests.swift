@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The secretary fills a member's plan from paper: the day it was handed in decides "late".
@Suite struct PersonalPlanPaperTests {
    @Test func theSecretaryEntersAPaperPlanWithTheDayItWasHandedIn() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await PersonalPlanTestSupport.world(app)
            let member = try await Fixtures.person(app, "Nguyễn Văn Giấy", in: tree.a1)
            let outsider = try await Fixtures.person(app, "Lê Thị Bê", in: tree.b1)
            try await PersonalPlanTestSupport.due(app, unit: tree.root, year: 2025, on: "2025-03-15")
            try await PersonalPlanTestSupport.template(app, unit: tree.a1, year: 2025, items: ["Việc theo mẫu"], commitment: "Cam kết mẫu")
            var web = try await TestClient.login(app, "bithu.a1")
            var leader = try await TestClient.login(app, "lanhdao.a")
            let start = SiteURL.personPersonalPlan(member.id).with([("nam", "2025")])
            var fields = PersonalPlanTestSupport.form(["Việc theo mẫu", "Việc thêm"], commitment: "Cam kết mẫu", action: "nop")
            fields["submittedOn"] = "2025-03-20"

            // act
            let form = try await web.get(start)
            let byLeader = try await leader.post(start, fields)
            let future = try await web.post(start, fields.merging(["submittedOn": "2099-01-01"]) { _, new in new })
            let created = try await web.post(start, fields)
            let again = try await web.get(start)
            let outside = try await web.get(SiteURL.personPersonalPlan(outsider.id).with([("nam", "2025")]))

            // assert
            #expect(form.status == .ok)
            #expect(form.body.string.contains("value=\"Việc theo mẫu\"") && form.body.string.contains("name=\"submittedOn\""))
            #expect(byLeader.status == .forbidden)
            #expect(future.status == .unprocessableEntity && future.body.string.contains("Ngày nộp: không được sau ngày hôm nay."))
            #expect(created.status == .seeOther)
            let plan = try #require(try await PersonalPlanService.plan(person: member.id!, year: 2025, on: app.db))
            #expect(plan.status == .submitted && plan.submittedOn == LocalDate("2025-03-20") && plan.unitID == tree.a1.id!)
            #expect(try await PersonalPlanService.items(of: plan, on: app.db) == ["Việc theo mẫu", "Việc thêm"])
            #expect(try await PersonalPlanService.facts(plan, on: app.db).late)
            #expect(again.status == .seeOther && again.headers.first(name: .location) == SiteURL.personalPlanEdit(plan.id).path)
            #expect(outside.status == .notFound)
            #expect(try await PersonalPlanTestSupport.audit(app, plan: plan) == ["tao_moi"])
        }
    }
}
