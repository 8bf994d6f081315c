import Foundation
import Vapor

/// One audit log entry as the API returns it in lists.
struct AuditEntryDTO: Content, APISchema {
    let id: Int
    let at: Date
    let userId: Int?
    let username: String
    let action: String
    let actionLabel: String
    let entity: String
    let entityLabel: String
    let entityId: Int?
    let unitId: Int?
    let summary: String

    init(_ entry: AuditEntry) {
        id = entry.id!
        at = entry.at
        userId = entry.userID
        username = entry.username
        action = entry.action
        actionLabel = AuditLog.actionLabel(entry.action)
        entity = entry.entityType
        entityLabel = AuditLog.entityLabel(entry.entityType)
        entityId = entry.entityID
        unitId = entry.unitID
        summary = entry.summary
    }

    static let schemaName = "AuditEntry"
    static let properties: [(String, JSONSchema)] = [
        ("id", .integer(minimum: 1)),
        ("at", .dateTime),
        ("userId", .nullable(.integer(minimum: 1))),
        ("username", .string()),
        ("action", .enumeration(Audit.Action.allCases.map(\.rawValue))),
        ("actionLabel", .string()),
        ("entity", .enumeration(Audit.Entity.allCases.map(\.rawValue))),
        ("entityLabel", .string()),
        ("entityId", .nullable(.integer(minimum: 1))),
        ("unitId", .nullable(.integer(minimum: 1))),
        ("summary", .string()),
    ]
    static let required = ["id", "at", "username", "action", "actionLabel", "entity", "entityLabel", "summary"]
    static let schema = JSONSchema.object(properties, required: required)
}

/// One entry with the values before and after the change, as recorded.
struct AuditEntryDetailDTO: Content, APISchema {
    let entry: AuditEntryDTO
    /// The snapshot before the change: a JSON object written as text, since its keys depend on the entity.
    let before: String?
    let after: String?
    let changedFields: [String]

    init(_ entry: AuditEntry) {
        self.entry = AuditEntryDTO(entry)
        before = entry.beforeJSON
        after = entry.afterJSON
        changedFields = AuditChanges.changedFields(before: entry.beforeJSON, after: entry.afterJSON)
    }

    // Flat on the wire: the entry's keys beside before, after and changedFields.
    private enum Keys: String, CodingKey { case before, after, changedFields }

    func encode(to encoder: any Encoder) throws {
        try entry.encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encodeIfPresent(before, forKey: .before)
        try c.encodeIfPresent(after, forKey: .after)
        try c.encode(changedFields, forKey: .changedFields)
    }

    init(from decoder: any Decoder) throws {
        entry = try AuditEntryDTO(from: decoder)
        let c = try decoder.container(keyedBy: Keys.self)
        before = try c.decodeIfPresent(String.self, forKey: .before)
        after = try c.decodeIfPresent(String.self, forKey: .after)
        changedFields = try c.decode([String].self, forKey: .changedFields)
    }

    static let schemaName = "AuditEntryDetail"
    static let schema = JSONSchema.object(AuditEntryDTO.properties + [
        ("before", .nullable(.string())),
        ("after", .nullable(.string())),
        ("changedFields", .array(.string())),
    ], required: AuditEntryDTO.required + ["changedFields"])
}
