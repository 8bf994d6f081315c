@testable import App
import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

/// Who may read and change which unit, through the pages and the API; and user text stays inert.
@Suite struct UnitsScopeTests {
    @Test func officerOfAGets404ForB() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            let officer = try await Fixtures.user(app, "canbo-a", .officer, unit: tree.a)
            var web = try await TestClient.login(app, "canbo-a")
            let api = try await Fixtures.token(app, for: officer)

            // act
            let own = try await web.get(SiteURL.unit(tree.a1.id).path)
            let page = try await web.get(SiteURL.unit(tree.b.id).path)
            let edit = try await web.get(SiteURL.unitEdit(tree.b1.id).path)
            let json = try await api.get("/units/\(tree.b.id!)")
            let list = try UnitsTest.json(try await api.get("/units"))

            // assert
            #expect(own.status == .ok)
            #expect(page.status == .notFound)
            #expect(edit.status == .notFound)
            #expect(json.status == .notFound)
            #expect((list["items"] as? [[String: Any]])?.compactMap { $0["code"] as? String }.sorted() == ["A", "A1"])
            #expect(list["total"] as? Int == 2)
        }
    }

    @Test func officerOfACannotMoveA1UnderB() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            let officer = try await Fixtures.user(app, "canbo-a", .officer, unit: tree.a)
            var web = try await TestClient.login(app, "canbo-a")
            let api = try await Fixtures.token(app, for: officer)
            let before = try await UnitsTest.Counts.of(app)

            // act
            let byID = try await web.post(SiteURL.unitMove(tree.a1.id).path, ["parentId": String(tree.b.id!), "effectiveOn": "2024-01-01"])
            let byAPI = try await api.send(.POST, "/units/\(tree.a1.id!)/move", UnitsTestMove(parentId: tree.b.id, effectiveOn: "2024-01-01"))
            let mergeAPI = try await api.send(.POST, "/units/\(tree.a1.id!)/merge", UnitsTestMerge(successorId: tree.b1.id, effectiveOn: "2024-01-01"))
            let byCode = try await web.post(SiteURL.unitMove(tree.a1.id).path, ["parentCode": "B", "effectiveOn": "2024-01-01"])
            let createUnderB = try await api.send(.POST, "/units", UnitWriteDTO(
                code: "B9", name: "Chi bộ B9", kindCode: "CB_TRUC_THUOC", attachment: "co_quan", foundedOn: "2024-01-01", parentId: tree.b.id))

            // assert
            #expect(byID.status == .notFound)
            #expect(byAPI.status == .notFound)
            #expect(mergeAPI.status == .notFound)
            #expect(byCode.status == .unprocessableEntity)
            #expect(byCode.body.string.contains("Không tìm thấy tổ chức đảng có mã “B” trong phạm vi của bạn."))
            #expect(createUnderB.status == .notFound)
            #expect(try await UnitsTest.Counts.of(app) == before)
            #expect(try await UnitsTest.links(app, of: tree.a1).map(\.parent) == [tree.a.id])
        }
    }

    @Test func leaderReadsButGets403OnEveryChange() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            let leader = try await Fixtures.user(app, "lanhdao-a", .leader, unit: tree.a)
            var web = try await TestClient.login(app, "lanhdao-a")
            let api = try await Fixtures.token(app, for: leader)
            let before = try await UnitsTest.Counts.of(app)

            // act
            let page = try await web.get(SiteURL.unit(tree.a1.id).path)
            let form = try await web.get(SiteURL.unitMove(tree.a1.id).path)
            let newForm = try await web.get(SiteURL.unitNew.path)
            let post = try await web.post(SiteURL.unitEdit(tree.a1.id).path, ["code": "A1", "name": "Đổi tên", "kindCode": "CB_CO_SO",
                                                                              "attachment": "co_quan", "foundedOn": "2020-01-01"])
            let dissolve = try await web.post(SiteURL.unitDissolve(tree.a1.id).path, ["effectiveOn": "2024-01-01"])
            let create = try await api.send(.POST, "/units", UnitWriteDTO(
                code: "A2", name: "Chi bộ A2", kindCode: "CB_CO_SO", attachment: "co_quan", foundedOn: "2024-01-01", parentId: tree.a.id))
            let move = try await api.send(.POST, "/units/\(tree.a1.id!)/move", UnitsTestMove(parentId: tree.a.id, effectiveOn: "2024-01-01"))

            // assert
            #expect(page.status == .ok)
            #expect(!page.body.string.contains(SiteURL.unitEdit(tree.a1.id).path))
            #expect(!page.body.string.contains(SiteURL.unitDissolve(tree.a1.id).path))
            for response in [form, newForm, post, dissolve, create, move] {
                #expect(response.status == .forbidden)
            }
            #expect(try await UnitsTest.Counts.of(app) == before)
        }
    }

    @Test func editIsAuditedWithBeforeAndAfter() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            try await Fixtures.user(app, "canbo-a", .officer, unit: tree.a)
            var web = try await TestClient.login(app, "canbo-a")

            // act
            let response = try await web.post(SiteURL.unitEdit(tree.a1.id).path, [
                "code": "A1", "name": "Chi bộ Phòng Tổ chức", "kindCode": "CB_CO_SO", "attachment": "co_quan",
                "foundedOn": "2020-01-01", "note": "Đổi tên theo quyết định 12-QĐ/ĐU",
            ])
            let page = try await web.get(SiteURL.unit(tree.a1.id).path)

            // assert
            #expect(response.status == .seeOther)
            #expect(page.body.string.contains("Chi bộ Phòng Tổ chức"))
            let entry = try #require(try await AuditEntry.query(on: app.db).filter(\.$entityType == "don_vi").first())
            #expect(entry.action == "cap_nhat" && entry.entityID == tree.a1.id && entry.unitID == tree.a1.id)
            #expect(entry.username == "canbo-a")
            #expect(entry.beforeJSON?.contains(#""name":"Chi bộ A1""#) == true)
            #expect(entry.afterJSON?.contains(#""name":"Chi bộ Phòng Tổ chức""#) == true)
            #expect(try await UnitsTest.reload(app, tree.a1).nameFolded == "chi bo phong to chuc")
        }
    }

    @Test func unitNamesRenderInert() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            let payload = #""><script>alert(1)</script>"#
            let evil = try await Fixtures.unit(app, "X1", payload, kind: "CB_CO_SO", parent: tree.a, founded: UnitsTest.day("2021-01-01"))
            try await TreeIndex.rebuild(on: app.db)
            try await Fixtures.user(app, "quantri", .admin)
            var web = try await TestClient.login(app, "quantri")

            // act
            let pages = [
                try await web.get(SiteURL.units.path),
                try await web.get(SiteURL.unit(evil.id).path),
                try await web.get(SiteURL.unit(tree.a.id).path),
                try await web.get(SiteURL.units.with([("q", payload)])),
                try await web.get(SiteURL.unitEdit(evil.id).path),
                try await web.post(SiteURL.unitNew.path, ["parentCode": "A", "code": payload, "name": payload, "kindCode": "CB_CO_SO",
                                                           "attachment": "co_quan", "foundedOn": "2024-01-01"]),
            ]

            // assert
            #expect(UnitsTest.tree(in: pages[0].body.string)["X1"] == "A")
            for page in pages {
                let html = page.body.string
                #expect(!html.contains("<script>alert"), "raw script in \(page.status)")
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            }
        }
    }
}
