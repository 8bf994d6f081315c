@testable import App
import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

/// Merges, dissolutions and moves: what each carries with it, and what it refuses.
@Suite struct UnitsRestructureTests {
    @Test func mergeMovesChildrenMembershipsPositionsAndScope() async throws {
        try await withTestApp { app in
            // setup: Lan belongs to A itself (bí thư), Minh to A1; an officer of B
            let tree = try await Fixtures.tree(app)
            let lan = try await Fixtures.person(app, "Trần Thị Lan", in: tree.a, since: UnitsTest.day("2021-03-01"))
            let minh = try await Fixtures.person(app, "Lê Văn Minh", in: tree.a1)
            let post = try await UnitsTest.position(app, lan, in: tree.a, .secretary, since: "2021-03-01")
            let tinh = try await Fixtures.user(app, "canbo-tinh", .officer, unit: tree.root)
            let officerB = try await Fixtures.user(app, "canbo-b", .officer, unit: tree.b)
            let scopeB = Access(user: CurrentUser(officerB), db: app.db)
            let seenBefore = try await Person.query(on: app.db).scoped(scopeB.subtreeFilter("current_unit_id")).count()
            var web = try await TestClient.login(app, "canbo-tinh")
            _ = tinh

            // act: A merges into B on 1/1/2024
            let response = try await web.post(SiteURL.unitMerge(tree.a.id).path, ["successorId": String(tree.b.id!), "effectiveOn": "2024-01-01"])

            // assert: the unit
            #expect(response.status == .seeOther)
            let a = try await UnitsTest.reload(app, tree.a)
            #expect(a.dissolvedOn == UnitsTest.day("2024-01-01"))
            #expect(a.successorID == tree.b.id)
            #expect(try await UnitsTest.links(app, of: tree.a).map(\.to) == ["2024-01-01"])
            // its living child moves to the successor
            let a1Links = try await UnitsTest.links(app, of: tree.a1)
            #expect(a1Links.map(\.parent) == [tree.a.id, tree.b.id])
            #expect(a1Links.map(\.from) == ["2020-01-01", "2024-01-01"])
            #expect(a1Links.map(\.to) == ["2024-01-01", nil])
            // Lan's membership is transferred: one row ended, one started; Minh's stays with A1
            let rows = try await Membership.query(on: app.db).filter(\.$personID == lan.id!).sort(\.$validFrom).all()
            #expect(rows.map(\.unitID) == [tree.a.id!, tree.b.id!])
            #expect(rows.map(\.validTo) == [UnitsTest.day("2024-01-01"), nil])
            #expect(rows.last?.validFrom == UnitsTest.day("2024-01-01"))
            #expect(try await Person.find(lan.id, on: app.db)?.currentUnitID == tree.b.id)
            #expect(try await Person.find(minh.id, on: app.db)?.currentUnitID == tree.a1.id)
            #expect(try await Membership.query(on: app.db).filter(\.$personID == minh.id!).count() == 1)
            #expect(try await Position.find(post.id, on: app.db)?.validTo == UnitsTest.day("2024-01-01"))
            // the closure: B's officer now sees A, A1, and both people
            #expect(seenBefore == 0)
            #expect(try await scopeB.canSee(unit: tree.a.id!))
            #expect(try await scopeB.canSee(unit: tree.a1.id!))
            let seenAfter = try await Person.query(on: app.db).scoped(scopeB.subtreeFilter("current_unit_id")).all(\.$id)
            #expect(Set(seenAfter) == [lan.id!, minh.id!])
            var officer = try await TestClient.login(app, "canbo-b")
            let page = try await officer.get(SiteURL.unit(tree.a.id).path)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Sáp nhập từ ngày"))
            let successorPage = try await officer.get(SiteURL.unit(tree.b.id).path).body.string
            #expect(successorPage.contains("Đảng ủy Khối A (A)"))
            // audit: the merged unit, the successor, the moved child, the transferred person
            let entries = try await AuditEntry.query(on: app.db).filter(\.$entityType == "don_vi").all()
            #expect(entries.filter { $0.action == "sap_nhap" }.compactMap(\.entityID).sorted() == [tree.a.id!, tree.b.id!].sorted())
            #expect(entries.filter { $0.action == "chuyen_don_vi" }.compactMap(\.entityID) == [tree.a1.id!])
            let transfer = try await AuditEntry.query(on: app.db).filter(\.$action == "chuyen_sinh_hoat").all()
            #expect(transfer.compactMap(\.entityID) == [lan.id!])
            let mergeEntry = try #require(entries.first { $0.action == "sap_nhap" && $0.entityID == tree.a.id })
            #expect(mergeEntry.beforeJSON?.contains(#""dissolvedOn""#) == false)
            #expect(mergeEntry.afterJSON?.contains(#""dissolvedOn":"2024-01-01""#) == true)
            #expect(mergeEntry.beforeJSON?.contains(#""memberPersonIDs":[\#(lan.id!)]"#) == true)
        }
    }

    @Test func dissolveIsRefusedWhilePeopleRemainAndWritesNothing() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            try await Fixtures.person(app, "Phạm Văn An", in: tree.a1)
            try await Fixtures.person(app, "Phạm Thị Bình", in: tree.a1)
            let admin = try await Fixtures.user(app, "quantri", .admin)
            var web = try await TestClient.login(app, "quantri")
            let api = try await Fixtures.token(app, for: admin)
            let before = try await UnitsTest.Counts.of(app)

