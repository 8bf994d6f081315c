@testable import App
import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

/// /api/v1 for the tree: the same rules as the pages, responses as documented.
@Suite struct UnitsAPITests {
    @Test func createReadEditAndTree() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            let api = try await Fixtures.token(app, for: try await Fixtures.user(app, "canbo-tinh", .officer, unit: tree.root))

            // act
            let created = try await api.send(.POST, "/units", UnitWriteDTO(
                code: "DUK", name: "Đảng ủy Khối các cơ quan", kindCode: "TRUC_THUOC", attachment: "co_quan",
                foundedOn: "2021-05-18", note: "Thành lập theo quyết định", parentId: tree.root.id))
            let body = try UnitsTest.json(created)
            let id = try #require(body["id"] as? Int)
            let moved = try await api.send(.POST, "/units/\(tree.b1.id!)/move", UnitsTestMove(parentId: id, effectiveOn: "2022-01-01"))
            let updated = try await api.send(.PUT, "/units/\(id)", UnitWriteDTO(
                code: "DUK", name: "Đảng ủy Khối Cơ quan tỉnh", kindCode: "TRUC_THUOC", attachment: "co_quan", foundedOn: "2021-05-18"))
            let read = try await api.get("/units/\(tree.b1.id!)")
            let search = try await api.get("/units?q=khoi%20co%20quan")
            let onDay = try await api.get("/units?date=2021-01-01&perPage=10")
            let treeBefore = try await api.get("/tree?date=2021-12-31")
            let treeAfter = try await api.get("/tree?date=2022-01-01")
            let kinds = try await api.get("/unit-kinds")

            // assert
            #expect(created.status == .created)
            #expect(body["code"] as? String == "DUK")
            #expect(body["foundedOn"] as? String == "2021-05-18")
            #expect(body["parentId"] as? Int == tree.root.id)
            #expect(moved.status == .ok)
            #expect(updated.status == .ok)
            #expect(try UnitsTest.json(updated)["name"] as? String == "Đảng ủy Khối Cơ quan tỉnh")
            let b1 = try UnitsTest.json(read)
            let history = b1["parentHistory"] as? [[String: Any]] ?? []
            #expect(history.map { $0["parentCode"] as? String } == ["B", "DUK"])
            #expect(history.map { $0["validFrom"] as? String } == ["2020-01-01", "2022-01-01"])
            #expect(history.first?["validTo"] as? String == "2022-01-01")
            #expect(b1["parentId"] as? Int == id)
            let found = try UnitsTest.json(search)
            #expect((found["items"] as? [[String: Any]])?.map { $0["id"] as? Int } == [id])
            #expect(try UnitsTest.json(onDay)["total"] as? Int == 5)
            func parents(_ r: TestingHTTPResponse) throws -> [String: Int?] {
                let units = try UnitsTest.json(r)["units"] as? [[String: Any]] ?? []
                return Dictionary(uniqueKeysWithValues: units.map { ($0["code"] as? String ?? "", $0["parentId"] as? Int) })
            }
            #expect(try parents(treeBefore)["B1"] == tree.b.id)
            #expect(try parents(treeAfter)["B1"] == id)
            #expect(try parents(treeAfter)["TU"] == .some(nil))
            #expect(try UnitsTest.json(treeAfter)["date"] as? String == "2022-01-01")
            #expect((try UnitsTest.json(kinds)["items"] as? [[String: Any]])?.first?["code"] as? String == "TINH")
            #expect(try await UnitsTest.schemaProblems(app, created, schema: "UnitDetail") == [])
            #expect(try await UnitsTest.schemaProblems(app, read, schema: "UnitDetail") == [])
            #expect(try await UnitsTest.schemaProblems(app, treeAfter, schema: "Tree") == [])
            #expect(try await UnitsTest.schemaProblems(app, search, schema: "UnitSummary", list: true) == [])
            #expect(try await UnitsTest.schemaProblems(app, kinds, schema: "UnitKind", list: true) == [])
        }
    }

    @Test func mergeThroughTheAPITransfersMembers() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            let person = try await Fixtures.person(app, "Hoàng Văn Dũng", in: tree.b1, since: UnitsTest.day("2021-01-01"))
            let api = try await Fixtures.token(app, for: try await Fixtures.user(app, "quantri", .admin))

            // act
            let merged = try await api.send(.POST, "/units/\(tree.b1.id!)/merge", UnitsTestMerge(successorId: tree.a1.id, effectiveOn: "2025-07-01"))
            let successor = try await api.get("/units/\(tree.a1.id!)")
            let again = try await api.send(.POST, "/units/\(tree.b1.id!)/merge", UnitsTestMerge(successorId: tree.a1.id, effectiveOn: "2025-08-01"))

            // assert
            #expect(merged.status == .ok)
            let body = try UnitsTest.json(merged)
            #expect(body["dissolvedOn"] as? String == "2025-07-01")
            #expect(body["successorId"] as? Int == tree.a1.id)
            #expect(try UnitsTest.json(successor)["peopleCount"] as? Int == 1)
            #expect(try await Person.find(person.id, on: app.db)?.currentUnitID == tree.a1.id)
            #expect(again.status == .unprocessableEntity)
            #expect((try UnitsTest.json(again)["error"] as? [String: Any])?["message"] as? String == TreeChangeError.unitDissolved.message)
            #expect(try await UnitsTest.schemaProblems(app, merged, schema: "UnitDetail") == [])
        }
    }
}
