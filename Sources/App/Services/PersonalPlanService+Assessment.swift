import Domain
import Fluent
import Vapor

/// The cell's year-end assessment of one plan, as sent: "" or nil clears it.
struct PlanAssessmentMark: Sendable {
    var assessment: String?
    var comment: String?
}

/// A plan of the cell on the one-screen assessment.
struct PlanAssessmentLine: Sendable {
    let plan: PersonalPlan
    let fullName: String
}

extension PersonalPlanService {
    /// The cell's plans of the year (the plans it made), by the members' names.
    static func assessmentLines(cell: OrgUnit, year: Int, access: Access) async throws -> [PlanAssessmentLine] {
        try await access.requireRead(unit: cell.id!)
        let plans = try await PersonalPlan.query(on: access.db).filter(\.$unitID == cell.id!).filter(\.$year == year).all()
        let ids = plans.map(\.personID)
        let people = ids.isEmpty ? [] : try await Person.query(on: access.db).filter(\.$id ~~ ids).all()
        let byID = Dictionary(uniqueKeysWithValues: people.map { ($0.id!, $0) })
        return plans.compactMap { plan in byID[plan.personID].map { (plan, $0) } }
            .sorted { ($0.1.sortKey, $0.1.id!) < ($1.1.sortKey, $1.1.id!) }
            .map { PlanAssessmentLine(plan: $0.0, fullName: $0.1.fullName) }
    }

    /// Records the assessments all together, or none when one is refused. `field` names the
    /// form field or body key of a plan's value in messages. Returns how many plans changed.
    @discardableResult
    static func assess(
        _ marks: [(plan: PersonalPlan, mark: PlanAssessmentMark)], access: Access, today: LocalDate = .today(),
        field: (PersonalPlan, String) -> String
    ) async throws -> Int {
        try TopicService.requireWriter(access)
        for (plan, _) in marks { try await access.requireWrite(unit: plan.unitID) }
        var problems = InvalidInput()
        var pending: [(plan: PersonalPlan, assessment: PlanAssessment?, comment: String)] = []
        for (plan, mark) in marks {
            let raw = VietnameseText.normalize(mark.assessment ?? "")
            let value = PlanAssessment(rawValue: raw)
            if !raw.isEmpty && value == nil {
                problems.add(field(plan, "assessment"), "Đánh giá: phải là hoàn thành hoặc không hoàn thành.")
                continue
            }
            let comment = text(mark.comment, field(plan, "comment"), "Nhận xét", limit: commentLimit, &problems)
            if value == nil && !comment.isEmpty {
                problems.add(field(plan, "assessment"), "Đánh giá: chọn hoàn thành hoặc không hoàn thành trước khi ghi nhận xét.")
                continue
            }
            guard value != plan.assessment || comment != plan.assessmentComment else { continue }
            if value != nil && plan.status != .submitted {
                problems.add(field(plan, "assessment"), "Đánh giá: kế hoạch chưa nộp nên chưa đánh giá được.")
            } else if value != nil && !isYearEnd(plan.year, today: today) {
                problems.add(field(plan, "assessment"), "Đánh giá: chỉ đánh giá từ ngày 1/12/\(plan.year), khi kết thúc năm.")
            }
            pending.append((plan, value, comment))
        }
        try problems.check()
        let changes = pending
        guard !changes.isEmpty else { return 0 }

        let ids = changes.compactMap(\.plan.id)
        let items = Dictionary(grouping: try await PersonalPlanItem.query(on: access.db).filter(\.$planID ~~ ids).sort(\.$position).all(),
                               by: \.planID).mapValues { $0.map(\.content) }
        let people = Dictionary(uniqueKeysWithValues: try await Person.query(on: access.db)
            .filter(\.$id ~~ changes.map(\.plan.personID)).all().map { ($0.id!, $0.fullName) })
        try await access.db.transaction { tx in
            for change in changes {
                let plan = change.plan
                let before = PersonalPlanSnapshot(plan, items: items[plan.id!] ?? [])
                if change.assessment != plan.assessment { plan.assessedOn = change.assessment == nil ? nil : today }
                plan.assessment = change.assessment
                plan.assessmentComment = change.comment
                try await plan.update(on: tx)
                let outcome = change.assessment.map { "“\($0.label)”" } ?? "bỏ đánh giá"
                try await Audit.record(
                    on: tx, by: access.user, .assess, .personalPlan, id: plan.id, unit: plan.unitID,
                    summary: "Đánh giá kế hoạch cá nhân năm \(plan.year) của \(people[plan.personID] ?? ""): \(outcome)",
                    before: before, after: PersonalPlanSnapshot(plan, items: items[plan.id!] ?? []))
            }
        }
        return changes.count
    }
}
