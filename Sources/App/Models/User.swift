import Domain
import Fluent
import Foundation

/// An account. Passwords are stored as bcrypt hashes only.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: Role
    /// The root of the subtree the account works in (nil for administrators and members).
    @OptionalField(key: "scope_unit_id") var scopeUnitID: Int?
    /// The person an account of a member stands for.
    @OptionalField(key: "person_id") var personID: Int?
    @Field(key: "is_active") var isActive: Bool

    init() {}
}

/// A token for programs calling /api/v1. Only its SHA-256 is stored.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "user_id") var userID: Int
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    init() {}
}

/// One login try, kept to throttle guessing across all app servers.
final class LoginAttempt: Model, @unchecked Sendable {
    static let schema = "login_attempts"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "username") var username: String
    @Field(key: "ip") var ip: String
    @Field(key: "at") var at: Date
    @Field(key: "succeeded") var succeeded: Bool

    init() {}
}

/// Who changed what, when, with the values before and after (JSON).
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "at") var at: Date
    @OptionalField(key: "user_id") var userID: Int?
    @Field(key: "username") var username: String
    @Field(key: "action") var action: String
    @Field(key: "entity_type") var entityType: String
    @OptionalField(key: "entity_id") var entityID: Int?
    /// The unit the change belongs to, for scoping who may read the entry.
    @OptionalField(key: "unit_id") var unitID: Int?
    @Field(key: "summary") var summary: String
    @OptionalField(key: "before_json") var beforeJSON: String?
    @OptionalField(key: "after_json") var afterJSON: String?

    init() {}
}
