import Domain
import Vapor

/// A practice model in /api/v1.
struct PracticeModelDTO: Content, APISchema {
    let id: Int
    let unitId: Int
    let unitCode: String
    let unitName: String
    let year: Int
    let kind: String
    let kindLabel: String
    let title: String
    let description: String
    let results: String

    init(_ m: PracticeModel, unit: OrgUnit?) {
        id = m.id!
        unitId = m.unitID
        unitCode = unit?.code ?? ""
        unitName = unit?.name ?? ""
        year = m.year
        kind = m.kind.rawValue
        kindLabel = m.kind.label
        title = m.title
        description = m.description
        results = m.results
    }

    static let schemaName = "PracticeModel"
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)),
        ("unitId", .integer(minimum: 1)),
        ("unitCode", .string()),
        ("unitName", .string()),
        ("year", .integer(minimum: YearRecordFields.firstYear)),
        ("kind", .enumeration(PracticeModelKind.allCases.map(\.rawValue))),
        ("kindLabel", .string()),
        ("title", .string()),
        ("description", .string()),
        ("results", .string()),
    ], required: ["id", "unitId", "unitCode", "unitName", "year", "kind", "kindLabel", "title", "description", "results"])
}

/// POST and PUT /practice-models. `unit` is the registering unit's code.
struct PracticeModelBody: Content, APISchema {
    var unit: String?
    var year: Int?
    var kind: String?
    var title: String?
    var description: String?
    var results: String?

    var input: PracticeModelInput {
        PracticeModelInput(unitCode: unit, year: year.map(String.init), kind: kind, title: title,
                           description: description, results: results)
    }

    static let schemaName = "PracticeModelInput"
    static let schema = JSONSchema.object([
        ("unit", .string()),
        ("year", .integer(minimum: YearRecordFields.firstYear)),
        ("kind", .enumeration(PracticeModelKind.allCases.map(\.rawValue))),
        ("title", .string(maxLength: PracticeModelService.titleLimit)),
        ("description", .string(maxLength: PracticeModelService.textLimit)),
        ("results", .string(maxLength: PracticeModelService.textLimit)),
    ], required: ["unit", "year", "kind", "title"])
}
