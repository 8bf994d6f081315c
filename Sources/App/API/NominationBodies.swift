import Domain
import Vapor

/// One candidate of POST /nominations: a person by id, a unit by id, or a name.
struct NominationCandidateBody: Content, APISchema {
    var kind: String?
    var personId: Int? = nil
    var unitId: Int? = nil
    var name: String? = nil
    var achievements: String?
    var formId: Int?

    static let schemaName = "NominationCandidateInput"
    static let schema = JSONSchema.object([
        ("kind", .enumeration(CommendationRecipient.allCases.map(\.rawValue))),
        ("personId", .nullable(.integer(minimum: 1))), ("unitId", .nullable(.integer(minimum: 1))),
        ("name", .string()), ("achievements", .string()), ("formId", .integer(minimum: 1)),
    ], required: ["kind", "achievements", "formId"])
}

/// POST /nominations: a draft of the unit named by code, with its candidates and papers.
struct NominationBody: Content, APISchema {
    var unit: String?
    var title: String?
    var fromYear: Int?
    var toYear: Int?
    var event: String?
    var candidates: [NominationCandidateBody]?
    var papers: [NominationPaperDTO]?

    static let schemaName = "NominationInput"
    static let nestedSchemas: [any APISchema.Type] = [NominationCandidateBody.self, NominationPaperDTO.self]
    static let schema = JSONSchema.object([
        ("unit", .string()), ("title", .string()),
        ("fromYear", .integer(minimum: 1945, maximum: 9999)), ("toYear", .nullable(.integer(minimum: 1945, maximum: 9999))),
        ("event", .string()),
        ("candidates", .array(.ref(NominationCandidateBody.schemaName))),
        ("papers", .array(.ref(NominationPaperDTO.schemaName))),
    ], required: ["unit", "title", "fromYear", "candidates"])

    func draft(access: Access) async throws -> NominationDraft {
        var problems = InvalidInput()
        let unit = try await UnitLookup.resolve(unit, label: "Đơn vị đề nghị", access: access, &problems)
        if fromYear == nil { problems.add("fromYear", "Từ năm: chưa nhập.") }
        var rows: [NominationDraft.Candidate] = []
        for (i, c) in (candidates ?? []).enumerated() {
            guard let kind = c.kind.flatMap(CommendationRecipient.init(rawValue:)) else {
                problems.add("candidates[\(i)].kind", "Dòng \(i + 1): loại đối tượng không hợp lệ.")
                continue
            }
            rows.append(.init(kind: kind, personID: c.personId, unitID: c.unitId, name: c.name ?? "",
                              achievements: c.achievements ?? "", formID: c.formId ?? 0))
        }
        try problems.check()
        return NominationDraft(unitID: unit!.id!, title: title ?? "", fromYear: fromYear!, toYear: toYear ?? fromYear!,
                               event: event ?? "", ruleID: nil, candidates: rows)
    }
}

/// A verdict on one candidate in a decision.
struct NominationVerdictBody: Content, APISchema {
    var id: Int?
    var accepted: Bool?
    var formId: Int?

    static let schemaName = "NominationVerdict"
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)), ("accepted", .boolean), ("formId", .nullable(.integer(minimum: 1))),
    ], required: ["id", "accepted"])
}

/// POST /nominations/{id}/actions: one step; a decision carries its issuer, number, date and verdicts.
struct NominationActionBody: Content, APISchema {
    var action: String?
    var comment: String? = nil
    var issuerId: Int? = nil
    var decisionNumber: String? = nil
    var decidedOn: String? = nil
    var candidates: [NominationVerdictBody]? = nil

    static let schemaName = "NominationAction"
    static let nestedSchemas: [any APISchema.Type] = [NominationVerdictBody.self]
    static let schema = JSONSchema.object([
        ("action", .enumeration(NominationAction.allCases.map(\.rawValue))), ("comment", .string()),
        ("issuerId", .nullable(.integer(minimum: 1))), ("decisionNumber", .string()), ("decidedOn", .date),
        ("candidates", .array(.ref(NominationVerdictBody.schemaName))),
    ], required: ["action"])

    var decision: NominationDecision {
        NominationDecision(
            issuerID: issuerId, decisionNumber: decisionNumber ?? "", decidedOn: decidedOn ?? "",
            verdicts: (candidates ?? []).compactMap { v in
                v.id.map { NominationDecision.Verdict(candidateID: $0, accepted: v.accepted ?? false, formID: v.formId) }
            })
    }
}
