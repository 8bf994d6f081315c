import Domain
import Foundation
import Vapor

/// An account as the API shows it: never the password hash.
struct AccountDTO: Content, APISchema {
    let id: Int
    let username: String
    let displayName: String
    let role: String
    let roleLabel: String
    let scopeUnitId: Int?
    let scopeUnitCode: String?
    let personId: Int?
    let isActive: Bool
    let createdAt: Date?

    init(_ user: User, scopeUnitCode: String?) {
        id = user.id!
        username = user.username
        displayName = user.displayName
        role = user.role.rawValue
        roleLabel = user.role.label
        scopeUnitId = user.scopeUnitID
        self.scopeUnitCode = scopeUnitCode
        personId = user.personID
        isActive = user.isActive
        createdAt = user.createdAt
    }

    static let schemaName = "Account"
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)),
        ("username", .string()),
        ("displayName", .string()),
        ("role", .enumeration(Role.allCases.map(\.rawValue))),
        ("roleLabel", .string()),
        ("scopeUnitId", .nullable(.integer(minimum: 1))),
        ("scopeUnitCode", .nullable(.string())),
        ("personId", .nullable(.integer(minimum: 1))),
        ("isActive", .boolean),
        ("createdAt", .nullable(.dateTime)),
    ], required: ["id", "username", "displayName", "role", "roleLabel", "isActive"])
}

/// A new account. `unitCode` is required for the scoped roles, `personId` for members.
struct AccountCreateDTO: Content, APISchema {
    let username: String
    let displayName: String?
    let role: String
    let unitCode: String?
    let personId: Int?
    let password: String

    static let schemaName = "AccountCreate"
    static let schema = JSONSchema.object([
        ("username", .string(maxLength: 40, pattern: "^[a-z0-9._-]{3,40}$")),
        ("displayName", .nullable(.string(maxLength: Accounts.displayNameLimit))),
        ("role", .enumeration(Role.allCases.map(\.rawValue))),
        ("unitCode", .nullable(.string())),
        ("personId", .nullable(.integer(minimum: 1))),
        ("password", .string()),
    ], required: ["username", "role", "password"])
}

/// The whole editable state of an account; `password` absent keeps the current one.
struct AccountUpdateDTO: Content, APISchema {
    let displayName: String?
    let role: String
    let unitCode: String?
    let personId: Int?
    let isActive: Bool
    let password: String?

    static let schemaName = "AccountUpdate"
    static let schema = JSONSchema.object([
        ("displayName", .nullable(.string(maxLength: Accounts.displayNameLimit))),
        ("role", .enumeration(Role.allCases.map(\.rawValue))),
        ("unitCode", .nullable(.string())),
        ("personId", .nullable(.integer(minimum: 1))),
        ("isActive", .boolean),
        ("password", .nullable(.string())),
    ], required: ["role", "isActive"])
}
