@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// A plan's review through the web forms: the unit submits, the level above returns it with a
/// comment and approves the revised plan; nobody reviews their own unit's plan.
@Suite struct UnitPlanWorkflowTests {
    @Test func submitReturnResubmitApproveThroughTheForms() async throws {
        try await withTestApp { app in
            // setup: the Tỉnh ủy's officer sets this year's due date three days ago, through the form
            let tree = try await UnitPlanTestSupport.world(app)
            let today = LocalDate.today()
            let year = today.year
            var tu = try await TestClient.login(app, "canbo.tu")
            let setDue = try await tu.post(SiteURL.dueDateNew.path, [
                "unit": "TU", "kind": DueKind.unitPlanYear.rawValue, "year": String(year), "dueOn": today.adding(days: -3).iso])
            var secretary = try await TestClient.login(app, "bithu.a1")
            var officerA = try await TestClient.login(app, "canbo.a")
            var leaderA = try await TestClient.login(app, "lanhdao.a")
            var officerB = try await TestClient.login(app, "canbo.b")
            let programme = try await UnitPlanTestSupport.programme(app)
            let created = try await secretary.post(SiteURL.unitPlanNew.path,
                                                   UnitPlanTestSupport.form(unit: "A1", programmeID: programme.id!, year: year))
            let id = try #require(UnitPlanTestSupport.redirectedID(created))
            let action = SiteURL.unitPlanAction(id).path

            // act: the cell submits; the cell, a leader and another bloc's officer try to approve
            let submitted = try await secretary.post(action, ["action": "nop"])
            let selfReview = try await secretary.post(action, ["action": "duyet"])
            let leaderReview = try await leaderA.post(action, ["action": "duyet"])
            let outsider = try await officerB.post(action, ["action": "duyet"])
            let outsiderPage = try await officerB.get(SiteURL.unitPlan(id).path)
            let awaiting = try await officerA.get(SiteURL.unitPlans.path)
            // the level above returns it, first without saying why
            let silentReturn = try await officerA.post(action, ["action": "tra_lai", "comment": "  "])
            let returned = try await officerA.post(action, ["action": "tra_lai", "comment": "Kế hoạch còn chung chung, chưa có việc làm cụ thể."])
            let editAfterReturn = try await secretary.post(SiteURL.unitPlanEdit(id).path, UnitPlanTestSupport.form(
                unit: "A1", programmeID: programme.id!, year: year, content: "1. Học tập chuyên đề.\n2. Sửa đường làng 2 km."))
            let resubmitted = try await secretary.post(action, ["action": "nop", "comment": "Đã bổ sung việc làm cụ thể."])
            let approved = try await officerA.post(action, ["action": "duyet"])
            let editAfterApproval = try await secretary.get(SiteURL.unitPlanEdit(id).path)
            let page = try await officerA.get(SiteURL.unitPlan(id).path)
            let list = try await officerA.get(SiteURL.unitPlans.with([("nam", String(year))]))

            // assert: each step's answer
            #expect(setDue.status == .seeOther)
            #expect(created.status == .seeOther)
            #expect(submitted.status == .seeOther)
            #expect(selfReview.status == .forbidden)
            #expect(selfReview.body.string.contains("Kế hoạch của đơn vị mình không tự duyệt được"))
            #expect(leaderReview.status == .forbidden)
            #expect(outsider.status == .notFound && outsiderPage.status == .notFound)
            #expect(awaiting.body.string.contains("Chờ bạn duyệt (1)"))
            #expect(UnitPlanTestSupport.row(awaiting.body.string, plan: id)?.contains("Đã nộp, chờ duyệt") == true)
            #expect(silentReturn.status == .unprocessableEntity)
            #expect(silentReturn.body.string.contains("Ý kiến: khi trả lại phải ghi rõ lý do"))
            #expect(returned.status == .seeOther && editAfterReturn.status == .seeOther)
            #expect(resubmitted.status == .seeOther && approved.status == .seeOther)
            #expect(editAfterApproval.status == .conflict)

            // assert: the plan's dates — late is measured by the first submission, three days after the due date
            let plan = try #require(try await UnitPlan.find(id, on: app.db))
            #expect(plan.status == .approved && plan.unitID == tree.a1.id)
            #expect(plan.firstSubmittedOn == today && plan.submittedOn == today && plan.approvedOn == today)
            #expect(plan.content.contains("Sửa đường làng 2 km"))
            let html = page.body.string
            #expect(html.contains("Nộp trễ 3 ngày"))
            #expect(UnitPlanTestSupport.row(list.body.string, plan: id)?.contains("Nộp trễ 3 ngày") == true)
            #expect(!list.body.string.contains("Chờ bạn duyệt"))

            // assert: the history, one event per step, with who and why
            let events = try await UnitPlanEvent.query(on: app.db).filter(\.$planID == id).sort(\.$id).all()
            #expect(events.map(\.action) == [.submit, .returnForRevision, .submit, .approve])
            #expect(events.map(\.username) == ["bithu.a1", "canbo.a", "bithu.a1", "canbo.a"])
            #expect(events[1].comment == "Kế hoạch còn chung chung, chưa có việc làm cụ thể.")
            #expect(html.contains("Kế hoạch còn chung chung, chưa có việc làm cụ thể.") && html.contains("Đã bổ sung việc làm cụ thể."))

            // assert: every change audited, in order, the steps with before and after
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.unitPlan.rawValue)
                .filter(\.$entityID == id).sort(\.$id).all()
            #expect(audit.map(\.action) == [Audit.Action.create, .submit, .returnForRevision, .update, .submit, .approve].map(\.rawValue))
            #expect(audit[2].beforeJSON?.contains("\"status\":\"da_nop\"") == true)
            #expect(audit[2].afterJSON?.contains("\"status\":\"tra_lai\"") == true)
            #expect(audit[2].summary.contains("còn chung chung"))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.dueDate.rawValue).count() == 1)
        }
    }

    @Test func aUnitsOwnOfficerDoesNotReviewItsPlanButTheLevelAboveDoes() async throws {
        try await withTestApp { app in
            // setup: A's plan, submitted; A's officer and the Tỉnh ủy's officer
            let tree = try await UnitPlanTestSupport.world(app)
            let plan = try await UnitPlanTestSupport.plan(app, unit: tree.a, year: 2024, status: .submitted, firstSubmitted: "2024-01-10")
            let officerA = try await UnitPlanTestSupport.api(app, "canbo.a")
            let officerTU = try await UnitPlanTestSupport.api(app, "canbo.tu")

            // act
            let own = try await officerA.send(.POST, "/unit-plans/\(plan.id!)/actions", UnitPlanActionBody(action: "duyet"))
            let pageOfOwn = try await officerA.get("/unit-plans/\(plan.id!)")
            let above = try await officerTU.send(.POST, "/unit-plans/\(plan.id!)/actions", UnitPlanActionBody(action: "duyet"))
            let twice = try await officerTU.send(.POST, "/unit-plans/\(plan.id!)/actions", UnitPlanActionBody(action: "duyet"))

            // assert
            #expect(own.status == .forbidden)
            #expect(try UnitPlanTestSupport.json(pageOfOwn.body.string)["allowedActions"] as? [String] == [])
            #expect(above.status == .ok)
            #expect((try UnitPlanTestSupport.json(above.body.string)["plan"] as? [String: Any])?["status"] as? String == "da_duyet")
            #expect(twice.status == .conflict)
            #expect(try await UnitPlanEvent.query(on: app.db).count() == 1)
        }
    }

    @Test func lateFollowsTheNearestDueDateAbove() async throws {
        try await withTestApp { app in
            // setup: the Tỉnh ủy sets 31/1/2024, A sets 20/1/2024 for its own units
            let tree = try await UnitPlanTestSupport.world(app)
            try await UnitPlanTestSupport.dueDate(app, unit: tree.root, .unitPlanYear, year: 2024, "2024-01-31")
            try await UnitPlanTestSupport.dueDate(app, unit: tree.a, .unitPlanYear, year: 2024, "2024-01-20")
            try await UnitPlanTestSupport.dueDate(app, unit: tree.root, .unitPlanTerm, year: 2021, "2021-09-30")
            let a1 = try await UnitPlanTestSupport.plan(app, unit: tree.a1, year: 2024, status: .submitted, firstSubmitted: "2024-01-25")
            let a = try await UnitPlanTestSupport.plan(app, unit: tree.a, year: 2024, status: .approved, firstSubmitted: "2024-01-25")
            let b1 = try await UnitPlanTestSupport.plan(app, unit: tree.b1, year: 2024)
            let term = try await UnitPlanTestSupport.plan(app, unit: tree.b, year: 2021, scope: .term, status: .submitted,
                                                          firstSubmitted: "2021-09-30")
            let api = try await UnitPlanTestSupport.api(app, "canbo.tu")

            // act
            let response = try await api.get("/unit-plans?perPage=10")

            // assert
            let items = try UnitPlanTestSupport.json(response.body.string)["items"] as? [[String: Any]] ?? []
            func item(_ plan: UnitPlan) -> [String: Any]? { items.first { $0["id"] as? Int == plan.id } }
            #expect(items.count == 4)
            #expect(item(a1)?["dueOn"] as? String == "2024-01-20")
            #expect(item(a1)?["timeliness"] as? String == "late" && item(a1)?["daysLate"] as? Int == 5)
            #expect(item(a)?["dueOn"] as? String == "2024-01-31" && item(a)?["timeliness"] as? String == "on_time")
            let overdue = LocalDate("2024-01-31")!.days(until: .today())
            #expect(item(b1)?["timeliness"] as? String == "overdue" && item(b1)?["daysLate"] as? Int == overdue)
            #expect(item(term)?["dueOn"] as? String == "2021-09-30" && item(term)?["timeliness"] as? String == "on_time")
            var web = try await TestClient.login(app, "canbo.tu")
            let html = try await web.get(SiteURL.unitPlans.path).body.string
            #expect(UnitPlanTestSupport.row(html, plan: a1.id!)?.contains("Nộp trễ 5 ngày") == true)
            #expect(UnitPlanTestSupport.row(html, plan: b1.id!)?.contains("Quá hạn \(VietnameseFormat.number(overdue)) ngày") == true)
            #expect(UnitPlanTestSupport.row(html, plan: a.id!)?.contains("Đúng hạn") == true)
        }
    }
}
