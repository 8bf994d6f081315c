@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// What a plan form refuses, in Vietnamese beside the field, keeping what was typed; and user text
/// that comes out inert.
@Suite struct UnitPlanValidationTests {
    @Test func refusedPlansSaveNothingAndSayWhy() async throws {
        try await withTestApp { app in
            // setup: a chi bộ trực thuộc under A, whose plan is its committee's
            let tree = try await UnitPlanTestSupport.world(app)
            try await Fixtures.unit(app, "A2", "Chi bộ trực thuộc A2", kind: "CB_TRUC_THUOC", parent: tree.a,
                                    founded: LocalDate(year: 2020, month: 1, day: 1)!)
            try await TreeIndex.rebuild(on: app.db)
            let kl = try await UnitPlanTestSupport.programme(app).id!
            let ct = try await UnitPlanTestSupport.programme(app, "05-CT/TW").id!
            try await UnitPlanTestSupport.plan(app, unit: tree.a1, year: 2024)
            var web = try await TestClient.login(app, "canbo.a")
            let before = try await UnitPlan.query(on: app.db).count()
            func post(_ changes: [String: String], unit: String = "A1", programme: Int = kl, year: Int = 2023) async throws -> String {
                var form = UnitPlanTestSupport.form(unit: unit, programmeID: programme, year: year)
                form.merge(changes) { _, new in new }
                let response = try await web.post(SiteURL.unitPlanNew.path, form)
                #expect(response.status == .unprocessableEntity)
                return response.body.string
            }

            // act
            let cell = try await post([:], unit: "A2")
            let outside = try await post([:], unit: "B1")
            let programmeYears = try await post([:], programme: ct, year: 2023)
            let notAlive = try await post([:], programme: ct, year: 2019)
            let duplicate = try await post([:], year: 2024)
            let noTheme = try await post(["theme": "   ", "documentNumber": "12-kh/cb"])
            let termYear = try await post(["scope": PlanScope.term.rawValue, "year": "2023"])

            // assert
            #expect(cell.contains("Tổ chức đảng: “Chi bộ trực thuộc A2” là chi bộ trực thuộc"))
            #expect(outside.contains("Tổ chức đảng: không tìm thấy tổ chức đảng có mã “B1” trong phạm vi của bạn."))
            #expect(programmeYears.contains("Năm: 05-CT/TW áp dụng cho các năm 2016–2021."))
            #expect(notAlive.contains("Năm: Chi bộ A1 không tồn tại trong năm 2019"))
            #expect(duplicate.contains("Năm: Chi bộ A1 đã có kế hoạch năm 2024 theo 01-KL/TW"))
            #expect(noTheme.contains("id=\"e-theme\"") && noTheme.contains("Chủ đề năm: chưa nhập"))
            #expect(noTheme.contains("Số, ký hiệu kế hoạch: ký hiệu văn bản phải viết bằng chữ in hoa."))
            #expect(noTheme.contains("value=\"12-kh/cb\""), "what was typed is kept")
            #expect(termYear.contains("Năm: kế hoạch toàn khóa theo 01-KL/TW lấy năm đầu của chương trình (2021)."))
            #expect(try await UnitPlan.query(on: app.db).count() == before)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.unitPlan.rawValue).count() == 0)
        }
    }

    @Test func aTermPlanTakesTheProgrammesFirstYearAndTheAPINamesTheField() async throws {
        try await withTestApp { app in
            // setup
            _ = try await UnitPlanTestSupport.world(app)
            let api = try await UnitPlanTestSupport.api(app, "canbo.a")
            let kl = try await UnitPlanTestSupport.programme(app).id!

            // act
            let term = try await api.send(.POST, "/unit-plans", UnitPlanBody(
                unit: "A", programmeId: kl, scope: PlanScope.term.rawValue, theme: "Kế hoạch toàn khóa 2021 – 2025"))
            let missingTheme = try await api.send(.POST, "/unit-plans", UnitPlanBody(
                unit: "A", programmeId: kl, scope: PlanScope.year.rawValue, year: 2024))
            let unknownProgramme = try await api.send(.POST, "/unit-plans", UnitPlanBody(
                unit: "A", programmeId: 999, scope: PlanScope.year.rawValue, year: 2024, theme: "Chủ đề"))

            // assert
            #expect(term.status == .created)
            let plan = try UnitPlanTestSupport.json(term.body.string)["plan"] as? [String: Any]
            #expect(plan?["year"] as? Int == 2021 && plan?["status"] as? String == "du_thao")
            #expect(missingTheme.status == .unprocessableEntity)
            let error = try UnitPlanTestSupport.json(missingTheme.body.string)["error"] as? [String: Any]
            #expect(error?["field"] as? String == "theme")
            let other = try UnitPlanTestSupport.json(unknownProgramme.body.string)["error"] as? [String: Any]
            #expect(other?["field"] as? String == "programmeId" && other?["message"] as? String == "Chương trình: không tồn tại.")
        }
    }

    @Test func aPlanCannotBeSubmittedEmpty() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await UnitPlanTestSupport.world(app)
            let plan = try await UnitPlanTestSupport.plan(app, unit: tree.a1, year: 2024, content: "")
            var web = try await TestClient.login(app, "bithu.a1")

            // act
            let response = try await web.post(SiteURL.unitPlanAction(plan.id).path, ["action": "nop", "comment": "Nộp lần đầu"])

            // assert
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("Nội dung kế hoạch: chưa nhập"))
            #expect(response.body.string.contains(">Nộp lần đầu</textarea>"), "the comment is kept")
            #expect(try await UnitPlan.find(plan.id, on: app.db)?.status == .draft)
            #expect(try await UnitPlanEvent.query(on: app.db).count() == 0)
        }
    }

    @Test func scriptInAPlanRendersInert() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await UnitPlanTestSupport.world(app)
            let payload = #""><script>alert(1)</script>"#
            let plan = try await UnitPlanTestSupport.plan(app, unit: tree.a1, year: 2024, theme: payload, content: payload)
            let goal = try await UnitPlanTestSupport.goal(app, plan: plan, title: payload)
            try await UnitPlanTestSupport.dueDate(app, unit: tree.a, .unitPlanYear, year: 2024, "2024-01-20", note: payload)
            var web = try await TestClient.login(app, "canbo.a")
            var form = UnitPlanTestSupport.form(unit: "A1", programmeID: plan.programmeID, year: 2024, theme: payload)
            form["documentNumber"] = payload

            // act
            let pages = [
                try await web.get(SiteURL.unitPlan(plan.id).path),
                try await web.get(SiteURL.unitPlanEdit(plan.id).path),
                try await web.get(SiteURL.unitPlans.path),
                try await web.get(SiteURL.goal(goal.id).path),
                try await web.get(SiteURL.dueDates.path),
                try await web.post(SiteURL.unitPlanEdit(plan.id).path, form),
                try await web.post(SiteURL.unitPlanAction(plan.id).path, ["action": "nop", "comment": payload + String(repeating: "x", count: 2001)]),
            ]

            // assert
            for page in pages {
                #expect(!page.body.string.contains("<script>alert(1)"))
                #expect(page.body.string.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            }
            #expect(pages[5].status == .unprocessableEntity && pages[6].status == .unprocessableEntity)
        }
    }
}
