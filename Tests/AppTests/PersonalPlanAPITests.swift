@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// /api/v1/personal-plans and /personal-plan-templates: a round trip by the cell, and a member's
/// token that reaches their own plan only.
@Suite struct PersonalPlanAPITests {
    @Test func theCellWritesReadsAndAssessesAPlan() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await PersonalPlanTestSupport.world(app)
            let member = try await Fixtures.person(app, "Nguyễn Văn Một", in: tree.a1)
            try await PersonalPlanTestSupport.due(app, unit: tree.a, year: 2025, on: "2025-03-15")
            let api = try await PersonalPlanTestSupport.api(app, "bithu.a1")
            let leader = try await PersonalPlanTestSupport.api(app, "lanhdao.a")
            let document = try await ScopeWorld.openAPIDocument(app)
            let validator = SchemaValidator(document: document)
            let planSchema: [String: Any] = ["$ref": "#/components/schemas/PersonalPlan"]

            // act
            let template = try await api.send(.PUT, "/personal-plan-templates", PlanTemplateBody(
                unit: "A1", year: 2025, items: ["Học chuyên đề", " "], commitment: "Cam kết mẫu"))
            let templates = try await api.get("/personal-plan-templates?unit=A1&year=2025")
            let created = try await api.send(.POST, "/personal-plans", PersonalPlanCreateBody(
                personId: member.id!, year: 2025, items: ["Việc một", "Việc hai"], commitment: "Tôi cam kết",
                submittedOn: "2025-03-20", status: "da_nop"))
            let id = try PersonalPlanTestSupport.json(created.body.string)["id"] as? Int ?? 0
            let twice = try await api.send(.POST, "/personal-plans", PersonalPlanCreateBody(personId: member.id!, year: 2025))
            let updated = try await api.send(.PUT, "/personal-plans/\(id)", PersonalPlanBody(items: ["Việc một đã sửa"]))
            let backToDraft = try await api.send(.PUT, "/personal-plans/\(id)", PersonalPlanBody(status: "du_thao"))
            let byLeader = try await leader.send(.PUT, "/personal-plans/\(id)/assessment", PlanAssessmentBody(assessment: "hoan_thanh"))
            let nullComment = try await api.send(.PUT, "/personal-plans/\(id)/assessment",
                                                 json: #"{"assessment": "hoan_thanh", "comment": null}"#)
            let assessed = try await api.send(.PUT, "/personal-plans/\(id)/assessment",
                                              PlanAssessmentBody(assessment: "hoan_thanh", comment: "Gương mẫu"))
            let fetched = try await api.get("/personal-plans/\(id)")
            let list = try await leader.get("/personal-plans?unit=A&year=2025&status=da_nop")
            let unknown = try await api.get("/personal-plans?unit=B1")

            // assert
            #expect(nullComment.status == .badRequest, "a null comment is not the documented string")
            #expect(template.status == .ok)
            #expect(try PersonalPlanTestSupport.json(template.body.string)["items"] as? [String] == ["Học chuyên đề"])
            #expect((try PersonalPlanTestSupport.json(templates.body.string)["total"] as? Int) == 1)
            #expect(created.status == .created)
            let c = try PersonalPlanTestSupport.json(created.body.string)
            #expect(c["status"] as? String == "da_nop" && c["submittedOn"] as? String == "2025-03-20")
            #expect(c["dueOn"] as? String == "2025-03-15" && c["late"] as? Bool == true && c["unitCode"] as? String == "A1")
            #expect(twice.status == .unprocessableEntity)
            #expect(try PersonalPlanTestSupport.json(twice.body.string)["error"].flatMap { ($0 as? [String: Any])?["field"] as? String } == "year")
            #expect(updated.status == .ok)
            #expect(try PersonalPlanTestSupport.json(updated.body.string)["items"] as? [String] == ["Việc một đã sửa"])
            #expect(try PersonalPlanTestSupport.json(updated.body.string)["commitment"] as? String == "Tôi cam kết", "left out: kept")
            #expect(backToDraft.status == .unprocessableEntity)
            #expect(byLeader.status == .forbidden)
            #expect(assessed.status == .ok)
            let f = try PersonalPlanTestSupport.json(fetched.body.string)
            #expect(f["assessment"] as? String == "hoan_thanh" && f["assessmentComment"] as? String == "Gương mẫu")
            #expect(f["assessedOn"] as? String == LocalDate.today().iso)
            let value = try JSONDecoder().decode(AnyJSON.self, from: Data(fetched.body.string.utf8))
            #expect(validator.problems(value, against: planSchema).isEmpty)
            let l = try PersonalPlanTestSupport.json(list.body.string)
            #expect(l["total"] as? Int == 1 && (l["items"] as? [[String: Any]])?.first?["id"] as? Int == id)
            #expect(unknown.status == .badRequest)
            let actions = try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.personalPlan.rawValue)
                .sort(\.$id).all().map(\.action)
            #expect(actions == ["tao_moi", "cap_nhat", "danh_gia"])
        }
    }

    @Test func aMembersTokenReachesTheirOwnPlanOnly() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await PersonalPlanTestSupport.world(app)
            let me = try await PersonalPlanTestSupport.member(app, "Nguyễn Văn Một", in: tree.a1, account: "dangvien")
            let other = try await Fixtures.person(app, "Trần Thị Hai", in: tree.a1)
            let theirs = try await PersonalPlanTestSupport.plan(app, other, unit: tree.a1, year: 2025, submittedOn: "2025-03-01",
                                                                items: ["Việc của người khác"])
            let api = try await PersonalPlanTestSupport.api(app, "dangvien")

            // act
            let othersPlan = try await api.get("/personal-plans/\(theirs.id!)")
            let changeOthers = try await api.send(.PUT, "/personal-plans/\(theirs.id!)", PersonalPlanBody(items: ["Chiếm"]))
            let forOther = try await api.send(.POST, "/personal-plans", PersonalPlanCreateBody(personId: other.id!, year: 2024))
            let paperDate = try await api.send(.POST, "/personal-plans", PersonalPlanCreateBody(
                personId: me.id!, year: 2025, items: ["Việc"], commitment: "Cam kết", submittedOn: "2025-01-01", status: "da_nop"))
            let own = try await api.send(.POST, "/personal-plans", PersonalPlanCreateBody(
                personId: me.id!, year: 2025, items: ["Việc của tôi"], commitment: "Cam kết", status: "da_nop"))
            let id = try PersonalPlanTestSupport.json(own.body.string)["id"] as? Int ?? 0
            let list = try await api.get("/personal-plans")
            let selfAssess = try await api.send(.PUT, "/personal-plans/\(id)/assessment", PlanAssessmentBody(assessment: "hoan_thanh"))
            let templates = try await api.get("/personal-plan-templates")
            let plan = try await PersonalPlan.find(id, on: app.db)!
            plan.assessment = .fulfilled
            try await plan.update(on: app.db)
            let afterAssessment = try await api.send(.PUT, "/personal-plans/\(id)", PersonalPlanBody(items: ["Sửa sau đánh giá"]))

            // assert
            #expect(othersPlan.status == .notFound && !othersPlan.body.string.contains("Việc của người khác"))
            #expect(changeOthers.status == .notFound)
            #expect(forOther.status == .unprocessableEntity)
            #expect(paperDate.status == .unprocessableEntity)
            #expect(own.status == .created)
            let l = try PersonalPlanTestSupport.json(list.body.string)
            #expect(l["total"] as? Int == 1 && (l["items"] as? [[String: Any]])?.first?["id"] as? Int == id)
            #expect(selfAssess.status == .forbidden)
            #expect(templates.status == .forbidden)
            #expect(afterAssessment.status == .forbidden)
            #expect(try await PersonalPlanService.items(of: theirs, on: app.db) == ["Việc của người khác"])
            #expect(try await PersonalPlanService.items(of: plan, on: app.db) == ["Việc của tôi"])
        }
    }
}
