import Domain
import Vapor

/// The signed-in account, as every handler sees it.
struct CurrentUser: Authenticatable, Sendable, Equatable {
    let id: Int
    let username: String
    let displayName: String
    let role: Role
    let scopeUnitID: Int?
    let personID: Int?

    init(id: Int, username: String, displayName: String, role: Role, scopeUnitID: Int?, personID: Int?) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.role = role
        self.scopeUnitID = scopeUnitID
        self.personID = personID
    }

    init(_ user: User) {
        id = user.id!
        username = user.username
        displayName = user.displayName
        role = user.role
        scopeUnitID = user.scopeUnitID
        personID = user.personID
    }
}

extension Request {
    /// The signed-in account; a route behind the auth guards always has one.
    var user: CurrentUser {
        get throws {
            guard let user = auth.get(CurrentUser.self) else { throw Abort(.unauthorized) }
            return user
        }
    }

    var access: Access {
        get throws { Access(user: try user, db: db) }
    }
}
