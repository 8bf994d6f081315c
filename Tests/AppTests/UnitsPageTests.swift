@testable import App
import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

/// What the unit page and the restructure forms show.
@Suite struct UnitsPageTests {
    @Test func unitPageShowsHistoryChildrenMergedPeopleAndPosts() async throws {
        try await withTestApp { app in
            // setup: A1 moved under B in 2023; B1 merged into B in 2024; Hà is bí thư of B
            let tree = try await Fixtures.tree(app)
            let ha = try await Fixtures.person(app, "Nguyễn Thu Hà", in: tree.b)
            try await Fixtures.person(app, "Đỗ Văn Tùng", in: tree.b)
            _ = try await UnitsTest.position(app, ha, in: tree.b, .secretary, since: "2021-02-01")
            let admin = try await Fixtures.token(app, for: try await Fixtures.user(app, "canbo-tinh", .officer, unit: tree.root))
            _ = try await admin.send(.POST, "/units/\(tree.a1.id!)/move", UnitsTestMove(parentId: tree.b.id, effectiveOn: "2023-01-01"))
            _ = try await admin.send(.POST, "/units/\(tree.b1.id!)/merge", UnitsTestMerge(successorId: tree.b.id, effectiveOn: "2024-01-01"))
            var web = try await TestClient.login(app, "canbo-tinh")

            // act
            let b = try await web.get(SiteURL.unit(tree.b.id).path).body.string
            let a1 = try await web.get(SiteURL.unit(tree.a1.id).path).body.string
            let b1 = try await web.get(SiteURL.unit(tree.b1.id).path).body.string

            // assert
            #expect(b.contains(#"<table id="unit-children">"#) && b.contains("Chi bộ A1 (A1)"))
            #expect(b.contains(#"<table id="unit-merged">"#) && b.contains(#"<a href="/don-vi/\#(tree.b1.id!)">Chi bộ B1 (B1)</a>"#))
            #expect(b.contains("Đang sinh hoạt tại đơn vị: 2 người."))
            #expect(b.contains(#"href="/nguoi?don-vi=B""#))
            #expect(b.contains("Bí thư") && b.contains(#"<a href="/nguoi/\#(ha.id!)">Nguyễn Thu Hà</a>"#))
            #expect(b.contains(#"href="/nhat-ky?don-vi=B""#))
            #expect(b.contains(SiteURL.unitMerge(tree.b.id).path) && b.contains(SiteURL.unitDissolve(tree.b.id).path))
            #expect(a1.contains("<td>1/1/2020</td><td>1/1/2023</td>"))
            #expect(a1.contains("<td>1/1/2023</td><td>nay</td>"))
            #expect(b1.contains("Sáp nhập từ ngày") && b1.contains("1/1/2024"))
            #expect(b1.contains("Đơn vị tiếp nhận") && b1.contains(#"<a href="/don-vi/\#(tree.b.id!)">Đảng bộ B (B)</a>"#))
            #expect(!b1.contains(SiteURL.unitMove(tree.b1.id).path), "a merged unit offers no move")
        }
    }

    @Test func restructureFormsOfferOnlyValidTargetsAndSayWhatMoves() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            try await Fixtures.person(app, "Bùi Thị Yến", in: tree.a)
            try await Fixtures.user(app, "quantri", .admin)
            var web = try await TestClient.login(app, "quantri")

            // act
            let merge = try await web.get(SiteURL.unitMerge(tree.a.id).path).body.string
            let dissolve = try await web.get(SiteURL.unitDissolve(tree.a.id).path).body.string
            let move = try await web.get(SiteURL.unitMove(tree.a1.id).path).body.string

            // assert: A cannot merge into itself or A1 (below it)
            #expect(merge.contains(#"id="unit-merge-form""#))
            #expect(merge.contains(#"<option value="\#(tree.b.id!)">Đảng bộ B (B)</option>"#))
            #expect(!merge.contains(#"<option value="\#(tree.a1.id!)">"#) && !merge.contains(#"<option value="\#(tree.a.id!)">"#))
            #expect(merge.contains("1 tổ chức đảng trực thuộc và 1 người đang sinh hoạt"))
            #expect(dissolve.contains("Còn 1 người đang sinh hoạt tại đơn vị này"))
            #expect(dissolve.contains("chuyển về trực thuộc Tỉnh ủy Thử Nghiệm"))
            #expect(move.contains(#"name="parentId""#) && move.contains(#"name="parentCode""#) && move.contains(#"name="effectiveOn""#))
        }
    }
}
