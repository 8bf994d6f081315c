import Domain
import Fluent
import Vapor

/// A nomination as a program builds it (a suggestion turned into a nomination, the demo, the form).
struct NominationDraft: Sendable {
    struct Candidate: Sendable {
        var kind: CommendationRecipient
        var personID: Int?
        var unitID: Int?
        var name: String
        var achievements: String
        var formID: Int
    }
    var unitID: Int          // the proposing unit
    var title: String
    var fromYear: Int
    var toYear: Int
    var event: String
    var ruleID: Int?
    var candidates: [Candidate]
}

extension NominationService {
    /// Validates (scope: requireWrite on unitID; candidates' people/units in its subtree; ≥1 candidate; forms exist)
    /// and stores a draft with its candidates in one transaction with one audit entry.
    static func createDraft(_ draft: NominationDraft, access: Access) async throws -> Nomination {
        try TopicService.requireWriter(access)
        try await access.requireWrite(unit: draft.unitID)
        let candidates = try await validatedCandidates(draft, on: access.db)
        let nomination = Nomination()
        nomination.unitID = draft.unitID
        nomination.currentUnitID = draft.unitID
        nomination.ruleID = draft.ruleID
        nomination.title = VietnameseText.normalize(draft.title)
        nomination.titleFolded = VietnameseText.fold(nomination.title)
        nomination.fromYear = draft.fromYear
        nomination.toYear = draft.toYear
        nomination.event = VietnameseText.normalize(draft.event)
        nomination.status = .draft
        nomination.decisionNumber = ""
        try await access.db.transaction { tx in
            try await nomination.create(on: tx)
            for candidate in candidates {
                candidate.nominationID = nomination.id!
                try await candidate.create(on: tx)
            }
            try await Audit.record(
                on: tx, by: access.user, .create, .nomination, id: nomination.id, unit: nomination.unitID,
                summary: "Lập đề nghị khen thưởng “\(nomination.title)” (\(candidates.count) đối tượng)",
                after: NominationSnapshot(nomination, candidates: candidates))
        }
        return nomination
    }

    /// The candidates of a draft as rows, or 422 naming the first field in trouble.
    static func validatedCandidates(_ draft: NominationDraft, on db: any Database) async throws -> [NominationCandidate] {
        var problems = InvalidInput()
        if VietnameseText.normalize(draft.title).isEmpty { problems.add("title", "Tiêu đề: chưa nhập.") }
        if draft.fromYear > draft.toYear { problems.add("toYear", "Đến năm: không được trước năm bắt đầu (\(draft.fromYear)).") }
        if draft.candidates.isEmpty { problems.add("candidates", "Chưa có đối tượng nào được đề nghị.") }
        var rows: [NominationCandidate] = []
        for (index, c) in draft.candidates.enumerated() {
            let field = "candidates[\(index)]"
            let row = NominationCandidate()
            row.recipientKind = c.kind
            row.achievements = VietnameseText.normalize(c.achievements)
            row.formID = c.formID
            row.recipientName = VietnameseText.normalize(c.name)
            if try await CommendationForm.find(c.formID, on: db) == nil {
                problems.add("\(field).formId", "Dòng \(index + 1): hình thức khen thưởng không có.")
            }
            if row.achievements.isEmpty { problems.add("\(field).achievements", "Dòng \(index + 1): chưa nhập tóm tắt thành tích.") }
            switch c.kind {
            case .person:
                if let id = c.personID, let person = try await Person.find(id, on: db), let unit = person.currentUnitID,
                   try await Access.isDescendant(unit, of: draft.unitID, on: db) {
                    row.personID = id
                    row.recipientName = person.fullName
                } else {
                    problems.add("\(field).personId", "Dòng \(index + 1): không có đảng viên này trong đơn vị đề nghị.")
                }
            case .unit:
                if let id = c.unitID, let unit = try await OrgUnit.find(id, on: db),
                   try await Access.isDescendant(id, of: draft.unitID, on: db) {
                    row.recipientUnitID = id
                    row.recipientName = unit.name
                } else {
                    problems.add("\(field).unitId", "Dòng \(index + 1): không có tổ chức này trong đơn vị đề nghị.")
                }
            case .collective, .authors:
                if row.recipientName.isEmpty { problems.add("\(field).name", "Dòng \(index + 1): chưa nhập tên.") }
            }
            rows.append(row)
        }
        try problems.check()
        return rows
    }
}
