@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Writing contests and entries: validation, counts, scope, audit, escaping, API.
@Suite struct ContestTests {
    @Test func invalidEntriesAreRefusedWithMessagesNamingTheField() async throws {
        try await withTestApp { app in
            // setup
            let world = try await PracticeModelFixtures.world(app)
            let personA = try await Fixtures.person(app, "Đỗ Văn Cấp Trên", in: world.tree.a)
            let contest = try await PracticeModelFixtures.contest(app, unit: world.tree.a, title: "Cuộc thi của A")
            let cellContest = try await PracticeModelFixtures.contest(app, unit: world.tree.a1, title: "Cuộc thi của A1")
            var web = try await TestClient.login(app, "canbo.a")
            let path = SiteURL.contestEntryNew(contest.id).path
            let cases: [(String, [String: String], String, String)] = [
                (path, PracticeModelFixtures.entryForm(authors: [world.personA1], result: "dat_giai"), "prize",
                 "Giải: chưa nhập (bắt buộc khi kết quả là Đạt giải)."),
                (path, PracticeModelFixtures.entryForm(authors: [world.personB1]), "authors",
                 "Tác giả: không tìm thấy người có mã số “\(world.personB1.id!)” trong phạm vi của bạn."),
                (path, PracticeModelFixtures.entryForm(authors: [personA]), "authors",
                 "Tác giả: Đỗ Văn Cấp Trên không sinh hoạt ở Chi bộ A1 hoặc đơn vị cấp dưới."),
                (path, PracticeModelFixtures.entryForm(authors: []), "authors", "Tác giả: chọn ít nhất một người."),
                (path, PracticeModelFixtures.entryForm(title: "", authors: [world.personA1]), "title", "Tên bài dự thi: chưa nhập."),
                (SiteURL.contestEntryNew(cellContest.id).path, PracticeModelFixtures.entryForm(unit: "A", authors: [personA]), "unit",
                 "Đơn vị dự thi: phải là đơn vị tổ chức cuộc thi hoặc đơn vị cấp dưới."),
                (SiteURL.contestNew.path, ["unit": "A", "year": "2015", "title": "Cuộc thi"], "year", "Năm: phải là một năm từ 2016 đến"),
                (SiteURL.contestNew.path, ["unit": "B", "year": "2024", "title": "Cuộc thi"], "unit",
                 "Đơn vị tổ chức: không tìm thấy tổ chức đảng có mã “B”"),
            ]

            // act & assert
            for (target, form, field, message) in cases {
                let response = try await web.post(target, form)
                #expect(response.status == .unprocessableEntity, "\(field)")
                #expect(response.body.string.contains(message), "\(field): \(message)")
                #expect(response.body.string.contains("id=\"e-\(field)\""), "\(field)")
            }
            let api = try await Fixtures.token(app, for: try await PracticeModelFixtures.user(app, "canbo.a"))
            let refused = try await api.send(.POST, "/contests/\(contest.id!)/entries", ContestEntryBody(
                unit: "A1", title: "Bài", authorIds: [world.personA1.id!], result: "dat_giai", prize: " ", selectedForHigherLevel: true))
            #expect(refused.status == .unprocessableEntity)
            let error = try PracticeModelFixtures.json(refused.body.string)["error"] as? [String: Any]
            #expect(error?["field"] as? String == "prize")
            #expect((error?["message"] as? String)?.hasPrefix("Giải:") == true)
            #expect(try await ContestEntry.query(on: app.db).count() == 0)
            #expect(try await ContestEntryAuthor.query(on: app.db).count() == 0)
            #expect(try await Contest.query(on: app.db).count() == 2)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType ~~ [Audit.Entity.contest.rawValue, Audit.Entity.contestEntry.rawValue]).count() == 0)
        }
    }

