@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The officer side of the public page: stories from exemplars and models, scope, roles,
/// validation, publication and its audit.
@Suite struct PublicStoryTests {
    @Test func aStoryFromAnExemplarIsPrefilledPublishedWithdrawnAndAudited() async throws {
        try await withTestApp { app in
            // setup
            let world = try await PracticeModelFixtures.world(app)
            let exemplar = try await PracticeModelFixtures.exemplar(
                app, unit: world.tree.a1, year: 2023, person: world.personA1, story: "Mười năm giúp bà con làm đường")
            var web = try await TestClient.login(app, "canbo.a")
            var anonymous = TestClient(app: app)

            // act
            let form = try await web.get(SiteURL.publicStoryNew.with([("dien-hinh", String(exemplar.id!))]))
            let created = try await web.post(SiteURL.publicStoryNew.path, [
                "exemplar": String(exemplar.id!), "unit": "A1", "year": "2023", "title": "Người mở đường",
                "summary": "Mười năm giúp bà con", "body": "Mười năm giúp bà con làm đường"])
            let story = try #require(try await PublicStory.query(on: app.db).first())
            let publicBefore = try await anonymous.get(SiteURL.publicExemplar(story.id).path)
            let published = try await web.post(SiteURL.publicStoryPublish(story.id).path, [:])
            let firstPublication = try #require(try await PublicStory.find(story.id, on: app.db)?.publishedAt)
            let publicAfter = try await anonymous.get(SiteURL.publicExemplar(story.id).path)
            let withdrawn = try await web.post(SiteURL.publicStoryUnpublish(story.id).path, [:])
            let publicWithdrawn = try await anonymous.get(SiteURL.publicExemplar(story.id).path)
            _ = try await web.post(SiteURL.publicStoryPublish(story.id).path, [:])

            // assert
            #expect(form.status == .ok)
            #expect(form.body.string.contains("value=\"Nguyễn Thị Mẫu Mực\"") && form.body.string.contains("Mười năm giúp bà con làm đường"))
            #expect(form.body.string.contains("name=\"exemplar\" value=\"\(exemplar.id!)\""))
            #expect(created.status == .seeOther)
            #expect(story.kind == .exemplar && story.exemplarID == exemplar.id && story.unitID == world.tree.a1.id)
            #expect(!story.isPublished && story.publishedAt == nil)
            #expect(publicBefore.status == .notFound)
            #expect(published.status == .seeOther && publicAfter.status == .ok && publicAfter.body.string.contains("Người mở đường"))
            #expect(withdrawn.status == .seeOther && publicWithdrawn.status == .notFound)
            let final = try #require(try await PublicStory.find(story.id, on: app.db))
            #expect(final.isPublished)
            #expect(abs(final.publishedAt!.timeIntervalSince(firstPublication)) < 1, "the first publication's time is kept")
            let actions = try await AuditEntry.query(on: app.db)
                .filter(\.$entityType == Audit.Entity.publicStory.rawValue).filter(\.$entityID == story.id).sort(\.$id).all().map(\.action)
            #expect(actions == [Audit.Action.create, .publish, .unpublish, .publish].map(\.rawValue))
        }
    }

    @Test func aModelPrefillsItsDescriptionAndResultsAndInputIsChecked() async throws {
        try await withTestApp { app in
            // setup
            let world = try await PracticeModelFixtures.world(app)
            let model = try await PracticeModelFixtures.model(app, unit: world.tree.a1, year: 2024, title: "Dân vận khéo làm đường")
            let theirs = try await PracticeModelFixtures.model(app, unit: world.tree.b1, year: 2024, title: "Mô hình của B1")
            var web = try await TestClient.login(app, "canbo.a")
            func form(_ changes: [String: String]) -> [String: String] {
                ["model": String(model.id!), "unit": "A1", "year": "2024", "title": "T", "summary": "S", "body": "B"]
                    .merging(changes) { _, new in new }
            }
            let cases: [([String: String], String, String)] = [
                (form(["title": ""]), "title", "Tiêu đề: chưa nhập."),
                (form(["summary": String(repeating: "a", count: PublicStoryService.summaryLimit + 1)]), "summary", "Tóm tắt: dài quá 1.000 ký tự."),
                (form(["body": ""]), "body", "Nội dung bài: chưa nhập."),
                (form(["unit": "B1"]), "unit", "Đơn vị giới thiệu: không tìm thấy tổ chức đảng có mã “B1”"),
                (form(["year": "2015"]), "year", "Năm: phải là một năm từ 2016 đến"),
                (form(["model": String(theirs.id!)]), "source", "Nguồn: chưa chọn điển hình hoặc mô hình"),
            ]

            // act
            let prefilled = try await web.get(SiteURL.publicStoryNew.with([("mo-hinh", String(model.id!))])).body.string
            let outside = try await web.get(SiteURL.publicStoryNew.with([("mo-hinh", String(theirs.id!))]))

            // assert
            #expect(prefilled.contains("value=\"Dân vận khéo làm đường\"") && prefilled.contains("Mô tả\n\nKết quả"))
            #expect(outside.status == .notFound)
            for (fields, field, message) in cases {
                let response = try await web.post(SiteURL.publicStoryNew.path, fields)
                #expect(response.status == .unprocessableEntity, "\(field)")
                #expect(response.body.string.contains(message), "\(field)")
            }
            #expect(try await PublicStory.query(on: app.db).count() == 0)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.publicStory.rawValue).count() == 0)
        }
    }

