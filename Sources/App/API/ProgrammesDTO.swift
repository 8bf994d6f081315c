import Domain
import Vapor

/// A programme in /api/v1. Dates are "YYYY-MM-DD".
struct ProgrammeDTO: Content, APISchema {
    let id: Int
    let documentNumber: String
    let title: String
    let issuedOn: String
    let startsOn: String
    let endsOn: String?
    let summary: String

    init(_ p: Programme) {
        id = p.id!
        documentNumber = p.documentNumber
        title = p.title
        issuedOn = p.issuedOn.iso
        startsOn = p.startsOn.iso
        endsOn = p.endsOn?.iso
        summary = p.summary
    }

    static let schemaName = "Programme"
    static let properties: [(String, JSONSchema)] = [
        ("id", .integer(minimum: 1)),
        ("documentNumber", .string()),
        ("title", .string()),
        ("issuedOn", .date),
        ("startsOn", .date),
        ("endsOn", .nullable(.date)),
        ("summary", .string()),
    ]
    static let required = ["id", "documentNumber", "title", "issuedOn", "startsOn", "summary"]
    static let schema = JSONSchema.object(properties, required: required)
}

/// A programme with the topics the caller sees (set by its own units or by those above).
struct ProgrammeDetailDTO: Content, APISchema {
    let id: Int
    let documentNumber: String
    let title: String
    let issuedOn: String
    let startsOn: String
    let endsOn: String?
    let summary: String
    let topics: [TopicDTO]

    init(_ p: Programme, topics: [TopicDTO]) {
        let base = ProgrammeDTO(p)
        id = base.id
        documentNumber = base.documentNumber
        title = base.title
        issuedOn = base.issuedOn
        startsOn = base.startsOn
        endsOn = base.endsOn
        summary = base.summary
        self.topics = topics
    }

    static let schemaName = "ProgrammeDetail"
    static let schema = JSONSchema.object(
        ProgrammeDTO.properties + [("topics", .array(.ref(TopicDTO.schemaName)))],
        required: ProgrammeDTO.required + ["topics"])
}

/// POST and PUT /programmes. Optional in Swift so a missing field gets a 422 naming it.
struct ProgrammeBody: Content, APISchema {
    var documentNumber: String?
    var title: String?
    var issuedOn: String?
    var startsOn: String?
    var endsOn: String?
    var summary: String?

    var input: ProgrammeInput {
        ProgrammeInput(documentNumber: documentNumber, title: title, issuedOn: issuedOn, startsOn: startsOn,
                       endsOn: endsOn, summary: summary)
    }

    static let schemaName = "ProgrammeInput"
    static let schema = JSONSchema.object([
        ("documentNumber", .string()),
        ("title", .string(maxLength: ProgrammeService.titleLimit)),
        ("issuedOn", .date),
        ("startsOn", .date),
        ("endsOn", .nullable(.date)),
        ("summary", .nullable(.string())),
    ], required: ["documentNumber", "title", "issuedOn", "startsOn"])
}

/// A study topic in /api/v1.
struct TopicDTO: Content, APISchema {
    let id: Int
    let programmeId: Int
    let unitId: Int
    let unitCode: String
    let unitName: String
    let kind: String
    let kindLabel: String
    let year: Int
    let endYear: Int
    let parentTopicId: Int?
    let title: String
    let description: String

    init(_ t: Topic, unit: OrgUnit?) {
        id = t.id!
        programmeId = t.programmeID
        unitId = t.unitID
        unitCode = unit?.code ?? ""
        unitName = unit?.name ?? ""
        kind = t.kind.rawValue
        kindLabel = t.kind.label
        year = t.year
        endYear = t.endYear
        parentTopicId = t.parentTopicID
        title = t.title
        description = t.description
    }

    static let schemaName = "Topic"
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)),
        ("programmeId", .integer(minimum: 1)),
        ("unitId", .integer(minimum: 1)),
        ("unitCode", .string()),
        ("unitName", .string()),
        ("kind", .enumeration(TopicKind.allCases.map(\.rawValue))),
        ("kindLabel", .string()),
        ("year", .integer()),
        ("endYear", .integer()),
        ("parentTopicId", .nullable(.integer(minimum: 1))),
        ("title", .string()),
        ("description", .string()),
    ], required: ["id", "programmeId", "unitId", "unitCode", "unitName", "kind", "kindLabel", "year", "endYear", "title", "description"])
}

/// POST and PUT /topics. `unit` is the provincial committee's code; `endYear` only for a
/// whole-term topic, `parentTopicId` only (and always) for an annual one.
struct TopicBody: Content, APISchema {
    var programmeId: Int?
    var unit: String?
    var kind: String?
    var year: Int?
    var endYear: Int?
    var parentTopicId: Int?
    var title: String?
    var description: String?

    var input: TopicInput {
        TopicInput(programmeID: programmeId.map(String.init), unitCode: unit, kind: kind, year: year.map(String.init),
                   endYear: endYear.map(String.init), parentTopicID: parentTopicId.map(String.init), title: title,
                   description: description)
    }

    static let schemaName = "TopicInput"
    static let schema = JSONSchema.object([
        ("programmeId", .integer(minimum: 1)),
        ("unit", .string()),
        ("kind", .enumeration(TopicKind.allCases.map(\.rawValue))),
        ("year", .integer(minimum: 1945, maximum: 9999)),
        ("endYear", .nullable(.integer(minimum: 1945, maximum: 9999))),
        ("parentTopicId", .nullable(.integer(minimum: 1))),
        ("title", .string(maxLength: TopicService.titleLimit)),
        ("description", .nullable(.string())),
    ], required: ["programmeId", "unit", "kind", "year", "title"])
}