    @Test func countsAreOfTheEntriesEachAccountSees() async throws {
        try await withTestApp { app in
            // setup
            let world = try await PracticeModelFixtures.world(app)
            let t = world.tree
            let contest = try await PracticeModelFixtures.contest(app, unit: t.root, title: "Cuộc thi của Tỉnh ủy")
            let data: [(OrgUnit, Person, String, Bool)] = [
                (t.a1, world.personA1, "Bài A1 một", true), (t.a1, world.personA1, "Bài A1 hai", false),
                (t.a1, world.personA1, "Bài A1 ba", false), (t.a, world.personA1, "Bài A", false),
                (t.b1, world.personB1, "Bài B1 một", true), (t.b1, world.personB1, "Bài B1 hai", true),
            ]
            for (unit, person, title, selected) in data {
                try await PracticeModelFixtures.entry(app, contest: contest, unit: unit, title: title, authors: [person],
                                                      result: selected ? .awarded : .notAwarded, selected: selected)
            }
            func line(_ keep: ((OrgUnit, Person, String, Bool)) -> Bool) -> String {
                let rows = data.filter(keep)
                return "1 cuộc thi, \(rows.count) bài dự thi, \(rows.filter(\.3).count) bài được chọn dự thi cấp trên"
            }
            var tu = try await TestClient.login(app, "canbo.tu")
            var a = try await TestClient.login(app, "canbo.a")
            let api = try await Fixtures.token(app, for: try await PracticeModelFixtures.user(app, "canbo.a"))

            // act
            let tuList = try await tu.get(SiteURL.contests.path).body.string
            let aList = try await a.get(SiteURL.contests.path).body.string
            let aPage = try await a.get(SiteURL.contest(contest.id).path).body.string
            let aAPI = try PracticeModelFixtures.json(try await api.get("/contests/\(contest.id!)").body.string)

            // assert
            #expect(tuList.contains(line { _ in true }))
            let underA: ((OrgUnit, Person, String, Bool)) -> Bool = { [t.a.id, t.a1.id].contains($0.0.id) }
            #expect(aList.contains(line(underA)))
            #expect(aPage.contains("Bài A1 một") && aPage.contains("Bài A") && !aPage.contains("Bài B1"))
            #expect(aAPI["entryCount"] as? Int == data.filter(underA).count)
            #expect(aAPI["selectedCount"] as? Int == data.filter(underA).filter(\.3).count)
            #expect((aAPI["entries"] as? [Any])?.count == data.filter(underA).count)
        }
    }

