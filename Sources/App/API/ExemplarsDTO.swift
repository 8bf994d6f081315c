import Domain
import Vapor

/// An exemplar in /api/v1.
struct ExemplarDTO: Content, APISchema {
    let id: Int
    let unitId: Int
    let unitCode: String
    let unitName: String
    let year: Int
    let subject: String
    let subjectLabel: String
    let subjectUnitId: Int?
    let personId: Int?
    let name: String
    let story: String
    let recognisedOn: String
    let recognisedBy: String

    init(_ e: Exemplar, unit: OrgUnit?) {
        id = e.id!
        unitId = e.unitID
        unitCode = unit?.code ?? ""
        unitName = unit?.name ?? ""
        year = e.year
        subject = e.subject.rawValue
        subjectLabel = e.subject.label
        subjectUnitId = e.subjectUnitID
        personId = e.personID
        name = e.name
        story = e.story
        recognisedOn = e.recognisedOn.iso
        recognisedBy = e.recognisedBy
    }

    static let schemaName = "Exemplar"
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)),
        ("unitId", .integer(minimum: 1)),
        ("unitCode", .string()),
        ("unitName", .string()),
        ("year", .integer(minimum: YearRecordFields.firstYear)),
        ("subject", .enumeration(ExemplarSubject.allCases.map(\.rawValue))),
        ("subjectLabel", .string()),
        ("subjectUnitId", .nullable(.integer(minimum: 1))),
        ("personId", .nullable(.integer(minimum: 1))),
        ("name", .string()),
        ("story", .string()),
        ("recognisedOn", .date),
        ("recognisedBy", .string()),
    ], required: ["id", "unitId", "unitCode", "unitName", "year", "subject", "subjectLabel", "name", "story",
                  "recognisedOn", "recognisedBy"])
}

/// POST and PUT /exemplars. `unit` is the recognising unit's code; a collective names its unit
/// by `subjectUnit` (code), an individual by `personId`.
struct ExemplarBody: Content, APISchema {
    var unit: String?
    var year: Int?
    var subject: String?
    var subjectUnit: String?
    var personId: Int?
    var story: String?
    var recognisedOn: String?
    var recognisedBy: String?

    var input: ExemplarInput {
        ExemplarInput(unitCode: unit, year: year.map(String.init), subject: subject, subjectUnitCode: subjectUnit,
                      personID: personId.map(String.init), story: story, recognisedOn: recognisedOn, recognisedBy: recognisedBy)
    }

    static let schemaName = "ExemplarInput"
    static let schema = JSONSchema.object([
        ("unit", .string()),
        ("year", .integer(minimum: YearRecordFields.firstYear)),
        ("subject", .enumeration(ExemplarSubject.allCases.map(\.rawValue))),
        ("subjectUnit", .nullable(.string())),
        ("personId", .nullable(.integer(minimum: 1))),
        ("story", .string(maxLength: ExemplarService.storyLimit)),
        ("recognisedOn", .date),
        ("recognisedBy", .string(maxLength: ExemplarService.byLimit)),
    ], required: ["unit", "year", "subject", "story", "recognisedOn", "recognisedBy"])
}
