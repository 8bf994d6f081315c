@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor

/// What the API fuzzer found: answers the document did not list, bodies it did not describe.
@Suite struct APIContractTests {
    /// A plan's state can refuse a change: the document says so wherever the API answers 409.
    @Test func operationsRefusedByARecordsStateDocument409() async throws {
        try await withTestApp { app in
            // act
            let document = try await ScopeWorld.openAPIDocument(app)
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            func responses(_ path: String, _ method: String) -> [String: Any] {
                ((paths[path]?[method] as? [String: Any])?["responses"] as? [String: Any]) ?? [:]
            }

            // assert
            #expect(responses("/unit-plans/{id}", "put")["409"] != nil)
            #expect(responses("/unit-plans/{id}/actions", "post")["409"] != nil)
            #expect(responses("/units/{id}/move", "post")["409"] != nil)
            #expect(responses("/unit-plans", "post")["409"] == nil)
            // A goal's status may be sent as null (it is then "đang thực hiện"); a goal read back always has one.
            let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
            func statusEnum(_ name: String) -> [Any]? {
                (((schemas[name] as? [String: Any])?["properties"] as? [String: Any])?["status"] as? [String: Any])?["enum"] as? [Any]
            }
            #expect(statusEnum("BreakthroughGoalInput")?.contains { $0 is NSNull } == true)
            #expect(statusEnum("BreakthroughGoal")?.contains { $0 is NSNull } == false)
        }
    }

    /// An assessment body must name the assessment (null clears it); a body without it is refused
    /// and changes nothing.
    @Test func anAssessmentWithoutTheAssessmentIsRefused() async throws {
        try await withTestApp { app in
            // setup: a submitted 2024 plan of A1, assessed fulfilled
            let tree = try await PersonalPlanTestSupport.world(app)
            let member = try await Fixtures.person(app, "Đỗ Thị Được Đánh Giá", in: tree.a1)
            let plan = try await PersonalPlanTestSupport.plan(app, member, unit: tree.a1, year: 2024, submittedOn: "2024-03-01", assessment: .fulfilled)
            let api = try await PersonalPlanTestSupport.api(app, "bithu.a1")

            // act
            let missing = try await api.send(.PUT, "/personal-plans/\(plan.id!)/assessment", json: #"{"comment": "Tốt"}"#)
            let cleared = try await api.send(.PUT, "/personal-plans/\(plan.id!)/assessment", json: #"{"assessment": null}"#)

            // assert
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.string.contains("\"field\":\"assessment\""))
            #expect(cleared.status == .ok)
            let stored = try #require(try await PersonalPlan.find(plan.id, on: app.db))
            #expect(stored.assessment == nil)
        }
    }
}