    @Test func outsideTheSubtreeIsNotFoundAndLeadersCannotWrite() async throws {
        try await withTestApp { app in
            // setup
            let world = try await PracticeModelFixtures.world(app)
            let theirs = try await PracticeModelFixtures.contest(app, unit: world.tree.b, title: "Cuộc thi của B")
            let theirEntry = try await PracticeModelFixtures.entry(app, contest: theirs, unit: world.tree.b1, title: "Bài của B1",
                                                                   authors: [world.personB1])
            let ours = try await PracticeModelFixtures.contest(app, unit: world.tree.a, title: "Cuộc thi của A")
            let ourEntry = try await PracticeModelFixtures.entry(app, contest: ours, unit: world.tree.a1, title: "Bài của A1",
                                                                 authors: [world.personA1])
            var officer = try await TestClient.login(app, "canbo.a")
            var leader = try await TestClient.login(app, "lanhdao.a")
            var member = try await TestClient.login(app, "dangvien.a1")
            let api = try await Fixtures.token(app, for: try await PracticeModelFixtures.user(app, "canbo.a"))
            let form = PracticeModelFixtures.entryForm(authors: [world.personA1])

            // act & assert
            #expect(try await officer.get(SiteURL.contest(theirs.id).path).status == .notFound)
            #expect(try await officer.get(SiteURL.contestEntryEdit(theirEntry.id).path).status == .notFound)
            #expect(try await officer.post(SiteURL.contestEntryNew(theirs.id).path, form).status == .notFound)
            #expect(try await api.get("/contests/\(theirs.id!)").status == .notFound)
            #expect(try await api.send(.PUT, "/contest-entries/\(theirEntry.id!)", ContestEntryBody(
                unit: "A1", title: "X", authorIds: [world.personA1.id!])).status == .notFound)
            let list = try await officer.get(SiteURL.contests.path).body.string
            #expect(list.contains("Cuộc thi của A") && !list.contains("Cuộc thi của B"))
            #expect(try await leader.get(SiteURL.contest(ours.id).path).status == .ok)
            #expect(try await leader.post(SiteURL.contestNew.path, ["unit": "A", "year": "2024", "title": "Mới"]).status == .forbidden)
            #expect(try await leader.post(SiteURL.contestEntryNew(ours.id).path, form).status == .forbidden)
            #expect(try await leader.post(SiteURL.contestEntryEdit(ourEntry.id).path, form).status == .forbidden)
            #expect(try await member.get(SiteURL.contests.path).status == .forbidden)
            #expect(try await ContestEntry.query(on: app.db).count() == 2)
            #expect(try await Contest.query(on: app.db).count() == 2)
        }
    }

    @Test func groupEntriesAndResultsAreSavedAndAudited() async throws {
        try await withTestApp { app in
            // setup
            let world = try await PracticeModelFixtures.world(app)
            let second = try await Fixtures.person(app, "Vũ Thị Đồng Tác Giả", in: world.tree.a1)
            var web = try await TestClient.login(app, "canbo.a")
            let created = try await web.post(SiteURL.contestNew.path, [
                "unit": "A", "year": "2024", "title": "Cuộc thi viết năm 2024", "rounds": "Vòng sơ khảo: 1/3–30/4/2024\n\nVòng chung khảo: 1/6/2024",
            ])
            let contest = try #require(try await Contest.query(on: app.db).first())

            // act
            let added = try await web.post(SiteURL.contestEntryNew(contest.id).path,
                                           PracticeModelFixtures.entryForm(authors: [world.personA1, second]))
            let entry = try #require(try await ContestEntry.query(on: app.db).first())
            let marked = try await web.post(SiteURL.contestEntryEdit(entry.id).path, PracticeModelFixtures.entryForm(
                authors: [second], result: "dat_giai", prize: "Giải Nhì", selected: true))
            let page = try await web.get(SiteURL.contest(contest.id).path).body.string

            // assert
            #expect(created.status == .seeOther && added.status == .seeOther && marked.status == .seeOther)
            #expect(contest.rounds == "Vòng sơ khảo: 1/3–30/4/2024\nVòng chung khảo: 1/6/2024")
            let stored = try #require(try await ContestEntry.find(entry.id, on: app.db))
            #expect(stored.result == .awarded && stored.prize == "Giải Nhì" && stored.selectedForHigherLevel)
            let authors = try await ContestEntryAuthor.query(on: app.db).all().map(\.personID)
            #expect(authors == [second.id!])
            #expect(page.contains("Vũ Thị Đồng Tác Giả") && page.contains("Đạt giải: Giải Nhì"))
            let entries = try await AuditEntry.query(on: app.db)
                .filter(\.$entityType == Audit.Entity.contestEntry.rawValue).filter(\.$entityID == entry.id).sort(\.$id).all()
            #expect(entries.map(\.action) == [Audit.Action.create.rawValue, Audit.Action.update.rawValue])
            let ids = [world.personA1.id!, second.id!].sorted().map(String.init).joined(separator: ",")
            #expect(entries[0].afterJSON?.contains("\"authorIDs\":[\(ids)]") == true)
            #expect(entries[1].beforeJSON?.contains("\"result\":\"chua_cham\"") == true)
            #expect(entries[1].afterJSON?.contains("\"prize\":\"Giải Nhì\"") == true)
            #expect(entries[1].afterJSON?.contains("\"authorIDs\":[\(second.id!)]") == true)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.contest.rawValue).count() == 1)
        }
    }

    @Test func theAPICreatesContestsAndEntries() async throws {
        try await withTestApp { app in
            // setup
            let world = try await PracticeModelFixtures.world(app)
            let api = try await Fixtures.token(app, for: try await PracticeModelFixtures.user(app, "canbo.a"))

            // act
            let contest = try await api.send(.POST, "/contests", ContestBody(unit: "A", year: 2023, title: "Cuộc thi API",
                                                                             rounds: "Vòng 1\nVòng 2", note: nil))
            let contestID = try PracticeModelFixtures.json(contest.body.string)["id"] as? Int ?? 0
            let entry = try await api.send(.POST, "/contests/\(contestID)/entries", ContestEntryBody(
                unit: "A1", title: "Bài API", authorIds: [world.personA1.id!], result: nil, prize: nil, selectedForHigherLevel: nil))
            let entryID = try PracticeModelFixtures.json(entry.body.string)["id"] as? Int ?? 0
            let put = try await api.send(.PUT, "/contest-entries/\(entryID)", ContestEntryBody(
                unit: "A1", title: "Bài API", authorIds: [world.personA1.id!], result: "khong_dat", prize: "Giải Nhất", selectedForHigherLevel: false))
            let renamed = try await api.send(.PUT, "/contests/\(contestID)", ContestBody(unit: "A", year: 2023, title: "Cuộc thi API mới"))

            // assert
            #expect(contest.status == .created && entry.status == .created && put.status == .ok && renamed.status == .ok)
            let c = try PracticeModelFixtures.json(contest.body.string)
            #expect(c["rounds"] as? [String] == ["Vòng 1", "Vòng 2"] && c["entryCount"] as? Int == 0)
            let e = try PracticeModelFixtures.json(put.body.string)
            #expect(e["result"] as? String == "khong_dat" && e["prize"] as? String == "")
            #expect(((e["authors"] as? [[String: Any]])?.first?["name"] as? String) == "Nguyễn Thị Mẫu Mực")
            #expect(try PracticeModelFixtures.json(renamed.body.string)["entryCount"] as? Int == 1)
        }
    }

    @Test func scriptInTitlesRendersInert() async throws {
        try await withTestApp { app in
            // setup
            let world = try await PracticeModelFixtures.world(app)
            let payload = #""><script>alert(1)</script>"#
            let contest = try await PracticeModelFixtures.contest(app, unit: world.tree.a, title: payload)
            let entry = try await PracticeModelFixtures.entry(app, contest: contest, unit: world.tree.a1, title: payload, authors: [world.personA1])
            var web = try await TestClient.login(app, "canbo.a")

            // act
            let pages = [
                try await web.get(SiteURL.contests.path),
                try await web.get(SiteURL.contest(contest.id).path),
                try await web.get(SiteURL.contestEdit(contest.id).path),
                try await web.get(SiteURL.contestEntryEdit(entry.id).path),
                try await web.get(SiteURL.contestEntryNew(contest.id).with([("don-vi", payload)])),
                try await web.post(SiteURL.contestEntryNew(contest.id).path, PracticeModelFixtures.entryForm(title: payload, authors: [])),
            ]

            // assert
            for page in pages {
                #expect(!page.body.string.contains("<script>alert(1)"))
                #expect(page.body.string.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            }
        }
    }
}
