@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Due dates: set by a unit for the units below; those set above bind the account and are read-only.
@Suite struct DueDateTests {
    @Test func aUnitSetsItsOwnAndSeesTheOnesThatBindItFromAbove() async throws {
        try await withTestApp { app in
            // setup: the Tỉnh ủy set 2024 (year plans twice over the years) and B set one of its own
            let tree = try await UnitPlanTestSupport.world(app)
            let tu2024 = try await UnitPlanTestSupport.dueDate(app, unit: tree.root, .unitPlanYear, year: 2024, "2024-01-31", note: "Hạn của Tỉnh ủy")
            try await UnitPlanTestSupport.dueDate(app, unit: tree.root, .personalPlan, year: 2024, "2024-03-15")
            try await UnitPlanTestSupport.dueDate(app, unit: tree.b, .unitPlanYear, year: 2024, "2024-01-10", note: "Hạn riêng của B")
            var web = try await TestClient.login(app, "canbo.a")

            // act
            let created = try await web.post(SiteURL.dueDateNew.path, [
                "unit": "A", "kind": DueKind.unitPlanYear.rawValue, "year": "2024", "dueOn": "20/1/2024", "note": "Hạn của khối A"])
            let duplicate = try await web.post(SiteURL.dueDateNew.path, [
                "unit": "A", "kind": DueKind.unitPlanYear.rawValue, "year": "2024", "dueOn": "2024-01-25"])
            let farOff = try await web.post(SiteURL.dueDateNew.path, [
                "unit": "A", "kind": DueKind.personalPlan.rawValue, "year": "2024", "dueOn": "2027-03-15"])
            let editAbove = try await web.get(SiteURL.dueDateEdit(tu2024.id).path)
            let postAbove = try await web.post(SiteURL.dueDateEdit(tu2024.id).path, ["unit": "TU", "kind": "ke_hoach_nam", "year": "2024", "dueOn": "2024-02-28"])
            let own = try #require(try await DueDate.query(on: app.db).filter(\.$unitID == tree.a.id!).first())
            let edited = try await web.post(SiteURL.dueDateEdit(own.id).path, [
                "unit": "A", "kind": DueKind.unitPlanYear.rawValue, "year": "2024", "dueOn": "2024-01-22", "note": "Lùi hai ngày"])
            let list = try await web.get(SiteURL.dueDates.path)

            // assert
            #expect(created.status == .seeOther)
            #expect(duplicate.status == .unprocessableEntity)
            #expect(duplicate.body.string.contains("Năm: Đảng ủy Khối A đã đặt hạn nộp “Kế hoạch năm của tổ chức đảng cấp dưới” năm 2024 (ngày 20/1/2024)"))
            #expect(farOff.status == .unprocessableEntity && farOff.body.string.contains("id=\"e-dueOn\""))
            #expect(editAbove.status == .forbidden && postAbove.status == .forbidden)
            #expect(edited.status == .seeOther)
            let html = list.body.string
            #expect(html.contains("Hạn của Tỉnh ủy") && html.contains("Cấp trên đặt"))
            #expect(html.contains("Lùi hai ngày") && html.contains("22/1/2024"))
            #expect(!html.contains("Hạn riêng của B"))
            #expect(html.contains("href=\"\(SiteURL.dueDateEdit(own.id).path)\""))
            #expect(!html.contains("href=\"\(SiteURL.dueDateEdit(tu2024.id).path)\""))
            #expect(try await DueDate.find(tu2024.id, on: app.db)?.dueOn == LocalDate("2024-01-31"))
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.dueDate.rawValue).sort(\.$id).all()
            #expect(audit.map(\.action) == [Audit.Action.create, .update].map(\.rawValue))
            #expect(audit.last?.beforeJSON?.contains("2024-01-20") == true && audit.last?.afterJSON?.contains("2024-01-22") == true)
            // A's own date now binds A1's 2024 plan, the Tỉnh ủy's still binds A's own.
            #expect(try await DueDates.due(.unitPlanYear, unit: tree.a1.id!, year: 2024, on: app.db) == LocalDate("2024-01-22"))
            #expect(try await DueDates.due(.unitPlanYear, unit: tree.a.id!, year: 2024, on: app.db) == LocalDate("2024-01-31"))
        }
    }

    @Test func throughTheAPI() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await UnitPlanTestSupport.world(app)
            try await UnitPlanTestSupport.dueDate(app, unit: tree.root, .unitPlanYear, year: 2025, "2025-01-31")
            let officer = try await UnitPlanTestSupport.api(app, "canbo.a")
            let leader = try await UnitPlanTestSupport.api(app, "lanhdao.a")
            let member = try await Fixtures.token(app, for: try await Fixtures.user(
                app, "dangvien.a1", .member, person: try await Fixtures.person(app, "Nguyễn Văn Một", in: tree.a1)))
            let body = DueDateBody(unit: "A", kind: DueKind.personalPlan.rawValue, year: 2025, dueOn: "2025-03-10", note: "")

            // act
            let created = try await officer.send(.POST, "/due-dates", body)
            let again = try await officer.send(.POST, "/due-dates", body)
            let byLeader = try await leader.send(.POST, "/due-dates", body)
            let list = try await leader.get("/due-dates?year=2025")
            let byMember = try await member.get("/due-dates")

            // assert
            #expect(created.status == .created)
            #expect((try UnitPlanTestSupport.json(again.body.string)["error"] as? [String: Any])?["field"] as? String == "year")
            #expect(byLeader.status == .forbidden && byMember.status == .forbidden)
            let items = try UnitPlanTestSupport.json(list.body.string)["items"] as? [[String: Any]] ?? []
            #expect(items.count == 2)
            let fromAbove = Dictionary(uniqueKeysWithValues: items.map { ($0["unitCode"] as? String ?? "", $0["fromAbove"] as? Bool) })
            #expect(fromAbove == ["TU": true, "A": false])
            #expect(try await DueDate.query(on: app.db).count() == 2)
        }
    }
}