            // act
            let page = try await web.post(SiteURL.unitDissolve(tree.a1.id).path, ["effectiveOn": "2024-01-01"])
            let json = try await api.send(.POST, "/units/\(tree.a1.id!)/dissolve", UnitsTestDissolve(effectiveOn: "2024-01-01"))

            // assert
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.string.contains("còn 2 người đang sinh hoạt tại đơn vị này"))
            #expect(json.status == .unprocessableEntity)
            let error = try UnitsTest.json(json)["error"] as? [String: Any]
            #expect(error?["field"] as? String == "members")
            #expect((error?["message"] as? String)?.contains("còn 2 người") == true)
            #expect(try await UnitsTest.Counts.of(app) == before)
            #expect(try await UnitsTest.reload(app, tree.a1).dissolvedOn == nil)
        }
    }

    @Test func dissolveMovesLivingChildrenToTheParent() async throws {
        try await withTestApp { app in
            // setup: A has no members of its own; A1 (with a member) hangs under it
            let tree = try await Fixtures.tree(app)
            try await Fixtures.person(app, "Võ Văn Cường", in: tree.a1)
            let admin = try await Fixtures.token(app, for: try await Fixtures.user(app, "quantri", .admin))

            // act
            let response = try await admin.send(.POST, "/units/\(tree.a.id!)/dissolve", UnitsTestDissolve(effectiveOn: "2025-07-01"))

            // assert
            #expect(response.status == .ok)
            let body = try UnitsTest.json(response)
            #expect(body["dissolvedOn"] as? String == "2025-07-01")
            #expect(body["successorId"] is NSNull || body["successorId"] == nil)
            #expect(try await UnitsTest.links(app, of: tree.a1).map(\.parent) == [tree.a.id, tree.root.id])
            #expect(try await UnitsTest.links(app, of: tree.a).map(\.to) == ["2025-07-01"])
            let actions = try await AuditEntry.query(on: app.db).filter(\.$entityType == "don_vi").all().map { "\($0.action):\($0.entityID ?? 0)" }
            #expect(Set(actions) == ["giai_the:\(tree.a.id!)", "chuyen_don_vi:\(tree.a1.id!)", "giai_the:\(tree.root.id!)"])
        }
    }

    @Test func aMoveThatWouldCloseALoopLaterIsRefused() async throws {
        try await withTestApp { app in
            // setup: A1 moves under B from 1/1/2023
            let tree = try await Fixtures.tree(app)
            let admin = try await Fixtures.token(app, for: try await Fixtures.user(app, "quantri", .admin))
            let first = try await admin.send(.POST, "/units/\(tree.a1.id!)/move", UnitsTestMove(parentId: tree.b.id, effectiveOn: "2023-01-01"))
            let before = try await UnitsTest.Counts.of(app)

            // act: B under A1 from 2022 is no loop in 2022, but one from 2023 on; from 2024 it is one at once
            let later = try await admin.send(.POST, "/units/\(tree.b.id!)/move", UnitsTestMove(parentId: tree.a1.id, effectiveOn: "2022-06-01"))
            let direct = try await admin.send(.POST, "/units/\(tree.b.id!)/move", UnitsTestMove(parentId: tree.a1.id, effectiveOn: "2024-01-01"))
            let fine = try await admin.send(.POST, "/units/\(tree.b1.id!)/move", UnitsTestMove(parentId: tree.a.id, effectiveOn: "2022-06-01"))

            // assert
            #expect(first.status == .ok)
            for response in [later, direct] {
                #expect(response.status == .unprocessableEntity)
                let error = try UnitsTest.json(response)["error"] as? [String: Any]
                #expect(error?["field"] as? String == "parentId")
                #expect(error?["message"] as? String == TreeChangeError.cycle.message)
            }
            #expect(fine.status == .ok)
            #expect(try await UnitsTest.Counts.of(app).links == before.links + 1)
        }
    }

    @Test func datesMustFollowTheCurrentPlace() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            try await Fixtures.user(app, "quantri", .admin)
            var web = try await TestClient.login(app, "quantri")
            let before = try await UnitsTest.Counts.of(app)

            // act
            let sameDay = try await web.post(SiteURL.unitMove(tree.a1.id).path, ["parentId": String(tree.b.id!), "effectiveOn": "2020-01-01"])
            let noDate = try await web.post(SiteURL.unitMerge(tree.a1.id).path, ["successorId": String(tree.b1.id!), "effectiveOn": ""])
            let unknownCode = try await web.post(SiteURL.unitMerge(tree.a1.id).path, ["successorCode": "zz", "effectiveOn": "2024-01-01"])

            // assert
            #expect(sameDay.status == .unprocessableEntity)
            #expect(sameDay.body.string.contains(TreeChangeError.notAfterCurrentLink.message))
            #expect(noDate.status == .unprocessableEntity)
            #expect(noDate.body.string.contains("Ngày có hiệu lực là bắt buộc."))
            #expect(unknownCode.body.string.contains("Không tìm thấy tổ chức đảng có mã “ZZ” trong phạm vi của bạn."))
            #expect(try await UnitsTest.Counts.of(app) == before)
        }
    }
}
