import Domain
import Vapor

/// A personal plan in /api/v1.
struct PersonalPlanDTO: Content, APISchema {
    let id: Int
    let personId: Int
    let personName: String
    let unitId: Int
    let unitCode: String
    let unitName: String
    let year: Int
    let status: String
    let statusLabel: String
    let items: [String]
    let commitment: String
    let exemplaryCommitment: String
    let submittedOn: String?
    /// The binding due date (set by the plan's unit or the nearest unit above).
    let dueOn: String?
    let late: Bool
    let selfAssessment: String
    let assessment: String?
    let assessmentLabel: String?
    let assessmentComment: String
    let assessedOn: String?

    init(_ f: PersonalPlanFacts) {
        id = f.id
        personId = f.personID
        personName = f.personName
        unitId = f.unitID
        unitCode = f.unitCode
        unitName = f.unitName
        year = f.year
        status = f.status.rawValue
        statusLabel = f.status.label
        items = f.items
        commitment = f.commitment
        exemplaryCommitment = f.exemplaryCommitment
        submittedOn = f.submittedOn?.iso
        dueOn = f.due?.iso
        late = f.late
        selfAssessment = f.selfAssessment
        assessment = f.assessment?.rawValue
        assessmentLabel = f.assessment?.label
        assessmentComment = f.assessmentComment
        assessedOn = f.assessedOn?.iso
    }

    static let schemaName = "PersonalPlan"
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)),
        ("personId", .integer(minimum: 1)),
        ("personName", .string()),
        ("unitId", .integer(minimum: 1)),
        ("unitCode", .string()),
        ("unitName", .string()),
        ("year", .integer()),
        ("status", .enumeration(PersonalPlanStatus.allCases.map(\.rawValue))),
        ("statusLabel", .string()),
        ("items", .array(.string(maxLength: PersonalPlanService.itemLimit))),
        ("commitment", .string()),
        ("exemplaryCommitment", .string()),
        ("submittedOn", .nullable(.date)),
        ("dueOn", .nullable(.date)),
        ("late", .boolean),
        ("selfAssessment", .string()),
        ("assessment", .nullable(.enumeration(PlanAssessment.allCases.map(\.rawValue)))),
        ("assessmentLabel", .nullable(.string())),
        ("assessmentComment", .string()),
        ("assessedOn", .nullable(.date)),
    ], required: ["id", "personId", "personName", "unitId", "unitCode", "unitName", "year", "status", "statusLabel", "items",
                  "commitment", "exemplaryCommitment", "late", "selfAssessment", "assessmentComment"])
}

/// PUT /personal-plans/{id}, and the plan's part of POST: a field left out keeps what the plan has.
struct PersonalPlanBody: Content, APISchema {
    var items: [String]?
    var commitment: String?
    var exemplaryCommitment: String?
    var selfAssessment: String?
    var submittedOn: String?
    var status: String?

    func input() throws -> PersonalPlanInput {
        var status: PersonalPlanStatus?
        if let raw = self.status {
            guard let value = PersonalPlanStatus(rawValue: raw) else {
                throw InvalidInput([ValidationFailure(field: "status", message: "Trạng thái: phải là "
                    + PersonalPlanStatus.allCases.map(\.rawValue).joined(separator: " hoặc ") + ".")])
            }
            status = value
        }
        return PersonalPlanInput(items: items, commitment: commitment, exemplaryCommitment: exemplaryCommitment,
                                 selfAssessment: selfAssessment, submittedOn: submittedOn, status: status)
    }

    static let schemaName = "PersonalPlanInput"
    static var schema: JSONSchema { JSONSchema.object(properties, required: []) }

    static let properties: [(String, JSONSchema)] = [
        ("items", .array(.string(maxLength: PersonalPlanService.itemLimit))),
        ("commitment", .string(maxLength: PersonalPlanService.commitmentLimit)),
        ("exemplaryCommitment", .string(maxLength: PersonalPlanService.commitmentLimit)),
        ("selfAssessment", .string(maxLength: PersonalPlanService.selfAssessmentLimit)),
        ("submittedOn", .nullable(.date)),
        ("status", .enumeration(PersonalPlanStatus.allCases.map(\.rawValue))),
    ]
}

