@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Who reads and writes reviews, on the pages and in the API, and the API's documented shapes.
@Suite struct ReviewAccessTests {
    @Test func scopeAndRoles() async throws {
        try await withTestApp { app in
            // setup
            let ids = try await ReviewTestSupport.world(app)
            var tu = try await TestClient.login(app, "canbo.tu")
            let ofB = try await ReviewTestSupport.create(&tu, app, ReviewTestSupport.year2024.merging(["unit": "B"]) { $1 })
            var officerA = try await TestClient.login(app, "canbo.a")
            var leader = try await TestClient.login(app, "lanhdao.tu")
            var member = try await TestClient.login(app, "dangvien.a1")
            let apiA = try await ReviewTestSupport.api(app, "canbo.a")
            let apiLeader = try await ReviewTestSupport.api(app, "lanhdao.tu")

            // act
            let pageA = try await officerA.get(SiteURL.review(ofB.id).path)
            let docxA = try await officerA.get(SiteURL.reviewDocx(ofB.id).path)
            let listA = try await officerA.get(SiteURL.reviews.path)
            let apiGetA = try await apiA.get("/reviews/\(ofB.id!)")
            let createForB = try await officerA.post(SiteURL.reviewNew.path, ReviewTestSupport.year2024.merging(["unit": "B"]) { $1 })
            let leaderPage = try await leader.get(SiteURL.review(ofB.id).path)
            let leaderEdit = try await leader.post(SiteURL.reviewEdit(ofB.id).path, ["so": "Số 1-BC/B"])
            let leaderRefresh = try await leader.post(SiteURL.reviewRefresh(ofB.id).path, [:])
            let leaderPut = try await apiLeader.send(.PUT, "/reviews/\(ofB.id!)", ReviewUpdateBody(number: "Số 1-BC/B"))
            let memberList = try await member.get(SiteURL.reviews.path)
            let memberPage = try await member.get(SiteURL.review(ofB.id).path)

            // assert
            #expect(pageA.status == .notFound && docxA.status == .notFound && apiGetA.status == .notFound)
            #expect(listA.status == .ok && !listA.body.string.contains(SiteURL.review(ofB.id).path))
            #expect(createForB.status == .unprocessableEntity
                    && createForB.body.string.contains("không tìm thấy tổ chức đảng có mã “B” trong phạm vi của bạn"))
            #expect(leaderPage.status == .ok && !leaderPage.body.string.contains(SiteURL.reviewEdit(ofB.id).path))
            #expect(leaderEdit.status == .forbidden && leaderRefresh.status == .forbidden && leaderPut.status == .forbidden)
            #expect(memberList.status == .forbidden && memberPage.status == .forbidden)
            #expect(try await Review.query(on: app.db).count() == 1)
            #expect(try await Review.find(ofB.id, on: app.db)?.number == "Số    -BC/B")
            _ = ids
        }
    }

    @Test func apiCreatesListsReadsAndUpdatesAsDocumented() async throws {
        try await withTestApp { app in
            // setup
            try await ReviewTestSupport.world(app)
            let api = try await ReviewTestSupport.api(app, "canbo.tu")

            // act
            let created = try await api.send(.POST, "/reviews", ReviewCreateBody(unit: "A", kind: "so-ket-3-nam", from: "2023-01-01", to: "2025-12-31"))
            let id = try #require(try AuthTestSupport.json(created)["id"] as? Int)
            let list = try await api.get("/reviews?unit=TU&year=2024")
            let otherYear = try await api.get("/reviews?year=2022")
            let put = try await api.send(.PUT, "/reviews/\(id)", ReviewUpdateBody(number: "Số 5-BC/A", parts: ["Phần một.", "Phần hai.", "Phần ba.", "Phần bốn."]))
            let badParts = try await api.send(.PUT, "/reviews/\(id)", ReviewUpdateBody(parts: ["Chỉ một phần."]))
            let badKind = try await api.send(.POST, "/reviews", ReviewCreateBody(unit: "A", kind: "nam", from: "2023-01-01", to: "2025-12-31"))
            let get = try await api.get("/reviews/\(id)")

            // assert
            #expect(created.status == .created)
            #expect(try await AuthTestSupport.schemaProblems(app, try AuthTestSupport.json(get), schema: "Review").isEmpty)
            let listed = try AuthTestSupport.json(list)
            let items = listed["items"] as? [[String: Any]] ?? []
            #expect(items.map { $0["id"] as? Int } == [id])
            #expect(try await AuthTestSupport.schemaProblems(app, items[0], schema: "ReviewSummary").isEmpty)
            #expect((try AuthTestSupport.json(otherYear)["items"] as? [Any])?.isEmpty == true)
            #expect(put.status == .ok && badParts.status == .unprocessableEntity && badKind.status == .unprocessableEntity)
            let body = try AuthTestSupport.json(get)
            #expect(body["number"] as? String == "Số 5-BC/A")
            #expect((body["parts"] as? [[String: Any]])?.map { $0["text"] as? String } == ["Phần một.", "Phần hai.", "Phần ba.", "Phần bốn."])
            #expect((body["appendix"] as? [String: Any])?["columns"] as? [String] == ["2023", "2024", "2025", "Tổng"])
        }
    }
}
