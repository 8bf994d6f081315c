@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Breakthrough goals: registered in a plan whatever its review status, with dated progress notes
/// and a final result once finished.
@Suite struct UnitPlanGoalTests {
    @Test func aGoalInAnApprovedPlanWithNotesAndItsOutcome() async throws {
        try await withTestApp { app in
            // setup: A1's approved 2024 plan
            let tree = try await UnitPlanTestSupport.world(app)
            let plan = try await UnitPlanTestSupport.plan(app, unit: tree.a1, year: 2024, status: .approved, firstSubmitted: "2024-01-15")
            var web = try await TestClient.login(app, "bithu.a1")
            let goal = ["title": "Sửa 2 km đường làng", "expectedResult": "2 km đường bê tông", "deadline": "2024-11-30",
                        "status": GoalStatus.inProgress.rawValue]

            // act
            let created = try await web.post(SiteURL.goalNew(plan.id).path, goal)
            let id = try #require(UnitPlanTestSupport.redirectedID(created))
            let early = try await web.post(SiteURL.goalNote(id).path, ["onDate": "2024-05-10", "note": "Đã khảo sát tuyến đường."])
            let later = try await web.post(SiteURL.goalNote(id).path, ["onDate": "2024-09-02", "note": "Hoàn thành 1,2 km."])
            let future = try await web.post(SiteURL.goalNote(id).path, ["onDate": LocalDate.today().adding(days: 2).iso, "note": "Sẽ xong."])
            var done = goal
            done["status"] = GoalStatus.completed.rawValue
            let withoutResult = try await web.post(SiteURL.goalEdit(id).path, done)
            done["finalResult"] = "Hoàn thành 2,1 km, vượt kế hoạch."
            let finished = try await web.post(SiteURL.goalEdit(id).path, done)
            let page = try await web.get(SiteURL.goal(id).path)
            let planPage = try await web.get(SiteURL.unitPlan(plan.id).path)

            // assert
            #expect(created.status == .seeOther && early.status == .seeOther && later.status == .seeOther)
            #expect(future.status == .unprocessableEntity)
            #expect(future.body.string.contains("Ngày ghi tiến độ: không được sau ngày hôm nay."))
            #expect(future.body.string.contains(">Sẽ xong.</textarea>"))
            #expect(withoutResult.status == .unprocessableEntity)
            #expect(withoutResult.body.string.contains("Kết quả cuối cùng: chưa nhập; khi nội dung đột phá hoàn thành"))
            #expect(finished.status == .seeOther)
            let stored = try #require(try await BreakthroughGoal.find(id, on: app.db))
            #expect(stored.status == .completed && stored.finishedOn == .today() && stored.unitID == tree.a1.id)
            let html = page.body.string
            #expect(html.contains("Hoàn thành 2,1 km, vượt kế hoạch."))
            // notes latest first
            let first = try #require(html.range(of: "Hoàn thành 1,2 km."))
            let second = try #require(html.range(of: "Đã khảo sát tuyến đường."))
            #expect(first.lowerBound < second.lowerBound)
            #expect(planPage.body.string.contains(">Sửa 2 km đường làng</a>"))
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.breakthroughGoal.rawValue)
                .filter(\.$entityID == id).sort(\.$id).all()
            #expect(audit.map(\.action) == [Audit.Action.create, .update, .update, .update].map(\.rawValue))
            #expect(audit.last?.afterJSON?.contains("\"status\":\"hoan_thanh\"") == true)
            #expect(try await GoalProgressNote.query(on: app.db).filter(\.$goalID == id).count() == 2)
        }
    }

    @Test func readersSeeGoalsButOnlyWritersChangeThem() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await UnitPlanTestSupport.world(app)
            let plan = try await UnitPlanTestSupport.plan(app, unit: tree.a1, year: 2024, status: .submitted, firstSubmitted: "2024-01-15")
            let goal = try await UnitPlanTestSupport.goal(app, plan: plan)
            var leader = try await TestClient.login(app, "lanhdao.a")
            let officerB = try await UnitPlanTestSupport.api(app, "canbo.b")

            // act
            let page = try await leader.get(SiteURL.goal(goal.id).path)
            let note = try await leader.post(SiteURL.goalNote(goal.id).path, ["onDate": "2024-03-01", "note": "Ghi thử"])
            let newGoal = try await leader.get(SiteURL.goalNew(plan.id).path)
            let outside = try await officerB.get("/breakthrough-goals/\(goal.id!)")

            // assert
            #expect(page.status == .ok && !page.body.string.contains("goal-note-form"))
            #expect(note.status == .forbidden && newGoal.status == .forbidden)
            #expect(outside.status == .notFound)
            #expect(try await GoalProgressNote.query(on: app.db).count() == 0)
        }
    }

    @Test func goalsThroughTheAPI() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await UnitPlanTestSupport.world(app)
            let plan = try await UnitPlanTestSupport.plan(app, unit: tree.a, year: 2023, status: .approved, firstSubmitted: "2023-01-15")
            let api = try await UnitPlanTestSupport.api(app, "canbo.a")
            let document = try await ScopeWorld.openAPIDocument(app)
            let validator = SchemaValidator(document: document)
            let goalSchema: [String: Any] = ["$ref": "#/components/schemas/BreakthroughGoal"]

            // act
            let early = try await api.send(.POST, "/unit-plans/\(plan.id!)/goals", GoalBody(
                title: "Chuyển đổi số", expectedResult: "Sổ tay đảng viên điện tử", deadline: "2022-12-31"))
            let created = try await api.send(.POST, "/unit-plans/\(plan.id!)/goals", GoalBody(
                title: "Chuyển đổi số", expectedResult: "Sổ tay đảng viên điện tử", deadline: "2023-12-31"))
            let id = try #require(try UnitPlanTestSupport.json(created.body.string)["id"] as? Int)
            let noted = try await api.send(.POST, "/breakthrough-goals/\(id)/notes", GoalNoteBody(onDate: "2023-06-30", note: "Đạt 60%."))
            let closed = try await api.send(.PUT, "/breakthrough-goals/\(id)", GoalBody(
                title: "Chuyển đổi số", expectedResult: "Sổ tay đảng viên điện tử", deadline: "2023-12-31",
                status: GoalStatus.notCompleted.rawValue, finalResult: "Mới đạt 60% đảng viên sử dụng."))
            let list = try await api.get("/unit-plans/\(plan.id!)/goals")

            // assert
            #expect(early.status == .unprocessableEntity)
            #expect((try UnitPlanTestSupport.json(early.body.string)["error"] as? [String: Any])?["field"] as? String == "deadline")
            #expect(created.status == .created && noted.status == .created && closed.status == .ok)
            let body = try UnitPlanTestSupport.json(closed.body.string)
            #expect(body["status"] as? String == "chua_hoan_thanh" && body["finishedOn"] as? String == LocalDate.today().iso)
            #expect((body["notes"] as? [[String: Any]])?.first?["note"] as? String == "Đạt 60%.")
            for response in [created, noted, closed] {
                let value = try JSONDecoder().decode(AnyJSON.self, from: Data(response.body.string.utf8))
                #expect(validator.problems(value, against: goalSchema).isEmpty)
            }
            let items = try UnitPlanTestSupport.json(list.body.string)["items"] as? [[String: Any]]
            #expect(items?.count == 1 && (items?.first?["notes"] as? [Any])?.count == 1)
        }
    }
}
