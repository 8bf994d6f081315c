import Domain
import Vapor

/// A commendation in /api/v1. A person recipient shows the name only, never birth date or phone.
struct CommendationDTO: Content, APISchema {
    let id: Int
    let unitId: Int
    let unitCode: String
    let unitName: String
    let formId: Int
    let formName: String
    let isPraise: Bool
    let issuerId: Int
    let issuerName: String
    let recipientKind: String
    let recipientUnitId: Int?
    let personId: Int?
    let recipientName: String
    let fromYear: Int
    let toYear: Int
    let event: String
    let reason: String
    let decisionNumber: String
    let decidedOn: String
    let nominationId: Int?

    init(_ c: Commendation, unit: OrgUnit?, form: CommendationForm?, issuer: CommendationIssuer?) {
        id = c.id!
        unitId = c.unitID
        unitCode = unit?.code ?? ""
        unitName = unit?.name ?? ""
        formId = c.formID
        formName = form?.name ?? ""
        isPraise = form?.isPraise ?? false
        issuerId = c.issuerID
        issuerName = issuer?.name ?? ""
        recipientKind = c.recipientKind.rawValue
        recipientUnitId = c.recipientUnitID
        personId = c.personID
        recipientName = c.recipientName
        fromYear = c.fromYear
        toYear = c.toYear
        event = c.event
        reason = c.reason
        decisionNumber = c.decisionNumber
        decidedOn = c.decidedOn.iso
        nominationId = c.nominationID
    }

    static let schemaName = "Commendation"
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)),
        ("unitId", .integer(minimum: 1)),
        ("unitCode", .string()),
        ("unitName", .string()),
        ("formId", .integer(minimum: 1)),
        ("formName", .string()),
        ("isPraise", .boolean),
        ("issuerId", .integer(minimum: 1)),
        ("issuerName", .string()),
        ("recipientKind", .enumeration(CommendationRecipient.allCases.map(\.rawValue))),
        ("recipientUnitId", .nullable(.integer(minimum: 1))),
        ("personId", .nullable(.integer(minimum: 1))),
        ("recipientName", .string()),
        ("fromYear", .integer(minimum: YearRecordFields.firstYear)),
        ("toYear", .integer(minimum: YearRecordFields.firstYear)),
        ("event", .string()),
        ("reason", .string()),
        ("decisionNumber", .string()),
        ("decidedOn", .date),
        ("nominationId", .nullable(.integer(minimum: 1))),
    ], required: ["id", "unitId", "unitCode", "unitName", "formId", "formName", "isPraise", "issuerId", "issuerName",
                  "recipientKind", "recipientName", "fromYear", "toYear", "event", "reason", "decisionNumber", "decidedOn"])
}

/// POST and PUT /commendations. `unit` is the recording unit's code; `recipientUnit` the code of
/// a unit commended (recipientKind don_vi); `personId` a person (ca_nhan); `recipientName` the
/// collective's or the authors' names (tap_the, nhom_tac_gia).
struct CommendationBody: Content, APISchema {
    var unit: String?
    var formId: Int?
    var issuerId: Int?
    var recipientKind: String?
    var recipientUnit: String?
    var personId: Int?
    var recipientName: String?
    var fromYear: Int?
    var toYear: Int?
    var event: String?
    var reason: String?
    var decisionNumber: String?
    var decidedOn: String?

    var input: CommendationInput {
        CommendationInput(
            unitCode: unit, formID: formId.map(String.init), issuerID: issuerId.map(String.init), recipientKind: recipientKind,
            recipientUnitCode: recipientUnit, personID: personId.map(String.init), recipientName: recipientName,
            fromYear: fromYear.map(String.init), toYear: toYear.map(String.init), event: event, reason: reason,
            decisionNumber: decisionNumber, decidedOn: decidedOn)
    }

    static let schemaName = "CommendationInput"
    static let schema = JSONSchema.object([
        ("unit", .string()),
        ("formId", .integer(minimum: 1)),
        ("issuerId", .integer(minimum: 1)),
        ("recipientKind", .enumeration(CommendationRecipient.allCases.map(\.rawValue))),
        ("recipientUnit", .nullable(.string())),
        ("personId", .nullable(.integer(minimum: 1))),
        ("recipientName", .nullable(.string(maxLength: CommendationService.nameLimit))),
        ("fromYear", .integer(minimum: YearRecordFields.firstYear)),
        ("toYear", .nullable(.integer(minimum: YearRecordFields.firstYear))),
        ("event", .nullable(.string(maxLength: CommendationService.eventLimit))),
        ("reason", .string(maxLength: CommendationService.reasonLimit)),
        ("decisionNumber", .string()),
        ("decidedOn", .date),
    ], required: ["unit", "formId", "issuerId", "recipientKind", "fromYear", "reason", "decisionNumber", "decidedOn"])
}

/// GET /commendations/counts: the whole filtered set, not one page.
struct CommendationCountsDTO: Content, APISchema {
    let collectives: Int
    let individuals: Int
    let authorGroups: Int
    /// "15 tập thể và 18 cá nhân".
    let summary: String

    init(_ counts: CommendationCounts) {
        collectives = counts.collectives
        individuals = counts.individuals
        authorGroups = counts.authorGroups
        summary = counts.summary
    }

    static let schemaName = "CommendationCounts"
    static let schema = JSONSchema.object([
        ("collectives", .integer(minimum: 0)),
        ("individuals", .integer(minimum: 0)),
        ("authorGroups", .integer(minimum: 0)),
        ("summary", .string()),
    ], required: ["collectives", "individuals", "authorGroups", "summary"])
}

/// GET /commendation-forms and /commendation-issuers: the whole list, in display order.
struct CommendationTermsDTO: Content, APISchema {
    struct Term: Content {
        let id: Int
        let name: String
        let isPraise: Bool?
    }

    let items: [Term]

    static let schemaName = "CommendationTerms"
    static let schema = JSONSchema.object([
        ("items", .array(.object([
            ("id", .integer(minimum: 1)),
            ("name", .string()),
            ("isPraise", .nullable(.boolean)),
        ], required: ["id", "name"]))),
    ], required: ["items"])
}
