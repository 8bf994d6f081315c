import Domain
import Vapor

/// POST /grading-sheets: open a unit's sheet for a year.
struct GradingOpenBody: Content, APISchema {
    var unit: String?
    var year: Int?
    var subject: String?

    static let schemaName = "GradingSheetOpen"
    static let schema = JSONSchema.object([
        ("unit", .string()), ("year", .integer(minimum: GradingService.yearRange.lowerBound, maximum: GradingService.yearRange.upperBound)),
        ("subject", .enumeration(GradingSubject.allCases.map(\.rawValue))),
    ], required: ["unit", "year", "subject"])
}

/// One grade in PUT /grading-sheets/{id}/evaluations: `level` under a four-level regime;
/// `score` and `allTasksDone` under a scored one.
struct GradingMarkBody: Content, APISchema {
    var personId: Int?
    var unitId: Int?
    var level: String?
    var score: Double?
    var allTasksDone: Bool?
    var note: String?

    static let schemaName = "GradingMarkInput"
    static let schema = JSONSchema.object([
        ("personId", .nullable(.integer(minimum: 1))), ("unitId", .nullable(.integer(minimum: 1))),
        ("level", .nullable(.enumeration(GradingLevel.allCases.map(\.rawValue)))),
        ("score", .nullable(.number)), ("allTasksDone", .nullable(.boolean)),
        ("note", .nullable(.string(maxLength: GradingService.noteLimit))),
    ], required: [])
}

/// PUT /grading-sheets/{id}/evaluations: the whole set; a row left out is ungraded.
struct GradingEvaluationsBody: Content, APISchema {
    var outstanding: Bool?
    var evaluations: [GradingMarkBody]?

    static let schemaName = "GradingEvaluationsInput"
    static let nestedSchemas: [any APISchema.Type] = [GradingMarkBody.self]
    static let schema = JSONSchema.object([
        ("outstanding", .boolean), ("evaluations", .array(.ref(GradingMarkBody.schemaName))),
    ], required: ["evaluations"])
}
