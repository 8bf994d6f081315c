@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// /api/v1/users: account administration for programs, with the same rules as the pages.
@Suite struct AccountsAPITests {
    @Test func adminCreatesListsAndUpdatesAccounts() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            let admin = try await Fixtures.user(app, "quan.tri", .admin)
            let person = try await Fixtures.person(app, "Phan Văn Quý", in: tree.b1)
            let api = try await Fixtures.token(app, for: admin)

            // act
            let created = try await api.send(.POST, "/users", AccountCreateDTO(
                username: "phan.quy", displayName: "Phan Văn Quý", role: Role.member.rawValue, unitCode: nil,
                personId: person.id, password: "mat-khau-cua-quy"))
            let id = try #require(try AuthTestSupport.json(created)["id"] as? Int)
            let updated = try await api.send(.PUT, "/users/\(id)", AccountUpdateDTO(
                displayName: "Bí thư Phan Văn Quý", role: Role.cellSecretary.rawValue, unitCode: "B1", personId: nil,
                isActive: true, password: nil))
            let list = try await api.get("/users?perPage=1&page=2")

            // assert
            #expect(created.status == .created)
            let createdBody = try AuthTestSupport.json(created)
            #expect(createdBody["personId"] as? Int == person.id)
            #expect(createdBody["role"] as? String == Role.member.rawValue)
            #expect(createdBody["passwordHash"] == nil)
            #expect(try await AuthTestSupport.schemaProblems(app, createdBody, schema: "Account") == [])
            #expect(updated.status == .ok)
            let body = try AuthTestSupport.json(updated)
            #expect(body["role"] as? String == Role.cellSecretary.rawValue)
            #expect(body["scopeUnitId"] as? Int == tree.b1.id)
            #expect(body["scopeUnitCode"] as? String == "B1")
            #expect(body["personId"] == nil)
            let stored = try #require(try await User.find(id, on: app.db))
            #expect(Passwords.verify("mat-khau-cua-quy", hash: stored.passwordHash))
            let page = try AuthTestSupport.json(list)
            #expect(page["total"] as? Int == 2)
            #expect((page["items"] as? [[String: Any]])?.map { $0["username"] as? String } == ["quan.tri"])
        }
    }

    @Test func validationNamesTheJSONField() async throws {
        try await withTestApp { app in
            // setup
            _ = try await Fixtures.tree(app)
            let admin = try await Fixtures.user(app, "quan.tri", .admin)
            let api = try await Fixtures.token(app, for: admin)

            // act
            let noUnit = try await api.send(.POST, "/users", AccountCreateDTO(
                username: "can.bo.x", displayName: nil, role: Role.officer.rawValue, unitCode: "KHONG-CO", personId: nil,
                password: "mat-khau-dai-du"))
            let shortPassword = try await api.send(.POST, "/users", AccountCreateDTO(
                username: "can.bo.y", displayName: nil, role: Role.admin.rawValue, unitCode: nil, personId: nil, password: "ngan"))
            let selfLock = try await api.send(.PUT, "/users/\(admin.id!)", AccountUpdateDTO(
                displayName: nil, role: Role.admin.rawValue, unitCode: nil, personId: nil, isActive: false, password: nil))
            let missing = try await api.send(.PUT, "/users/999999", AccountUpdateDTO(
                displayName: nil, role: Role.admin.rawValue, unitCode: nil, personId: nil, isActive: true, password: nil))

            // assert
            #expect(noUnit.status == .unprocessableEntity)
            #expect(try AuthTestSupport.errorField(noUnit) == "unitCode")
            #expect(shortPassword.status == .unprocessableEntity)
            #expect(try AuthTestSupport.errorField(shortPassword) == "password")
            #expect(selfLock.status == .unprocessableEntity)
            #expect(try AuthTestSupport.errorField(selfLock) == "isActive")
            #expect(missing.status == .notFound)
            #expect(try await User.query(on: app.db).count() == 1)
            #expect(try await User.find(admin.id, on: app.db)?.isActive == true)
        }
    }
}
