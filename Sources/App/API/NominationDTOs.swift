import Domain
import Vapor

/// A nomination in /api/v1: where it stands and how many it proposes.
struct NominationDTO: Content, APISchema {
    let id: Int
    let unitId: Int
    let unitName: String
    let currentUnitId: Int
    let currentUnitName: String
    let title: String
    let fromYear: Int
    let toYear: Int
    let event: String
    let status: String
    let statusLabel: String
    let submittedOn: String?
    let issuerId: Int?
    let decisionNumber: String
    let decidedOn: String?
    let candidateCount: Int

    init(_ line: NominationLine) {
        let n = line.nomination
        id = n.id!
        unitId = n.unitID
        unitName = line.unitName
        currentUnitId = n.currentUnitID
        currentUnitName = line.currentUnitName
        title = n.title
        fromYear = n.fromYear
        toYear = n.toYear
        event = n.event
        status = n.status.rawValue
        statusLabel = n.status.label
        submittedOn = n.submittedOn?.iso
        issuerId = n.issuerID
        decisionNumber = n.decisionNumber
        decidedOn = n.decidedOn?.iso
        candidateCount = line.candidateCount
    }

    static let schemaName = "Nomination"
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)), ("unitId", .integer(minimum: 1)), ("unitName", .string()),
        ("currentUnitId", .integer(minimum: 1)), ("currentUnitName", .string()), ("title", .string()),
        ("fromYear", .integer()), ("toYear", .integer()), ("event", .string()),
        ("status", .enumeration(NominationStatus.allCases.map(\.rawValue))), ("statusLabel", .string()),
        ("submittedOn", .nullable(.date)), ("issuerId", .nullable(.integer(minimum: 1))), ("decisionNumber", .string()),
        ("decidedOn", .nullable(.date)), ("candidateCount", .integer(minimum: 0)),
    ], required: ["id", "unitId", "unitName", "currentUnitId", "currentUnitName", "title", "fromYear", "toYear", "event",
                  "status", "statusLabel", "decisionNumber", "candidateCount"])
}

struct NominationCandidateDTO: Content, APISchema {
    let id: Int
    let kind: String
    let personId: Int?
    let unitId: Int?
    let name: String
    let achievements: String
    let formId: Int
    /// Set by the decision.
    let accepted: Bool?
    let commendationId: Int?

    init(_ c: NominationCandidate) {
        id = c.id!
        kind = c.recipientKind.rawValue
        personId = c.personID
        unitId = c.recipientUnitID
        name = c.recipientName
        achievements = c.achievements
        formId = c.formID
        accepted = c.accepted
        commendationId = c.commendationID
    }

    static let schemaName = "NominationCandidate"
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)), ("kind", .enumeration(CommendationRecipient.allCases.map(\.rawValue))),
        ("personId", .nullable(.integer(minimum: 1))), ("unitId", .nullable(.integer(minimum: 1))), ("name", .string()),
        ("achievements", .string()), ("formId", .integer(minimum: 1)), ("accepted", .nullable(.boolean)),
        ("commendationId", .nullable(.integer(minimum: 1))),
    ], required: ["id", "kind", "name", "achievements", "formId"])
}

struct NominationPaperDTO: Content, APISchema {
    let kind: String
    let description: String

    static let schemaName = "NominationPaper"
    static let schema = JSONSchema.object([
        ("kind", .enumeration(NominationPaperKind.allCases.map(\.rawValue))), ("description", .string()),
    ], required: ["kind", "description"])
}

struct NominationEventDTO: Content, APISchema {
    let action: String
    let fromUnitId: Int
    let toUnitId: Int
    let onDate: String
    let username: String
    let comment: String

    init(_ e: NominationEvent) {
        action = e.action.rawValue
        fromUnitId = e.fromUnitID
        toUnitId = e.toUnitID
        onDate = e.onDate.iso
        username = e.username
        comment = e.comment
    }

    static let schemaName = "NominationEvent"
    static let schema = JSONSchema.object([
        ("action", .enumeration(NominationAction.allCases.map(\.rawValue))), ("fromUnitId", .integer(minimum: 1)),
        ("toUnitId", .integer(minimum: 1)), ("onDate", .date), ("username", .string()), ("comment", .string()),
    ], required: ["action", "fromUnitId", "toUnitId", "onDate", "username", "comment"])
}

/// GET /nominations/{id} and the answers of the steps.
struct NominationDetailDTO: Content, APISchema {
    let nomination: NominationDTO
    let candidates: [NominationCandidateDTO]
    let papers: [NominationPaperDTO]
    let events: [NominationEventDTO]
    /// The steps the calling account may take now.
    let allowedActions: [String]

    static let schemaName = "NominationDetail"
    static let nestedSchemas: [any APISchema.Type] = [
        NominationDTO.self, NominationCandidateDTO.self, NominationPaperDTO.self, NominationEventDTO.self,
    ]
    static let schema = JSONSchema.object([
        ("nomination", .ref(NominationDTO.schemaName)),
        ("candidates", .array(.ref(NominationCandidateDTO.schemaName))),
        ("papers", .array(.ref(NominationPaperDTO.schemaName))),
        ("events", .array(.ref(NominationEventDTO.schemaName))),
        ("allowedActions", .array(.enumeration(NominationAction.allCases.map(\.rawValue)))),
    ], required: ["nomination", "candidates", "papers", "events", "allowedActions"])
}
