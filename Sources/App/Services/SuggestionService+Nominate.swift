import Domain
import Fluent
import Vapor

extension SuggestionService {
    /// Creates one draft nomination at the chosen unit listing the chosen candidates, with the
    /// rule's form and the achievement the rule describes; through `NominationService.createDraft`
    /// (its validation, scope and audit).
    static func nominate(_ choice: SuggestionChoice, access: Access) async throws -> Nomination {
        try requireReader(access)
        var problems = InvalidInput()
        let unit = try await UnitLookup.resolve(choice.unitCode, label: "Đơn vị đề nghị", access: access, &problems)
        var rule: SuggestionRule?
        if let id = choice.ruleID { rule = try await SuggestionRule.find(id, on: access.db) }
        if rule == nil || rule?.active != true || rule?.criterion == nil {
            problems.add("ruleId", "Quy tắc đề xuất: không có hoặc đã thôi áp dụng.")
        }
        let year = choice.year ?? 0
        if !ListYear.range.contains(year) { problems.add("year", "Năm: không hợp lệ.") }
        if choice.ids.isEmpty { problems.add("ids", "Chưa chọn người hoặc tổ chức nào để đề nghị.") }
        try problems.check()
        guard let unit, let rule, let criterion = rule.criterion else { throw Abort(.internalServerError) }

        var all = try await candidates(rule, root: unit.id!, year: year, access: access)
        try await markProposed(&all, ruleID: rule.id!, subject: criterion.subject, year: year, access: access)
        var byID: [Int: SuggestedCandidate] = [:]
        for c in all { byID[criterion.subject == .member ? c.personID! : c.unitID] = c }
        let chosen = Array(Set(choice.ids)).sorted()
        if chosen.contains(where: { byID[$0] == nil }) {
            problems.add("ids", "Có người hoặc tổ chức được chọn không thuộc danh sách đề xuất của quy tắc này.")
        }
        if chosen.contains(where: { byID[$0]?.nominationID != nil }) {
            problems.add("ids", "Có người hoặc tổ chức được chọn đã có trong một đề nghị theo quy tắc này.")
        }
        try problems.check()

        let window = criterion.window(endingIn: year)
        let period = window.count == 1 ? "\(year)" : "\(window.lowerBound)–\(year)"
        let achievements = criterion.describe(year: year)
        let draft = NominationDraft(
            unitID: unit.id!, title: "Đề nghị khen thưởng: \(rule.name) (\(period))",
            fromYear: window.lowerBound, toYear: year, event: "Khen thưởng theo kết quả xếp loại chất lượng năm \(year)",
            ruleID: rule.id,
            candidates: chosen.map { id in
                let c = byID[id]!
                return NominationDraft.Candidate(
                    kind: criterion.subject == .member ? .person : .unit,
                    personID: c.personID, unitID: criterion.subject == .member ? nil : c.unitID,
                    name: c.name, achievements: achievements, formID: rule.formID)
            })
        return try await NominationService.createDraft(draft, access: access)
    }
}