/// POST /personal-plans: the member and the year, then the plan's fields.
struct PersonalPlanCreateBody: Content, APISchema {
    var personId: Int?
    var year: Int?
    var items: [String]?
    var commitment: String?
    var exemplaryCommitment: String?
    var selfAssessment: String?
    var submittedOn: String?
    var status: String?

    var plan: PersonalPlanBody {
        PersonalPlanBody(items: items, commitment: commitment, exemplaryCommitment: exemplaryCommitment,
                         selfAssessment: selfAssessment, submittedOn: submittedOn, status: status)
    }

    static let schemaName = "PersonalPlanCreateInput"
    static let schema = JSONSchema.object(
        [("personId", .integer(minimum: 1)), ("year", .integer(minimum: 1945, maximum: 9999))] + PersonalPlanBody.properties,
        required: ["personId", "year"])
}

/// PUT /personal-plans/{id}/assessment: null clears the assessment.
struct PlanAssessmentBody: Content, APISchema {
    var assessment: String?
    var comment: String?
    /// Whether the body named the assessment at all: null clears it, absence is a mistake.
    var assessmentGiven = true

    enum CodingKeys: String, CodingKey { case assessment, comment }

    init(assessment: String?, comment: String? = nil) {
        self.assessment = assessment
        self.comment = comment
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        assessmentGiven = c.contains(.assessment)
        assessment = try c.decodeIfPresent(String.self, forKey: .assessment)
        // A comment may be left out, but not null: the schema documents a string (null → 400).
        if c.contains(.comment) { comment = try c.decode(String.self, forKey: .comment) }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(assessment, forKey: .assessment)
        try c.encodeIfPresent(comment, forKey: .comment)
    }

    static let schemaName = "PersonalPlanAssessmentInput"
    static let schema = JSONSchema.object([
        ("assessment", .nullable(.enumeration(PlanAssessment.allCases.map(\.rawValue)))),
        ("comment", .string(maxLength: PersonalPlanService.commentLimit)),
    ], required: ["assessment"])
}

/// A cell's template of a year in /api/v1.
struct PlanTemplateDTO: Content, APISchema {
    let id: Int
    let unitId: Int
    let unitCode: String
    let unitName: String
    let year: Int
    let items: [String]
    let commitment: String

    init(_ t: PersonalPlanTemplate, unit: OrgUnit?) {
        id = t.id!
        unitId = t.unitID
        unitCode = unit?.code ?? ""
        unitName = unit?.name ?? ""
        year = t.year
        items = PersonalPlanService.templateItems(t)
        commitment = t.commitment
    }

    static let schemaName = "PersonalPlanTemplate"
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)),
        ("unitId", .integer(minimum: 1)),
        ("unitCode", .string()),
        ("unitName", .string()),
        ("year", .integer()),
        ("items", .array(.string())),
        ("commitment", .string()),
    ], required: ["id", "unitId", "unitCode", "unitName", "year", "items", "commitment"])
}

/// PUT /personal-plan-templates: creates or replaces the cell's template of the year.
struct PlanTemplateBody: Content, APISchema {
    var unit: String?
    var year: Int?
    var items: [String]?
    var commitment: String?

    var input: PlanTemplateInput {
        PlanTemplateInput(unitCode: unit, year: year.map(String.init), items: items ?? [], commitment: commitment)
    }

    static let schemaName = "PersonalPlanTemplateInput"
    static let schema = JSONSchema.object([
        ("unit", .string()),
        ("year", .integer(minimum: 1945, maximum: 9999)),
        ("items", .array(.string(maxLength: PersonalPlanService.itemLimit))),
        ("commitment", .string(maxLength: PersonalPlanService.commitmentLimit)),
    ], required: ["unit", "year", "items"])
}
