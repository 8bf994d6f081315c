import Domain
import Vapor

/// A unit plan in /api/v1, with its binding due date and whether it was late.
struct UnitPlanDTO: Content, APISchema {
    let id: Int
    let unitId: Int
    let unitCode: String
    let unitName: String
    let programmeId: Int
    let programmeNumber: String
    let scope: String
    let year: Int
    let theme: String
    let content: String
    let documentNumber: String
    let status: String
    let statusLabel: String
    let firstSubmittedOn: String?
    let submittedOn: String?
    let approvedOn: String?
    /// The due date set by the nearest unit above, if any.
    let dueOn: String?
    /// no_due_date, not_yet_due, on_time, late, overdue
    let timeliness: String
    /// Days late (submitted after the due date) or overdue (not submitted, due date passed).
    let daysLate: Int?

    static let timelinessValues = ["no_due_date", "not_yet_due", "on_time", "late", "overdue"]

    init(_ line: UnitPlanLine) {
        let p = line.plan
        id = p.id!
        unitId = p.unitID
        unitCode = line.unit?.code ?? ""
        unitName = line.unit?.name ?? ""
        programmeId = p.programmeID
        programmeNumber = line.programme?.documentNumber ?? ""
        scope = p.scope.rawValue
        year = p.year
        theme = p.theme
        content = p.content
        documentNumber = p.documentNumber
        status = p.status.rawValue
        statusLabel = p.status.label
        firstSubmittedOn = p.firstSubmittedOn?.iso
        submittedOn = p.submittedOn?.iso
        approvedOn = p.approvedOn?.iso
        dueOn = line.due?.iso
        switch line.timeliness {
        case .noDueDate: (timeliness, daysLate) = ("no_due_date", nil)
        case .notYetDue: (timeliness, daysLate) = ("not_yet_due", nil)
        case .onTime: (timeliness, daysLate) = ("on_time", nil)
        case .late(let days): (timeliness, daysLate) = ("late", days)
        case .overdue(let days): (timeliness, daysLate) = ("overdue", days)
        }
    }

    static let schemaName = "UnitPlan"
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)),
        ("unitId", .integer(minimum: 1)),
        ("unitCode", .string()),
        ("unitName", .string()),
        ("programmeId", .integer(minimum: 1)),
        ("programmeNumber", .string()),
        ("scope", .enumeration(PlanScope.allCases.map(\.rawValue))),
        ("year", .integer()),
        ("theme", .string()),
        ("content", .string()),
        ("documentNumber", .string()),
        ("status", .enumeration(PlanStatus.allCases.map(\.rawValue))),
        ("statusLabel", .string()),
        ("firstSubmittedOn", .nullable(.date)),
        ("submittedOn", .nullable(.date)),
        ("approvedOn", .nullable(.date)),
        ("dueOn", .nullable(.date)),
        ("timeliness", .enumeration(timelinessValues)),
        ("daysLate", .nullable(.integer(minimum: 1))),
    ], required: ["id", "unitId", "unitCode", "unitName", "programmeId", "programmeNumber", "scope", "year", "theme", "content",
                  "documentNumber", "status", "statusLabel", "timeliness"])
}

/// One step of a plan's review.
struct UnitPlanEventDTO: Content, APISchema {
    let action: String
    let onDate: String
    let username: String
    let comment: String

    init(_ e: UnitPlanEvent) {
        action = e.action.rawValue
        onDate = e.onDate.iso
        username = e.username
        comment = e.comment
    }

    static let schemaName = "UnitPlanEvent"
    static let schema = JSONSchema.object([
        ("action", .enumeration(PlanAction.allCases.map(\.rawValue))),
        ("onDate", .date),
        ("username", .string()),
        ("comment", .string()),
    ], required: ["action", "onDate", "username", "comment"])
}

/// A plan with its review history (GET, PUT /unit-plans/{id} and the review steps).
struct UnitPlanDetailDTO: Content, APISchema {
    let plan: UnitPlanDTO
    let events: [UnitPlanEventDTO]
    /// The review steps the calling account may take now.
    let allowedActions: [String]

    static let schemaName = "UnitPlanDetail"
    static let nestedSchemas: [any APISchema.Type] = [UnitPlanDTO.self, UnitPlanEventDTO.self]
    static let schema = JSONSchema.object([
        ("plan", .ref(UnitPlanDTO.schemaName)),
        ("events", .array(.ref(UnitPlanEventDTO.schemaName))),
        ("allowedActions", .array(.enumeration(PlanAction.allCases.map(\.rawValue)))),
    ], required: ["plan", "events", "allowedActions"])
}

/// POST and PUT /unit-plans. `unit` is the unit's code; `year` may be left out for a term plan.
struct UnitPlanBody: Content, APISchema {
    var unit: String?
    var programmeId: Int?
    var scope: String?
    var year: Int?
    var theme: String?
    var content: String?
    var documentNumber: String?

    var input: UnitPlanInput {
        UnitPlanInput(unitCode: unit, programmeID: programmeId.map(String.init), scope: scope, year: year.map(String.init),
                      theme: theme, content: content, documentNumber: documentNumber)
    }

    static let schemaName = "UnitPlanInput"
    static let schema = JSONSchema.object([
        ("unit", .string()),
        ("programmeId", .integer(minimum: 1)),
        ("scope", .enumeration(PlanScope.allCases.map(\.rawValue))),
        ("year", .nullable(.integer(minimum: 1945, maximum: 9999))),
        ("theme", .string(maxLength: UnitPlanService.themeLimit)),
        ("content", .string(maxLength: UnitPlanService.contentLimit)),
        ("documentNumber", .string(maxLength: UnitPlanService.numberLimit)),
    ], required: ["unit", "programmeId", "scope", "theme"])
}

/// POST /unit-plans/{id}/actions: one review step.
struct UnitPlanActionBody: Content, APISchema {
    var action: String?
    var comment: String?

    static let schemaName = "UnitPlanAction"
    static let schema = JSONSchema.object([
        ("action", .enumeration(PlanAction.allCases.map(\.rawValue))),
        ("comment", .string(maxLength: UnitPlanService.commentLimit)),
    ], required: ["action"])
}
