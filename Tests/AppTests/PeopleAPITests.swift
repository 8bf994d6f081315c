@testable import App
import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@Suite struct PeopleAPITests {
    @Test func createReadUpdateTransferAndPositions() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            let api = try await Fixtures.token(app, for: try await Fixtures.user(app, "tinh", .officer, unit: tree.root))

            // act: create
            let created = try await api.send(.POST, "/people", PersonCreateDTO(
                fullName: "Đoàn Thị Thu", category: "can_bo", gender: "nu", birthDate: "1985-04-30",
                identityNumber: "079185001234", phone: "+84 912 000 111", email: "thu@donvi.vn",
                partyJoinedOn: "2010-02-03", partyOfficialOn: "2011-02-03", unitId: tree.a1.id, membershipFrom: "2020-06-01"))
            let body = try PeopleTest.json(created)
            let id = try #require(body["id"] as? Int)
            // update, transfer, position, end
            let updated = try await api.send(.PUT, "/people/\(id)", PersonUpdateDTO(
                fullName: "Đoàn Thị Thu Hà", category: "can_bo", gender: "nu", birthDate: "1985-04-30",
                identityNumber: "079185001234", phone: "", email: "", partyJoinedOn: "2010-02-03", partyOfficialOn: "2011-02-03"))
            let transferred = try await api.send(.POST, "/people/\(id)/transfer", TransferDTO(unitId: tree.b1.id, effectiveOn: "2025-07-01"))
            let position = try await api.send(.POST, "/people/\(id)/positions", PositionWriteDTO(
                title: "pho_bi_thu", unitId: tree.b1.id, from: "2025-07-01"))
            let positionID = try #require(try PeopleTest.json(position)["id"] as? Int)
            let ended = try await api.send(.POST, "/positions/\(positionID)/end", PositionEndDTO(on: "2025-12-31"))
            let read = try await api.get("/people/\(id)")
            let search = try await api.get("/people?q=doan%20thi%20thu&unit=\(tree.b.id!)&category=can_bo")
            let searchOldUnit = try await api.get("/people?q=doan&unit=\(tree.a.id!)")

            // assert
            #expect(created.status == .created)
            #expect(body["fullName"] as? String == "Đoàn Thị Thu")
            #expect(body["currentUnitId"] as? Int == tree.a1.id)
            #expect((body["memberships"] as? [[String: Any]])?.first?["from"] as? String == "2020-06-01")
            #expect(updated.status == .ok)
            #expect(try PeopleTest.json(updated)["phone"] as? String == "")
            #expect(transferred.status == .ok)
            #expect(position.status == .created)
            #expect(ended.status == .ok)
            #expect(try PeopleTest.json(ended)["to"] as? String == "2025-12-31")
            let person = try PeopleTest.json(read)
            #expect(person["fullName"] as? String == "Đoàn Thị Thu Hà")
            #expect(person["currentUnitId"] as? Int == tree.b1.id)
            let memberships = person["memberships"] as? [[String: Any]] ?? []
            #expect(memberships.map { $0["unitId"] as? Int } == [tree.a1.id, tree.b1.id])
            #expect(memberships.map { $0["to"] as? String } == ["2025-07-01", nil])
            let positions = person["positions"] as? [[String: Any]] ?? []
            #expect(positions.map { $0["title"] as? String } == ["pho_bi_thu"])
            let found = try PeopleTest.json(search)
            #expect((found["items"] as? [[String: Any]])?.map { $0["id"] as? Int } == [id])
            #expect(found["total"] as? Int == 1)
            #expect(try PeopleTest.json(searchOldUnit)["total"] as? Int == 0)
            var problems = try await PeopleTest.schemaProblems(app, read, schema: "Person")
            problems += try await PeopleTest.schemaProblems(app, created, schema: "Person")
            problems += try await PeopleTest.schemaProblems(app, ended, schema: "Position")
            problems += try await PeopleTest.schemaProblems(app, search, schema: "PersonSummary", items: true)
            #expect(problems == [])
            // create, update, and the transfer filed under both units (B1 is outside A1's subtree)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == "nguoi").count() == 4)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == "chuc_vu").count() == 2)
        }
    }

    @Test func invalidBodiesAnswer422NamingTheFieldAndWriteNothing() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            let person = try await Fixtures.person(app, "Mai Văn Sơn", in: tree.a1, since: PeopleTest.day("2022-01-01"))
            let api = try await Fixtures.token(app, for: try await Fixtures.user(app, "canbo-a", .officer, unit: tree.a))
            let before = try await PeopleTest.Counts.of(app)
            let valid = PersonCreateDTO(fullName: "Lê Thị Mới", category: "dang_vien", unitId: tree.a1.id, membershipFrom: "2024-01-01")
            var badIdentity = valid
            badIdentity.identityNumber = "12345678"
            var badDates = valid
            badDates.partyJoinedOn = "2020-05-01"
            badDates.partyOfficialOn = "2019-05-01"
            var unknownUnit = valid
            unknownUnit.unitId = 999_999
            var missingName = valid
            missingName.fullName = nil

            // act
            let responses = [
                try await api.send(.POST, "/people", badIdentity),
                try await api.send(.POST, "/people", badDates),
                try await api.send(.POST, "/people", unknownUnit),
                try await api.send(.POST, "/people", missingName),
                try await api.send(.POST, "/people/\(person.id!)/transfer", TransferDTO(unitId: tree.a.id, effectiveOn: "2021-12-31")),
                try await api.send(.POST, "/people/\(person.id!)/positions", PositionWriteDTO(title: "vua", unitId: tree.a1.id, from: "2024-01-01")),
            ]

            // assert
            #expect(responses.map(\.status) == Array(repeating: .unprocessableEntity, count: 6))
            #expect(try responses.map { try PeopleTest.errorField($0) }
                    == ["identityNumber", "partyOfficialOn", "unitId", "fullName", "effectiveOn", "title"])
            #expect(try PeopleTest.errorMessage(responses[0])?.contains("Số CCCD/CMND") == true)
            #expect(try PeopleTest.errorMessage(responses[1])?.contains("Ngày chính thức") == true)
            #expect(try PeopleTest.errorMessage(responses[4])?.contains("Ngày chuyển") == true)
            #expect(try await PeopleTest.Counts.of(app) == before)
        }
    }
}
