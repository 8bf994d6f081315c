@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// /api/v1/unit-plans: a plan's life through the API, each answer matching its documented schema.
@Suite struct UnitPlanAPITests {
    @Test func roundTrip() async throws {
        try await withTestApp { app in
            // setup
            _ = try await UnitPlanTestSupport.world(app)
            let secretary = try await UnitPlanTestSupport.api(app, "bithu.a1")
            let officer = try await UnitPlanTestSupport.api(app, "canbo.a")
            let kl = try await UnitPlanTestSupport.programme(app).id!
            let document = try await ScopeWorld.openAPIDocument(app)
            let validator = SchemaValidator(document: document)
            let detail: [String: Any] = ["$ref": "#/components/schemas/UnitPlanDetail"]
            var body = UnitPlanBody(unit: "A1", programmeId: kl, scope: PlanScope.year.rawValue, year: 2024,
                                    theme: "Gần dân, trọng dân", content: "Bản đầu", documentNumber: "05-KH/CB")

            // act
            let created = try await secretary.send(.POST, "/unit-plans", body)
            let id = try #require((try UnitPlanTestSupport.json(created.body.string)["plan"] as? [String: Any])?["id"] as? Int)
            body.content = "Bản đã sửa: 1. Học tập chuyên đề. 2. Sửa đường."
            let updated = try await secretary.send(.PUT, "/unit-plans/\(id)", body)
            let submitted = try await secretary.send(.POST, "/unit-plans/\(id)/actions", UnitPlanActionBody(action: "nop"))
            let lockedEdit = try await secretary.send(.PUT, "/unit-plans/\(id)", body)
            let silent = try await officer.send(.POST, "/unit-plans/\(id)/actions", UnitPlanActionBody(action: "tra_lai"))
            let unknown = try await officer.send(.POST, "/unit-plans/\(id)/actions", UnitPlanActionBody(action: "xoa"))
            let returned = try await officer.send(.POST, "/unit-plans/\(id)/actions",
                                                  UnitPlanActionBody(action: "tra_lai", comment: "Còn chung chung."))
            let fetched = try await officer.get("/unit-plans/\(id)")
            let filtered = try await officer.get("/unit-plans?unit=A&year=2024&scope=nam&status=tra_lai")
            let none = try await officer.get("/unit-plans?status=da_duyet")
            let badUnit = try await officer.get("/unit-plans?unit=B")
            let badStatus = try await officer.get("/unit-plans?status=xong")

            // assert
            #expect(created.status == .created && updated.status == .ok && submitted.status == .ok)
            #expect(lockedEdit.status == .conflict)
            #expect(silent.status == .unprocessableEntity)
            #expect((try UnitPlanTestSupport.json(silent.body.string)["error"] as? [String: Any])?["field"] as? String == "comment")
            #expect(unknown.status == .unprocessableEntity)
            #expect(returned.status == .ok)
            for response in [created, updated, submitted, returned, fetched] {
                let value = try JSONDecoder().decode(AnyJSON.self, from: Data(response.body.string.utf8))
                #expect(validator.problems(value, against: detail).isEmpty, "\(response.body.string.prefix(200))")
            }
            let json = try UnitPlanTestSupport.json(fetched.body.string)
            let plan = try #require(json["plan"] as? [String: Any])
            #expect(plan["status"] as? String == "tra_lai" && plan["content"] as? String == body.content)
            #expect(plan["firstSubmittedOn"] as? String == LocalDate.today().iso && plan["unitCode"] as? String == "A1")
            #expect(plan["timeliness"] as? String == "no_due_date")
            let events = json["events"] as? [[String: Any]] ?? []
            let actions = events.compactMap { $0["action"] as? String }
            #expect(actions == ["nop", "tra_lai"])
            #expect(events.last?["comment"] as? String == "Còn chung chung." && events.last?["username"] as? String == "canbo.a")
            #expect(json["allowedActions"] as? [String] == ["nop"], "the officer above may resubmit for the unit")
            #expect(try UnitPlanTestSupport.json(filtered.body.string)["total"] as? Int == 1)
            #expect(try UnitPlanTestSupport.json(none.body.string)["total"] as? Int == 0)
            #expect(badUnit.status == .badRequest && badStatus.status == .badRequest)
        }
    }
}
