import Domain
import Vapor

/// A unit in a list.
struct UnitSummaryDTO: Content, APISchema {
    let id: Int
    let code: String
    let name: String
    let kindCode: String
    let attachment: String
    let foundedOn: String
    let dissolvedOn: String?
    let successorId: Int?

    init(_ unit: OrgUnit) {
        id = unit.id!
        code = unit.code
        name = unit.name
        kindCode = unit.kindCode
        attachment = unit.attachment.rawValue
        foundedOn = unit.foundedOn.iso
        dissolvedOn = unit.dissolvedOn?.iso
        successorId = unit.successorID
    }

    /// Absent values are sent as null, so every documented key is always there.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encode(kindCode, forKey: .kindCode)
        try c.encode(attachment, forKey: .attachment)
        try c.encode(foundedOn, forKey: .foundedOn)
        try c.encode(dissolvedOn, forKey: .dissolvedOn)
        try c.encode(successorId, forKey: .successorId)
    }

    static let schemaName = "UnitSummary"
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)), ("code", .string()), ("name", .string()),
        ("kindCode", .string()), ("attachment", .enumeration(UnitAttachment.allCases.map(\.rawValue))),
        ("foundedOn", .date), ("dissolvedOn", .nullable(.date)), ("successorId", .nullable(.integer(minimum: 1))),
    ], required: ["id", "code", "name", "kindCode", "attachment", "foundedOn"])
}

/// One version of a unit's parent.
struct ParentPeriodDTO: Content, APISchema {
    let parentId: Int?
    let parentCode: String?
    let parentName: String?
    let validFrom: String
    /// Exclusive; null while it lasts.
    let validTo: String?

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(parentId, forKey: .parentId)
        try c.encode(parentCode, forKey: .parentCode)
        try c.encode(parentName, forKey: .parentName)
        try c.encode(validFrom, forKey: .validFrom)
        try c.encode(validTo, forKey: .validTo)
    }

    static let schemaName = "ParentPeriod"
    static let schema = JSONSchema.object([
        ("parentId", .nullable(.integer(minimum: 1))), ("parentCode", .nullable(.string())), ("parentName", .nullable(.string())),
        ("validFrom", .date), ("validTo", .nullable(.date)),
    ], required: ["validFrom"])
}

/// A unit with its history in the tree.
struct UnitDetailDTO: Content, APISchema {
    let id: Int
    let code: String
    let name: String
    let kindCode: String
    let kindName: String
    let attachment: String
    let foundedOn: String
    let dissolvedOn: String?
    let successorId: Int?
    let parentId: Int?
    let note: String
    let parentHistory: [ParentPeriodDTO]
    let childIds: [Int]
    let peopleCount: Int

    init(_ detail: UnitDetail) {
        id = detail.ref.id
        code = detail.ref.code
        name = detail.ref.name
        kindCode = detail.kindCode
        kindName = detail.kindName
        attachment = detail.attachment.rawValue
        foundedOn = detail.foundedOn.iso
        dissolvedOn = detail.dissolvedOn?.iso
        successorId = detail.successor?.id
        parentId = detail.currentParent?.id
        note = detail.note
        parentHistory = detail.parentHistory.map {
            ParentPeriodDTO(parentId: $0.parent?.id, parentCode: $0.parent?.code, parentName: $0.parent?.name,
                            validFrom: $0.from.iso, validTo: $0.to?.iso)
        }
        childIds = detail.children.map(\.unit.id)
        peopleCount = detail.peopleCount
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encode(kindCode, forKey: .kindCode)
        try c.encode(kindName, forKey: .kindName)
        try c.encode(attachment, forKey: .attachment)
        try c.encode(foundedOn, forKey: .foundedOn)
        try c.encode(dissolvedOn, forKey: .dissolvedOn)
        try c.encode(successorId, forKey: .successorId)
        try c.encode(parentId, forKey: .parentId)
        try c.encode(note, forKey: .note)
        try c.encode(parentHistory, forKey: .parentHistory)
        try c.encode(childIds, forKey: .childIds)
        try c.encode(peopleCount, forKey: .peopleCount)
    }

