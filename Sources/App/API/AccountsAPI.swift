import Domain
import Fluent
import Vapor

/// /api/v1/me and /api/v1/users: the caller's account, and account administration.
enum AccountsAPI {
    static let tag = "Tài khoản"

    static func register(_ api: APIBuilder) {
        api.on(APIOperation(
            method: .GET, path: "/me", operationID: "getMe", summary: "Tài khoản đang gọi API", tag: tag,
            result: .object(AccountDTO.self))) { req in
            guard let user = try await User.find(try req.user.id, on: req.db) else { throw Abort(.unauthorized) }
            return try await dto(user, on: req.db)
        }

        api.on(APIOperation(
            method: .GET, path: "/users", operationID: "listUsers", summary: "Danh sách tài khoản (quản trị)", tag: tag,
            query: Paging.parameters, result: .list(AccountDTO.self))) { req in
            try req.access.requireRole(.admin)
            let paging = Paging(req)
            let total = try await User.query(on: req.db).count()
            let users = try await User.query(on: req.db).sort(\.$username)
                .offset(paging.offset).limit(paging.perPage).all()
            let units = try await AccountController.units(of: users, on: req.db)
            return Page(items: users.map { AccountDTO($0, scopeUnitCode: $0.scopeUnitID.flatMap { units[$0]?.code }) },
                        total: total, page: paging.page, perPage: paging.perPage)
        }

        api.on(APIOperation(
            method: .POST, path: "/users", operationID: "createUser", summary: "Tạo tài khoản (quản trị)", tag: tag,
            body: .json(AccountCreateDTO.self), result: .object(AccountDTO.self), successStatus: .created)) { req in
            let access = try req.access
            try access.requireRole(.admin)
            let body = try req.content.decode(AccountCreateDTO.self)
            let input = AccountInput(username: body.username, displayName: body.displayName, role: body.role,
                                     unitCode: body.unitCode, personID: body.personId, password: body.password)
            let user = try await renamingFields { try await Accounts.create(input, by: access.user, on: req.db) }
            return try await dto(user, on: req.db)
        }

        api.on(APIOperation(
            method: .PUT, path: "/users/{id}", operationID: "updateUser", summary: "Sửa tài khoản (quản trị)", tag: tag,
            body: .json(AccountUpdateDTO.self), result: .object(AccountDTO.self))) { req in
            let access = try req.access
            try access.requireRole(.admin)
            guard let id = req.parameters.get("id", as: Int.self), let user = try await User.find(id, on: req.db) else {
                throw Abort(.notFound)
            }
            let body = try req.content.decode(AccountUpdateDTO.self)
            let change = AccountUpdate(displayName: body.displayName, role: body.role, unitCode: body.unitCode,
                                       personID: body.personId, isActive: body.isActive, newPassword: body.password)
            try await renamingFields { try await Accounts.update(user, change, by: access.user, on: req.db) }
            return try await dto(user, on: req.db)
        }
    }

    static func dto(_ user: User, on db: any Database) async throws -> AccountDTO {
        var code: String?
        if let id = user.scopeUnitID { code = try await OrgUnit.find(id, on: db)?.code }
        return AccountDTO(user, scopeUnitCode: code)
    }

    /// The account services name form fields; a 422 of the API names the JSON keys instead.
    @discardableResult
    static func renamingFields<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let failure as ValidationFailure {
            let names = ["unit": "unitCode", "person": "personId"]
            throw ValidationFailure(field: names[failure.field] ?? failure.field, message: failure.message)
        }
    }
}