    @Test func leadersReadMembersAreRefusedAndOtherSubtreesAreNotFound() async throws {
        try await withTestApp { app in
            // setup
            let world = try await PracticeModelFixtures.world(app)
            let ours = try await PublicStoryTestSupport.story(app, unit: world.tree.a1, year: 2024, title: "Bài của A1", published: false)
            let theirs = try await PublicStoryTestSupport.story(app, unit: world.tree.b1, year: 2024, title: "Bài của B1", published: false)
            var officer = try await TestClient.login(app, "canbo.a")
            var leader = try await TestClient.login(app, "lanhdao.a")
            var member = try await TestClient.login(app, "dangvien.a1")

            // act & assert
            let list = try await officer.get(SiteURL.publicStories.path).body.string
            #expect(list.contains("Bài của A1") && !list.contains("Bài của B1") && list.contains("1 bài"))
            #expect(try await officer.get(SiteURL.publicStory(theirs.id).path).status == .notFound)
            #expect(try await officer.post(SiteURL.publicStoryPublish(theirs.id).path, [:]).status == .notFound)
            #expect(try await leader.get(SiteURL.publicStory(ours.id).path).status == .ok)
            #expect(try await leader.get(SiteURL.publicStoryNew.path).status == .forbidden)
            #expect(try await leader.post(SiteURL.publicStoryPublish(ours.id).path, [:]).status == .forbidden)
            #expect(try await leader.get(SiteURL.publicStoryEdit(ours.id).path).status == .forbidden)
            #expect(try await member.get(SiteURL.publicStories.path).status == .forbidden)
            #expect(try await member.get(SiteURL.publicStory(ours.id).path).status == .forbidden)
            #expect(try await PublicStory.query(on: app.db).filter(\.$isPublished == true).count() == 0)
        }
    }

    @Test func theListFiltersByYearAndStatusAndEditsAreAudited() async throws {
        try await withTestApp { app in
            // setup
            let world = try await PracticeModelFixtures.world(app)
            let draft = try await PublicStoryTestSupport.story(app, unit: world.tree.a1, year: 2024, title: "Bản nháp 2024", published: false)
            try await PublicStoryTestSupport.story(app, unit: world.tree.a, year: 2023, title: "Đã đăng 2023", published: true)
            var web = try await TestClient.login(app, "canbo.a")

            // act
            let of2023 = try await web.get(SiteURL.publicStories.with([("nam", "2023")])).body.string
            let drafts = try await web.get(SiteURL.publicStories.with([("trang-thai", "chua-cong-bo")])).body.string
            let edited = try await web.post(SiteURL.publicStoryEdit(draft.id).path, [
                "unit": "A", "year": "2024", "title": "Bản đã sửa", "summary": "S", "body": "B"])

            // assert
            #expect(of2023.contains("Đã đăng 2023") && !of2023.contains("Bản nháp 2024"))
            #expect(drafts.contains("Bản nháp 2024") && !drafts.contains("Đã đăng 2023"))
            #expect(edited.status == .seeOther)
            let stored = try #require(try await PublicStory.find(draft.id, on: app.db))
            #expect(stored.title == "Bản đã sửa" && stored.unitID == world.tree.a.id && stored.kind == .practiceModel)
            let entry = try #require(try await AuditEntry.query(on: app.db)
                .filter(\.$entityType == Audit.Entity.publicStory.rawValue).filter(\.$action == Audit.Action.update.rawValue).first())
            #expect(entry.beforeJSON?.contains("Bản nháp 2024") == true && entry.afterJSON?.contains("Bản đã sửa") == true)
        }
    }

    @Test func theAPIListsTheSubtreesStoriesAndFiltersByPublication() async throws {
        try await withTestApp { app in
            // setup
            let world = try await PracticeModelFixtures.world(app)
            try await PublicStoryTestSupport.story(app, unit: world.tree.a1, year: 2024, title: "Đã đăng của A1", published: true)
            try await PublicStoryTestSupport.story(app, unit: world.tree.a, year: 2024, title: "Nháp của A", published: false)
            let theirs = try await PublicStoryTestSupport.story(app, unit: world.tree.b1, year: 2024, title: "Bài của B1", published: true)
            let api = try await Fixtures.token(app, for: try await PracticeModelFixtures.user(app, "canbo.a"))

            // act
            let all = try PracticeModelFixtures.json(try await api.get("/public-stories").body.string)
            let published = try PracticeModelFixtures.json(try await api.get("/public-stories?published=true").body.string)
            let wrong = try await api.get("/public-stories?published=maybe")
            let outside = try await api.get("/public-stories/\(theirs.id!)")

            // assert
            #expect(all["total"] as? Int == 2)
            let titles = (published["items"] as? [[String: Any]])?.compactMap { $0["title"] as? String }
            #expect(titles == ["Đã đăng của A1"])
            #expect(wrong.status == .badRequest && outside.status == .notFound)
        }
    }
}
