@testable import App
import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

/// `/don-vi`: the tree as it stood on a day, in the account's scope, and the search.
@Suite struct UnitsTreeTests {
    @Test func treeAsOfTwoDatesFollowsAMoveDatedBetweenThem() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            try await Fixtures.user(app, "quantri", .admin)
            var web = try await TestClient.login(app, "quantri")

            // act: A1 moves from A to B on 1/1/2023
            let moved = try await web.post(SiteURL.unitMove(tree.a1.id).path, ["parentId": String(tree.b.id!), "effectiveOn": "1/1/2023"])
            let before = try await web.get(SiteURL.units.with([("ngay", "2022-06-01")]))
            let after = try await web.get(SiteURL.units.with([("ngay", "2023-06-01")]))

            // assert
            #expect(moved.status == .seeOther)
            let old = UnitsTest.tree(in: before.body.string)
            let new = UnitsTest.tree(in: after.body.string)
            #expect(old["A1"] == "A")
            #expect(new["A1"] == "B")
            #expect(old["B1"] == "B" && new["B1"] == "B")
            #expect(old["TU"] == .some(nil) && new["TU"] == .some(nil))
            #expect(old["A"] == "TU")
            #expect(Set(old.keys) == ["TU", "A", "A1", "B", "B1"])
            #expect(before.body.string.contains(#"id="tree-date-form""#))
            #expect(before.body.string.contains(#"name="ngay""#) && before.body.string.contains(#"type="date""#))
            #expect(before.body.string.contains("Cây tổ chức ngày 1/6/2022"))
            #expect(before.body.string.contains(#"<ul class="tree""#))
            #expect(try await UnitsTest.links(app, of: tree.a1).map(\.to) == ["2023-01-01", nil])
        }
    }

    @Test func onlyUnitsExistingThatDayAreShown() async throws {
        try await withTestApp { app in
            // setup: C founded in 2024 under TU; B1 merged into B on 1/7/2022
            let tree = try await Fixtures.tree(app)
            try await Fixtures.unit(app, "C", "Chi bộ C", kind: "CB_CO_SO", parent: tree.root, founded: UnitsTest.day("2024-03-01"))
            try await TreeIndex.rebuild(on: app.db)
            let admin = try await Fixtures.user(app, "quantri", .admin)
            let api = try await Fixtures.token(app, for: admin)
            let merged = try await api.send(.POST, "/units/\(tree.b1.id!)/merge", UnitsTestMerge(successorId: tree.b.id, effectiveOn: "2022-07-01"))
            var web = try await TestClient.login(app, "quantri")

            // act
            let y2022 = UnitsTest.tree(in: try await web.get("/don-vi?ngay=2022-06-30").body.string)
            let y2023 = UnitsTest.tree(in: try await web.get("/don-vi?ngay=2023-01-01").body.string)
            let y2024 = UnitsTest.tree(in: try await web.get("/don-vi?ngay=2024-03-01").body.string)

            // assert
            #expect(merged.status == .ok)
            #expect(y2022["B1"] == "B" && y2022["C"] == nil)
            #expect(y2023["B1"] == nil && y2023["C"] == nil)
            #expect(y2024["C"] == "TU")
        }
    }

    @Test func officerSeesTheScopeSubtreeOfThatDay() async throws {
        try await withTestApp { app in
            // setup: A1 leaves A for B on 1/1/2023; D exists only from 2024
            let tree = try await Fixtures.tree(app)
            let d = try await Fixtures.unit(app, "D", "Đảng bộ D", kind: "TRUC_THUOC", parent: tree.root, founded: UnitsTest.day("2024-01-01"))
            try await TreeIndex.rebuild(on: app.db)
            let admin = try await Fixtures.token(app, for: try await Fixtures.user(app, "quantri", .admin))
            _ = try await admin.send(.POST, "/units/\(tree.a1.id!)/move", UnitsTestMove(parentId: tree.b.id, effectiveOn: "2023-01-01"))
            try await Fixtures.user(app, "canbo-a", .officer, unit: tree.a)
            try await Fixtures.user(app, "canbo-d", .officer, unit: d)
            var officerA = try await TestClient.login(app, "canbo-a")
            var officerD = try await TestClient.login(app, "canbo-d")

            // act
            let old = UnitsTest.tree(in: try await officerA.get("/don-vi?ngay=2022-12-31").body.string)
            let new = UnitsTest.tree(in: try await officerA.get("/don-vi?ngay=2023-01-01").body.string)
            let missing = try await officerD.get("/don-vi?ngay=2023-05-01")
            let apiTree = try UnitsTest.json(try await Fixtures.token(app, for: try #require(
                try await User.query(on: app.db).filter(\.$username == "canbo-a").first())).get("/tree?date=2022-12-31"))

            // assert
            #expect(Set(old.keys) == ["A", "A1"])
            #expect(old["A"] == .some(nil) && old["A1"] == "A")
            #expect(Set(new.keys) == ["A"])
            #expect(UnitsTest.tree(in: missing.body.string).isEmpty)
            #expect(missing.body.string.contains("chưa thành lập hoặc đã không còn tồn tại vào ngày 1/5/2023"))
            let nodes = apiTree["units"] as? [[String: Any]] ?? []
            #expect(nodes.map { $0["code"] as? String } == ["A", "A1"])
            #expect(nodes.first?["parentId"] is NSNull)
            #expect(nodes.last?["parentId"] as? Int == tree.a.id)
        }
    }

    @Test func searchFoldsDiacriticsAndStaysInScope() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            try await Fixtures.user(app, "quantri", .admin)
            try await Fixtures.user(app, "canbo-a", .officer, unit: tree.a)
            var admin = try await TestClient.login(app, "quantri")
            var officer = try await TestClient.login(app, "canbo-a")

            // act
            let plain = try await admin.get(SiteURL.units.with([("q", "chi bo")]))
            let accented = try await admin.get(SiteURL.units.with([("q", "CHI BỘ")]))
            let byCode = try await admin.get(SiteURL.units.with([("q", "b1")]))
            let scoped = try await officer.get(SiteURL.units.with([("q", "chi bo")]))
            let outside = try await officer.get(SiteURL.units.with([("q", "B1")]))

            // assert
            #expect(plain.body.string.contains(#"data-count="2""#))
            #expect(accented.body.string.contains(#"data-count="2""#))
            #expect(plain.body.string.contains("Chi bộ A1") && plain.body.string.contains("Chi bộ B1"))
            #expect(byCode.body.string.contains(#"data-count="1""#) && byCode.body.string.contains("Chi bộ B1"))
            #expect(scoped.body.string.contains(#"data-count="1""#))
            #expect(scoped.body.string.contains("Chi bộ A1") && !scoped.body.string.contains("Chi bộ B1"))
            #expect(outside.body.string.contains(#"data-count="0""#))
            #expect(UnitsTest.tree(in: plain.body.string).isEmpty)
        }
    }

    @Test func invalidDateIsRefusedInVietnamese() async throws {
        try await withTestApp { app in
            // setup
            _ = try await Fixtures.tree(app)
            let admin = try await Fixtures.user(app, "quantri", .admin)
            var web = try await TestClient.login(app, "quantri")
            let api = try await Fixtures.token(app, for: admin)

            // act
            let page = try await web.get("/don-vi?ngay=31/2/2024")
            let json = try await api.get("/tree?date=2024-02-31")

            // assert
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.string.contains("Ngày xem cây tổ chức không hợp lệ"))
            // A parameter the OpenAPI document rules out is refused before the handler runs.
            #expect(json.status == .badRequest)
            #expect((try UnitsTest.json(json)["error"] as? [String: Any])?["field"] as? String == "date")
        }
    }
}
