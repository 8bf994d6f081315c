@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Study topics: chosen by provincial committees, whole-term inside the programme's years,
/// annual inside their whole-term topic's years; read by the units below.
@Suite struct ProgrammesTopicsTests {
    static func wholeTerm(_ programmeID: Int, unit: String = "TU", from: Int = 2021, to: Int = 2025,
                          title: String = "Học tập và làm theo Bác về xây dựng Đảng") -> [String: String] {
        ["programmeId": String(programmeID), "unit": unit, "kind": TopicKind.wholeTerm.rawValue,
         "year": String(from), "endYear": String(to), "title": title, "description": ""]
    }

    static func annual(_ programmeID: Int, parent: Int?, year: Int, unit: String = "TU",
                       title: String = "Chuyên đề năm về tinh thần tự lực") -> [String: String] {
        ["programmeId": String(programmeID), "unit": unit, "kind": TopicKind.annual.rawValue, "year": String(year),
         "parentTopicId": parent.map(String.init) ?? "", "title": title, "description": ""]
    }

    static func topicCount(_ app: Application) async throws -> Int {
        try await Topic.query(on: app.db).count()
    }

    @Test func provincialOfficerChoosesWholeTermAndAnnualTopics() async throws {
        try await withTestApp { app in
            // setup
            let world = try await DocumentsFixtures.world(app)
            var web = try await TestClient.login(app, "canbo.tu")

            // act
            let form = try await web.get(SiteURL.topicNew.with([("chuong-trinh", String(world.programmeID))]))
            let whole = try await web.post(SiteURL.topicNew.path, Self.wholeTerm(world.programmeID))
            let parent = try #require(try await Topic.query(on: app.db).first())
            let annual = try await web.post(SiteURL.topicNew.path, Self.annual(world.programmeID, parent: parent.id, year: 2024))
            let page = try await web.get(SiteURL.programme(world.programmeID).path)

            // assert
            #expect(form.status == .ok)
            #expect(whole.status == .seeOther)
            #expect(whole.headers.first(name: .location) == SiteURL.programme(world.programmeID).path)
            #expect(annual.status == .seeOther)
            let topics = try await Topic.query(on: app.db).sort(\.$id).all()
            #expect(topics.map(\.kind) == [.wholeTerm, .annual])
            #expect(topics.map(\.year) == [2021, 2024])
            #expect(topics.map(\.endYear) == [2025, 2024])
            #expect(topics.last?.parentTopicID == parent.id)
            #expect(topics.first?.titleFolded == "hoc tap va lam theo bac ve xay dung dang")
            // The topics section, after the one-time message that also names the new topic.
            let full = page.body.string
            let html = String(full[(full.range(of: "id=\"topics\"")?.upperBound ?? full.endIndex)...])
            #expect(html.contains("Tỉnh ủy Thử Nghiệm"))
            #expect(html.contains("2021–2025"))
            #expect(html.contains("Chuyên đề năm về tinh thần tự lực"))
            let wholeAt = html.range(of: "Học tập và làm theo Bác về xây dựng Đảng")?.lowerBound
            let annualAt = html.range(of: "Chuyên đề năm về tinh thần tự lực")?.lowerBound
            #expect(wholeAt != nil && annualAt != nil && wholeAt! < annualAt!)
            #expect(html.contains(SiteURL.topicEdit(parent.id).path))
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.topic.rawValue).all()
            #expect(audit.count == 2)
            #expect(audit.allSatisfy { $0.unitID == world.tree.root.id && $0.afterJSON != nil })
        }
    }

    @Test func yearsOutsideTheirFrameAreRefused() async throws {
        try await withTestApp { app in
            // setup
            let world = try await DocumentsFixtures.world(app)
            var web = try await TestClient.login(app, "canbo.tu")
            _ = try await web.post(SiteURL.topicNew.path, Self.wholeTerm(world.programmeID))
            let parent = try #require(try await Topic.query(on: app.db).first())
            let ct05 = try #require(try await Programme.query(on: app.db).filter(\.$documentNumber == "05-CT/TW").first())

            // act
            let afterTerm = try await web.post(SiteURL.topicNew.path, Self.annual(world.programmeID, parent: parent.id, year: 2026))
            let beforeTerm = try await web.post(SiteURL.topicNew.path, Self.annual(world.programmeID, parent: parent.id, year: 2020))
            let orphan = try await web.post(SiteURL.topicNew.path, Self.annual(world.programmeID, parent: nil, year: 2024))
            let beforeProgramme = try await web.post(SiteURL.topicNew.path, Self.wholeTerm(ct05.id!, from: 2015, to: 2020))
            let afterProgramme = try await web.post(SiteURL.topicNew.path, Self.wholeTerm(ct05.id!, from: 2016, to: 2022))
            let otherProgramme = try await web.post(SiteURL.topicNew.path, Self.annual(ct05.id!, parent: parent.id, year: 2021))
            let noTitle = try await web.post(SiteURL.topicNew.path, Self.wholeTerm(world.programmeID, title: " "))
            let shrink = try await web.post(SiteURL.topicEdit(parent.id).path, Self.wholeTerm(world.programmeID, from: 2021, to: 2024))
            let child = try await web.post(SiteURL.topicNew.path, Self.annual(world.programmeID, parent: parent.id, year: 2024))
            let shrinkBelowChild = try await web.post(SiteURL.topicEdit(parent.id).path,
                                                      Self.wholeTerm(world.programmeID, from: 2021, to: 2023))

            // assert
            let expectations: [(TestingHTTPResponse, String)] = [
                (afterTerm, "Năm: 2026 nằm ngoài các năm của chuyên đề toàn khóa “Học tập và làm theo Bác về xây dựng Đảng” (2021–2025)."),
                (beforeTerm, "Năm: 2020 nằm ngoài các năm của chuyên đề toàn khóa"),
                (orphan, "Chuyên đề toàn khóa: chuyên đề hằng năm phải thuộc một chuyên đề toàn khóa"),
                (beforeProgramme, "Năm: 2015 nằm ngoài thời gian thực hiện 05-CT/TW (2016–2021)."),
                (afterProgramme, "Năm kết thúc: 2022 nằm ngoài thời gian thực hiện 05-CT/TW (2016–2021)."),
                (otherProgramme, "phải là chuyên đề toàn khóa của cùng tỉnh ủy, thành ủy và cùng chương trình"),
                (noTitle, "Tên chuyên đề: chưa nhập."),
                (shrinkBelowChild, "Năm: đã có chuyên đề hằng năm năm 2024"),
            ]
            for (response, message) in expectations {
                #expect(response.status == .unprocessableEntity, "\(message)")
                #expect(response.body.string.contains(message), "\(message)")
            }
            #expect(shrink.status == .seeOther) // no annual topic yet: the term may shrink
            #expect(child.status == .seeOther)
            let topics = try await Topic.query(on: app.db).sort(\.$id).all()
            #expect(topics.map(\.year) == [2021, 2024])
            #expect(topics.first?.endYear == 2024) // the refused edit left the term as it was
        }
    }

    @Test func topicsBelongOnlyToProvincialCommittees() async throws {
        try await withTestApp { app in
            // setup
            let world = try await DocumentsFixtures.world(app)
            var admin = try await TestClient.login(app, "quantri")
            var officerA = try await TestClient.login(app, "canbo.a")

            // act
            let onA = try await admin.post(SiteURL.topicNew.path, Self.wholeTerm(world.programmeID, unit: "A"))
            let formForA = try await officerA.get(SiteURL.topicNew.path)
            let fromA = try await officerA.post(SiteURL.topicNew.path, Self.wholeTerm(world.programmeID, unit: "TU"))

            // assert
            #expect(onA.status == .unprocessableEntity)
            #expect(onA.body.string.contains("Tỉnh ủy, thành ủy: chuyên đề do tỉnh ủy, thành ủy lựa chọn; “Đảng ủy Khối A” không phải là tỉnh ủy, thành ủy."))
            #expect(formForA.status == .ok)
            #expect(formForA.body.string.contains("không có tỉnh ủy, thành ủy nào"))
            #expect(!formForA.body.string.contains("topic-form"))
            #expect(fromA.status == .unprocessableEntity)
            #expect(fromA.body.string.contains("không tìm thấy tổ chức đảng có mã “TU” trong phạm vi của bạn"))
            #expect(try await Self.topicCount(app) == 0)
        }
    }
}
