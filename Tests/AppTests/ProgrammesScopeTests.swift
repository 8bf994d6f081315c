@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// What each account reads of a programme's topics and documents, and the topics API.
@Suite struct ProgrammesScopeTests {
    /// A whole-term topic written straight to the table.
    @discardableResult
    static func topic(_ app: Application, programme: Int, unit: OrgUnit, kind: TopicKind = .wholeTerm, year: Int = 2021,
                      endYear: Int = 2025, parent: Topic? = nil, title: String) async throws -> Topic {
        let topic = Topic()
        topic.programmeID = programme
        topic.unitID = unit.id!
        topic.kind = kind
        topic.year = year
        topic.endYear = endYear
        topic.parentTopicID = parent?.id
        topic.title = title
        topic.titleFolded = VietnameseText.fold(title)
        topic.description = ""
        try await topic.create(on: app.db)
        return topic
    }

    @Test func cellSeesTopicsAndGuidanceFromItsProvinceOnly() async throws {
        try await withTestApp { app in
            // setup
            let world = try await DocumentsFixtures.world(app)
            let day = LocalDate(year: 2020, month: 1, day: 1)!
            let otherProvince = try await Fixtures.unit(app, "TK", "Tỉnh ủy Khác", kind: "TINH", parent: nil, founded: day)
            try await TreeIndex.rebuild(on: app.db)
            let ours = try await Self.topic(app, programme: world.programmeID, unit: world.tree.root, title: "Chuyên đề của tỉnh mình")
            try await Self.topic(app, programme: world.programmeID, unit: world.tree.root, kind: .annual, year: 2024, endYear: 2024,
                                 parent: ours, title: "Chuyên đề năm 2024 của tỉnh mình")
            try await Self.topic(app, programme: world.programmeID, unit: otherProvince, title: "Chuyên đề của tỉnh khác")
            try await DocumentsFixtures.document(app, unit: world.tree.root, number: "10-HD/TU", title: "Hướng dẫn thực hiện kết luận",
                                                 programmeID: world.programmeID)
            try await DocumentsFixtures.document(app, unit: world.tree.b, number: "11-KH/ĐUB", title: "Kế hoạch của Đảng bộ B",
                                                 programmeID: world.programmeID)
            var web = try await TestClient.login(app, "bithu.a1")
            let api = try await Fixtures.token(app, for: try await User.query(on: app.db).filter(\.$username == "bithu.a1").first()!)
            let adminAPI = try await Fixtures.token(app, for: try await User.query(on: app.db).filter(\.$username == "quantri").first()!)

            // act
            let page = try await web.get(SiteURL.programme(world.programmeID).path)
            let detail = try DocumentsFixtures.json(try await api.get("/programmes/\(world.programmeID)").body.string)
            let forYear = try DocumentsFixtures.json(try await api.get("/topics?unit=A1&year=2024").body.string)
            let adminAll = try DocumentsFixtures.json(try await adminAPI.get("/topics?programme=\(world.programmeID)").body.string)
            let outsideUnit = try await api.get("/topics?unit=TK")

            // assert
            let html = page.body.string
            #expect(page.status == .ok)
            #expect(html.contains("Chuyên đề của tỉnh mình"))
            #expect(html.contains("Chuyên đề năm 2024 của tỉnh mình"))
            #expect(!html.contains("Chuyên đề của tỉnh khác"))
            #expect(!html.contains("Tỉnh ủy Khác"))
            #expect(html.contains("Hướng dẫn thực hiện kết luận"))
            #expect(!html.contains("Kế hoạch của Đảng bộ B"))
            #expect(!html.contains("Thêm chuyên đề"))
            #expect(!html.contains(SiteURL.topicEdit(ours.id).path))
            let topics = detail["topics"] as? [[String: Any]] ?? []
            #expect(topics.compactMap { $0["title"] as? String } == ["Chuyên đề của tỉnh mình", "Chuyên đề năm 2024 của tỉnh mình"])
            #expect(topics.first?["unitCode"] as? String == "TU")
            let items = forYear["items"] as? [[String: Any]] ?? []
            #expect(items.compactMap { $0["kind"] as? String } == ["toan_khoa", "hang_nam"])
            #expect(adminAll["total"] as? Int == 3)
            #expect(outsideUnit.status == .badRequest)
        }
    }

    @Test func topicsAPIWritesWithinTheRules() async throws {
        try await withTestApp { app in
            // setup
            let world = try await DocumentsFixtures.world(app)
            let officer = try await Fixtures.token(app, for: try await User.query(on: app.db).filter(\.$username == "canbo.tu").first()!)
            let leader = try await Fixtures.user(app, "lanhdao.tu", .leader, unit: world.tree.root)
            let leaderAPI = try await Fixtures.token(app, for: leader)
            var leaderWeb = try await TestClient.login(app, "lanhdao.tu")

            // act
            let created = try await officer.send(.POST, "/topics", TopicBody(
                programmeId: world.programmeID, unit: "TU", kind: "toan_khoa", year: 2021, endYear: 2025,
                title: "Chuyên đề toàn khóa qua API"))
            let wholeID = try DocumentsFixtures.json(created.body.string)["id"] as? Int
            let outside = try await officer.send(.POST, "/topics", TopicBody(
                programmeId: world.programmeID, unit: "TU", kind: "hang_nam", year: 2027, parentTopicId: wholeID, title: "Năm 2027"))
            let updated = try await officer.send(.PUT, "/topics/\(wholeID ?? 0)", TopicBody(
                programmeId: world.programmeID, unit: "TU", kind: "toan_khoa", year: 2021, endYear: 2026,
                title: "Chuyên đề toàn khóa (sửa)"))
            let leaderPost = try await leaderAPI.send(.POST, "/topics", TopicBody(
                programmeId: world.programmeID, unit: "TU", kind: "toan_khoa", year: 2021, endYear: 2025, title: "Không được"))
            let leaderForm = try await leaderWeb.post(SiteURL.topicNew.path, ProgrammesTopicsTests.wholeTerm(world.programmeID))

            // assert
            #expect(created.status == .created)
            let body = try DocumentsFixtures.json(created.body.string)
            #expect(body["endYear"] as? Int == 2025)
            #expect(body["unitName"] as? String == "Tỉnh ủy Thử Nghiệm")
            #expect(outside.status == .unprocessableEntity)
            let error = try DocumentsFixtures.json(outside.body.string)["error"] as? [String: Any]
            #expect(error?["field"] as? String == "year")
            #expect((error?["message"] as? String)?.hasPrefix("Năm: 2027 nằm ngoài") == true)
            #expect(updated.status == .ok)
            #expect(try DocumentsFixtures.json(updated.body.string)["title"] as? String == "Chuyên đề toàn khóa (sửa)")
            #expect(leaderPost.status == .forbidden)
            #expect(leaderForm.status == .forbidden)
            let topics = try await Topic.query(on: app.db).all()
            #expect(topics.map(\.title) == ["Chuyên đề toàn khóa (sửa)"])
            #expect(topics.first?.endYear == 2026)
            let entries = try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.topic.rawValue).sort(\.$id).all()
            #expect(entries.map(\.action) == [Audit.Action.create.rawValue, Audit.Action.update.rawValue])
            #expect(entries.last?.beforeJSON?.contains("\"endYear\":2025") == true)
            #expect(entries.last?.afterJSON?.contains("\"endYear\":2026") == true)
        }
    }
}
