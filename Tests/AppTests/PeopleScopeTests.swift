@testable import App
import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@Suite struct PeopleScopeTests {
    @Test func officerOfASeesOnlyAAndLeaderOnlyReads() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            let inA1 = try await Fixtures.person(app, "Nguyễn Văn An", in: tree.a1)
            let inB1 = try await Fixtures.person(app, "Trần Văn Bình", in: tree.b1)
            try await Fixtures.user(app, "canbo-a", .officer, unit: tree.a)
            try await Fixtures.user(app, "lanhdao-a", .leader, unit: tree.a)
            var officer = try await TestClient.login(app, "canbo-a")
            var leader = try await TestClient.login(app, "lanhdao-a")
            let before = try await PeopleTest.Counts.of(app)

            // act
            let list = try await officer.get(SiteURL.people.path).body.string
            let ownPage = try await officer.get(SiteURL.person(inA1.id).path)
            let otherPaths = [
                SiteURL.person(inB1.id).path, SiteURL.personEdit(inB1.id).path,
                SiteURL.personTransfer(inB1.id).path, SiteURL.personPositions(inB1.id).path,
            ]
            var otherStatuses: [HTTPStatus] = []
            for path in otherPaths { otherStatuses.append(try await officer.get(path).status) }
            let postOther = try await officer.post(SiteURL.personEdit(inB1.id).path, ["fullName": "X", "category": "dang_vien"])
            let leaderPage = try await leader.get(SiteURL.person(inA1.id).path)
            let leaderList = try await leader.get(SiteURL.people.path).body.string
            let leaderCreate = try await leader.post(SiteURL.personNew.path, PeopleTest.newPersonFields("Lê Mới", unitCode: "A1"))
            let leaderEdit = try await leader.post(SiteURL.personEdit(inA1.id).path, ["fullName": "X", "category": "dang_vien"])
            let leaderTransfer = try await leader.post(SiteURL.personTransfer(inA1.id).path, ["unitCode": "A", "effectiveOn": "2025-01-01"])
            let leaderNewForm = try await leader.get(SiteURL.personNew.path)

            // assert
            #expect(PeopleTest.rowIDs(list) == [inA1.id!])
            #expect(ownPage.status == .ok)
            #expect(ownPage.body.string.contains(#"href="/nguoi/\#(inA1.id!)/sua""#))
            #expect(otherStatuses == [.notFound, .notFound, .notFound, .notFound])
            #expect(postOther.status == .notFound)
            #expect(leaderPage.status == .ok)
            #expect(!leaderPage.body.string.contains("/sua\""))
            #expect(!leaderPage.body.string.contains("chuyen-sinh-hoat"))
            #expect(!leaderList.contains("Thêm người"))
            #expect(leaderCreate.status == .forbidden)
            #expect(leaderEdit.status == .forbidden)
            #expect(leaderTransfer.status == .forbidden)
            #expect(leaderNewForm.status == .forbidden)
            #expect(try await PeopleTest.Counts.of(app) == before)
        }
    }

    @Test func memberSeesOnlyTheirOwnPage() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            let me = try await Fixtures.person(app, "Đinh Thị Mai", in: tree.a1)
            let neighbour = try await Fixtures.person(app, "Đinh Văn Hùng", in: tree.a1)
            try await PeopleTest.position(app, me, .committeeMember, in: tree.a1, from: "2021-01-01")
            try await Fixtures.user(app, "dangvien", .member, person: me)
            var web = try await TestClient.login(app, "dangvien")

            // act
            let own = try await web.get(SiteURL.person(me.id).path)
            let other = try await web.get(SiteURL.person(neighbour.id).path)
            let list = try await web.get(SiteURL.people.path)
            let edit = try await web.get(SiteURL.personEdit(me.id).path)
            let post = try await web.post(SiteURL.personEdit(me.id).path, ["fullName": "Đinh Thị Mai Anh", "category": "dang_vien"])

            // assert
            #expect(own.status == .ok)
            #expect(own.body.string.contains("Đinh Thị Mai"))
            #expect(own.body.string.contains("Chi bộ A1"))
            #expect(own.body.string.contains("Cấp ủy viên"))
            #expect(!own.body.string.contains(#"href="/don-vi/"#)) // members have no unit pages
            #expect(!own.body.string.contains("Kết thúc"))
            #expect(other.status == .notFound)
            #expect(list.status == .forbidden)
            #expect(edit.status == .forbidden)
            #expect(post.status == .forbidden)
            #expect(try await Person.find(me.id, on: app.db)?.fullName == "Đinh Thị Mai")
        }
    }

    @Test func apiFollowsTheSameScope() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            let inA1 = try await Fixtures.person(app, "Nguyễn Văn An", in: tree.a1)
            let inB1 = try await Fixtures.person(app, "Trần Văn Bình", in: tree.b1)
            let officer = try await Fixtures.token(app, for: try await Fixtures.user(app, "canbo-a", .officer, unit: tree.a))
            let leader = try await Fixtures.token(app, for: try await Fixtures.user(app, "lanhdao-a", .leader, unit: tree.a))
            let member = try await Fixtures.token(app, for: try await Fixtures.user(app, "dangvien", .member, person: inA1))
            let before = try await PeopleTest.Counts.of(app)
            let newPerson = PersonCreateDTO(fullName: "Lê Mới", category: "dang_vien", unitId: tree.a1.id, membershipFrom: "2024-01-01")

            // act
            let list = try await officer.get("/people")
            let other = try await officer.get("/people/\(inB1.id!)")
            let otherUnit = try await officer.get("/people?unit=\(tree.b.id!)")
            let transferOut = try await officer.send(.POST, "/people/\(inA1.id!)/transfer", TransferDTO(unitId: tree.b1.id, effectiveOn: "2025-01-01"))
            let leaderCreate = try await leader.send(.POST, "/people", newPerson)
            let leaderRead = try await leader.get("/people/\(inA1.id!)")
            let memberOwn = try await member.get("/people/\(inA1.id!)")
            let memberList = try await member.get("/people")
            let memberOther = try await member.get("/people/\(inB1.id!)")

            // assert
            let items = try PeopleTest.json(list)["items"] as? [[String: Any]] ?? []
            #expect(items.map { $0["id"] as? Int } == [inA1.id])
            #expect(other.status == .notFound)
            #expect(otherUnit.status == .notFound)
            #expect(transferOut.status == .unprocessableEntity)
            #expect(try PeopleTest.errorField(transferOut) == "unitId")
            #expect(leaderCreate.status == .forbidden)
            #expect(leaderRead.status == .ok)
            #expect(memberOwn.status == .ok)
            #expect(memberList.status == .forbidden)
            #expect(memberOther.status == .notFound)
            #expect(try await PeopleTest.Counts.of(app) == before)
        }
    }
}