    static let schemaName = "UnitDetail"
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)), ("code", .string()), ("name", .string()),
        ("kindCode", .string()), ("kindName", .string()), ("attachment", .enumeration(UnitAttachment.allCases.map(\.rawValue))),
        ("foundedOn", .date), ("dissolvedOn", .nullable(.date)), ("successorId", .nullable(.integer(minimum: 1))),
        ("parentId", .nullable(.integer(minimum: 1))), ("note", .string()),
        ("parentHistory", .array(.ref(ParentPeriodDTO.schemaName))), ("childIds", .array(.integer(minimum: 1))),
        ("peopleCount", .integer(minimum: 0)),
    ], required: ["id", "code", "name", "kindCode", "kindName", "attachment", "foundedOn", "note", "parentHistory", "childIds", "peopleCount"])
}

/// A node of the tree of one day: its parent is the nearest unit above it in the scoped tree.
struct TreeNodeDTO: Content, APISchema {
    let id: Int
    let code: String
    let name: String
    let kindCode: String
    let parentId: Int?

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encode(kindCode, forKey: .kindCode)
        try c.encode(parentId, forKey: .parentId)
    }

    static let schemaName = "TreeNode"
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)), ("code", .string()), ("name", .string()), ("kindCode", .string()),
        ("parentId", .nullable(.integer(minimum: 1))),
    ], required: ["id", "code", "name", "kindCode"])
}

/// The scoped tree of one day, as a flat list (parents before children).
struct TreeDTO: Content, APISchema {
    let date: String
    let units: [TreeNodeDTO]
    /// Why the list is empty when the account's scope unit did not exist that day.
    let message: String?

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(date, forKey: .date)
        try c.encode(units, forKey: .units)
        try c.encode(message, forKey: .message)
    }

    static let schemaName = "Tree"
    static let schema = JSONSchema.object([
        ("date", .date), ("units", .array(.ref(TreeNodeDTO.schemaName))), ("message", .nullable(.string())),
    ], required: ["date", "units"])
}

struct UnitKindDTO: Content, APISchema {
    let code: String
    let name: String
    let rank: Int
    let isGrassroots: Bool
    let isCell: Bool

    static let schemaName = "UnitKind"
    static let schema = JSONSchema.object([
        ("code", .string()), ("name", .string()), ("rank", .integer()), ("isGrassroots", .boolean), ("isCell", .boolean),
    ], required: ["code", "name", "rank", "isGrassroots", "isCell"])
}

/// The body of POST /units and PUT /units/{id} (parentId only on create).
struct UnitWriteDTO: Content, APISchema {
    var code: String?
    var name: String?
    var kindCode: String?
    var attachment: String?
    var foundedOn: String?
    var note: String?
    var parentId: Int?

    var input: UnitService.Input {
        .init(code: code, name: name, kindCode: kindCode, attachment: attachment, foundedOn: foundedOn, note: note, parentID: parentId)
    }

    static let schemaName = "UnitWrite"
    static let schema = JSONSchema.object([
        ("code", .string(maxLength: 32, pattern: UnitService.codePattern)), ("name", .string(maxLength: UnitService.nameMaxLength)),
        ("kindCode", .string()), ("attachment", .enumeration(UnitAttachment.allCases.map(\.rawValue))), ("foundedOn", .date),
        ("note", .nullable(.string(maxLength: UnitService.noteMaxLength))), ("parentId", .nullable(.integer(minimum: 1))),
    ], required: ["code", "name", "kindCode", "attachment", "foundedOn"])
}

struct UnitMoveDTO: Content, APISchema {
    var parentId: Int?
    var effectiveOn: String?

    static let schemaName = "UnitMove"
    static let schema = JSONSchema.object([("parentId", .integer(minimum: 1)), ("effectiveOn", .date)], required: ["parentId", "effectiveOn"])
}

struct UnitMergeDTO: Content, APISchema {
    var successorId: Int?
    var effectiveOn: String?

    static let schemaName = "UnitMerge"
    static let schema = JSONSchema.object([("successorId", .integer(minimum: 1)), ("effectiveOn", .date)], required: ["successorId", "effectiveOn"])
}

struct UnitDissolveDTO: Content, APISchema {
    var effectiveOn: String?

    static let schemaName = "UnitDissolve"
    static let schema = JSONSchema.object([("effectiveOn", .date)], required: ["effectiveOn"])
}
