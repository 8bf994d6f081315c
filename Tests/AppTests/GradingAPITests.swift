@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// /api/v1 grading: regimes, open, the whole set of grades, submit refused then accepted, lists.
@Suite struct GradingAPITests {
    @Test func gradeASheetThroughTheAPI() async throws {
        try await withTestApp { app in
            // setup
            let world = try await GradingTestSupport.world(app, members: 6)
            let m = world.members
            let secretary = try await User.query(on: app.db).filter(\.$username == "bithu.a1").first()!
            let api = try await Fixtures.token(app, for: secretary)
            let officerB = try await Fixtures.token(app, for: try await User.query(on: app.db).filter(\.$username == "canbo.b").first()!)

            // act
            let regimes = try await api.get("/grading-regimes")
            let opened = try await api.send(.POST, "/grading-sheets", json: #"{"unit":"A1","year":2025,"subject":"dang_vien"}"#)
            let again = try await api.send(.POST, "/grading-sheets", json: #"{"unit":"A1","year":2025,"subject":"dang_vien"}"#)
            let noRegime = try await api.send(.POST, "/grading-sheets", json: #"{"unit":"A1","year":2040,"subject":"dang_vien"}"#)
            let id = try #require(try CommendationTestSupport.json(opened.body.string)["sheet"].flatMap { ($0 as? [String: Any])?["id"] as? Int })
            // two HTXSNV, three HTTNV, one HTNV: the cap (20% of 3 = 0) is broken
            func body(_ scores: [Double]) -> String {
                let rows = zip(m, scores).map { #"{"personId":\#($0.id!),"score":\#($1),"allTasksDone":true}"# }
                return #"{"outstanding":false,"evaluations":[\#(rows.joined(separator: ","))]}"#
            }
            let stray = try await api.send(.PUT, "/grading-sheets/\(id)/evaluations", json: #"{"evaluations":[{"personId":999999,"score":50}]}"#)
            let put = try await api.send(.PUT, "/grading-sheets/\(id)/evaluations", json: body([95, 91, 80, 75, 70, 60]))
            let putJSON = try CommendationTestSupport.json(put.body.string)
            let refused = try await api.send(.POST, "/grading-sheets/\(id)/submit", json: nil)
            let fixed = try await api.send(.PUT, "/grading-sheets/\(id)/evaluations", json: body([89.5, 91, 80, 75, 70, 72]))
            let submitted = try await api.send(.POST, "/grading-sheets/\(id)/submit", json: nil)
            let resubmitted = try await api.send(.POST, "/grading-sheets/\(id)/submit", json: nil)
            let list = try await api.get("/grading-sheets?unit=A1&year=2025")
            let outsider = try await officerB.get("/grading-sheets/\(id)")

            // assert
            #expect(regimes.status == .ok && regimes.body.string.contains("366-QĐ"))
            #expect(opened.status == .created)
            #expect(again.status == .conflict)
            #expect(noRegime.status == .unprocessableEntity && noRegime.body.string.contains("Năm 2040 chưa có quy định xếp loại"))
            #expect(put.status == .ok)
            let cap = putJSON["cap"] as? [String: Any]
            #expect(cap?["broken"] as? Bool == true && cap?["allowed"] as? Int == 0 && cap?["excellent"] as? Int == 2)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("Có 2 HTXSNV, vượt giới hạn 20% của 3 HTTNV (tối đa 0)."))
            #expect(fixed.status == .ok)
            #expect(submitted.status == .ok && submitted.body.string.contains(#""status":"da_nop""#))
            #expect(resubmitted.status == .conflict)
            #expect(stray.status == .unprocessableEntity && stray.body.string.contains("999999"))
            let total = try CommendationTestSupport.json(list.body.string)["total"] as? Int
            #expect(list.status == .ok && total == 1)
            #expect(outsider.status == .notFound)
            let levels = try await GradingTestSupport.evaluations(app, sheet: id).map(\.level)
            #expect(levels.filter { $0 == .excellent }.count == 1 && levels.filter { $0 == .good }.count == 5)
        }
    }
}
