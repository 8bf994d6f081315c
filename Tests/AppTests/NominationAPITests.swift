@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// /api/v1/nominations: create, climb and decide through the API, each answer matching its schema.
@Suite struct NominationAPITests {
    @Test func climbAndDecideThroughTheAPI() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            let person = try await Fixtures.person(app, "Lê Văn Gương Mẫu", in: tree.a1)
            let outsider = try await Fixtures.person(app, "Phạm Thị Bên Ngoài", in: tree.b1)
            let cell = try await Fixtures.token(app, for: try await Fixtures.user(app, "bithu.a1", .cellSecretary, unit: tree.a1))
            let unitA = try await Fixtures.token(app, for: try await Fixtures.user(app, "canbo.a", .officer, unit: tree.a))
            let province = try await Fixtures.token(app, for: try await Fixtures.user(app, "canbo.tu", .officer, unit: tree.root))
            let officerB = try await Fixtures.token(app, for: try await Fixtures.user(app, "canbo.b", .officer, unit: tree.b))
            let form = try await CommendationTestSupport.formID(app, "Giấy khen")
            let issuer = try await CommendationTestSupport.issuerID(app, "Đảng ủy cơ sở")
            let validator = SchemaValidator(document: try await ScopeWorld.openAPIDocument(app))
            let detail: [String: Any] = ["$ref": "#/components/schemas/NominationDetail"]
            let papers = NominationTestSupport.papers.map { NominationPaperDTO(kind: $0.0.rawValue, description: $0.1) }
            var body = NominationBody(
                unit: "A1", title: "Đề nghị qua API", fromYear: 2025, toYear: nil, event: "Tổng kết năm 2025",
                candidates: [
                    NominationCandidateBody(kind: "ca_nhan", personId: outsider.id, achievements: "Xuất sắc", formId: form),
                ], papers: papers)

            // act
            let outside = try await cell.send(.POST, "/nominations", body)
            body.candidates = [
                NominationCandidateBody(kind: "ca_nhan", personId: person.id, achievements: "Xuất sắc", formId: form),
                NominationCandidateBody(kind: "don_vi", unitId: tree.a1.id, achievements: "Trong sạch, vững mạnh", formId: form),
            ]
            let created = try await cell.send(.POST, "/nominations", body)
            let json = try CommendationTestSupport.json(created.body.string)
            let id = try #require((json["nomination"] as? [String: Any])?["id"] as? Int)
            let candidates = (json["candidates"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
            let submitted = try await cell.send(.POST, "/nominations/\(id)/actions", NominationActionBody(action: "gui_de_nghi"))
            let again = try await cell.send(.POST, "/nominations/\(id)/actions", NominationActionBody(action: "gui_de_nghi"))
            let silent = try await unitA.send(.POST, "/nominations/\(id)/actions", NominationActionBody(action: "tra_lai"))
            let hidden = try await officerB.get("/nominations/\(id)")
            let forwarded = try await unitA.send(.POST, "/nominations/\(id)/actions", NominationActionBody(action: "chuyen_len"))
            let waiting = try await province.get("/nominations?awaitingMine=true&status=cho_xem_xet&year=2025")
            let decided = try await province.send(.POST, "/nominations/\(id)/actions", NominationActionBody(
                action: "quyet_dinh", issuerId: issuer, decisionNumber: "20-QĐ/TU", decidedOn: LocalDate.today().iso,
                candidates: candidates.map { NominationVerdictBody(id: $0, accepted: true, formId: nil) }))
            let fetched = try await cell.get("/nominations/\(id)")
            let bList = try await officerB.get("/nominations")

            // assert
            #expect(outside.status == .unprocessableEntity)
            #expect((try CommendationTestSupport.json(outside.body.string)["error"] as? [String: Any])?["field"] as? String
                    == "candidates[0].personId")
            #expect(created.status == .created && submitted.status == .ok && forwarded.status == .ok && decided.status == .ok)
            #expect(again.status == .conflict && silent.status == .unprocessableEntity && hidden.status == .notFound)
            for response in [created, submitted, forwarded, decided, fetched] {
                let value = try JSONDecoder().decode(AnyJSON.self, from: Data(response.body.string.utf8))
                #expect(validator.problems(value, against: detail).isEmpty, "\(response.body.string.prefix(300))")
            }
            let list = try CommendationTestSupport.json(waiting.body.string)
            #expect(list["total"] as? Int == 1)
            #expect(try CommendationTestSupport.json(bList.body.string)["total"] as? Int == 0)
            let final = try CommendationTestSupport.json(fetched.body.string)
            #expect((final["nomination"] as? [String: Any])?["status"] as? String == "da_quyet_dinh")
            #expect((final["events"] as? [[String: Any]])?.compactMap { $0["action"] as? String } == ["gui_de_nghi", "chuyen_len", "quyet_dinh"])
            #expect((final["papers"] as? [Any])?.count == 3)
            let made = try await Commendation.query(on: app.db).filter(\.$nominationID == id).count()
            #expect(made == 2)
        }
    }
}
