import Domain
import Fluent
import SQLKit
import Vapor

/// A template form or API body, as entered.
struct PlanTemplateInput: Sendable {
    var unitCode: String?
    var year: String?
    /// The items in order (a form's lines); blank ones are dropped.
    var items: [String] = []
    var commitment: String?
}

/// What the audit log keeps of a template.
struct PlanTemplateSnapshot: Codable, Sendable {
    let unitID: Int
    let year: Int
    let items: [String]
    let commitment: String

    init(_ t: PersonalPlanTemplate) {
        unitID = t.unitID
        year = t.year
        items = PersonalPlanService.templateItems(t)
        commitment = t.commitment
    }
}

/// The cell's template (mẫu kế hoạch) of a year, and starting members' plans from it.
extension PersonalPlanService {
    static func templateItems(_ template: PersonalPlanTemplate) -> [String] {
        template.items.split(separator: "\n").map { VietnameseText.normalize(String($0)) }.filter { !$0.isEmpty }
    }

    static func template(unit unitID: Int, year: Int, on db: any Database) async throws -> PersonalPlanTemplate? {
        try await PersonalPlanTemplate.query(on: db).filter(\.$unitID == unitID).filter(\.$year == year).first()
    }

    /// A cell the account writes, by code (unknown and out-of-scope codes get the same message).
    static func writableCell(_ code: String?, access: Access, _ problems: inout InvalidInput) async throws -> OrgUnit? {
        guard let unit = try await UnitLookup.resolve(code, label: "Chi bộ", access: access, &problems) else { return nil }
        guard try await CellMeetingService.isCell(unit, on: access.db) else {
            problems.add("unit", "Chi bộ: “\(unit.name)” không phải là chi bộ; kế hoạch cá nhân do chi bộ theo dõi.")
            return nil
        }
        return unit
    }

    static func validYear(_ text: String?, _ problems: inout InvalidInput) -> Int? {
        let range = yearRange()
        guard let year = Int(VietnameseText.normalize(text ?? "")), range.contains(year) else {
            problems.add("year", "Năm: phải là một năm từ \(range.lowerBound) đến \(range.upperBound).")
            return nil
        }
        return year
    }

    /// Creates or replaces the cell's template of the year.
    @discardableResult
    static func saveTemplate(_ input: PlanTemplateInput, access: Access) async throws -> PersonalPlanTemplate {
        try TopicService.requireWriter(access)
        var problems = InvalidInput()
        let cell = try await writableCell(input.unitCode, access: access, &problems)
        let year = validYear(input.year, &problems)
        let items = input.items.map(VietnameseText.normalize).filter { !$0.isEmpty }
        if items.isEmpty {
            problems.add("items", "Các việc của mẫu: cần ít nhất một việc.")
        } else if items.count > maxItems {
            problems.add("items", "Các việc của mẫu: tối đa \(maxItems) việc.")
        } else if let long = items.firstIndex(where: { $0.count > itemLimit }) {
            problems.add("items", "Các việc của mẫu: việc thứ \(long + 1) dài quá \(itemLimit) ký tự.")
        }
        let commitment = text(input.commitment, "commitment", "Cam kết", limit: commitmentLimit, &problems)
        try problems.check()

        let existing = try await template(unit: cell!.id!, year: year!, on: access.db)
        let template = existing ?? PersonalPlanTemplate()
        let before = existing.map(PlanTemplateSnapshot.init)
        template.unitID = cell!.id!
        template.year = year!
        template.items = items.joined(separator: "\n")
        template.commitment = commitment
        do {
            try await access.db.transaction { tx in
                try await template.save(on: tx)
                try await Audit.record(
                    on: tx, by: access.user, existing == nil ? .create : .update, .planTemplate, id: template.id, unit: template.unitID,
                    summary: "\(existing == nil ? "Soạn" : "Sửa") mẫu kế hoạch cá nhân năm \(year!) của \(cell!.name)",
                    before: before, after: PlanTemplateSnapshot(template))
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw InvalidInput([ValidationFailure(field: "year", message: "Năm: mẫu năm \(year!) vừa được người khác soạn; hãy mở lại để sửa.")])
        }
        return template
    }

    /// Drafts from the template for every member expected in the cell during `year` who is still
    /// in it and has no plan of the year. Returns how many were made.
    static func startFromTemplate(unitCode: String?, year yearText: String?, access: Access) async throws -> Int {
        try TopicService.requireWriter(access)
        var problems = InvalidInput()
        let cell = try await writableCell(unitCode, access: access, &problems)
        let year = validYear(yearText, &problems)
        try problems.check()
        guard let template = try await template(unit: cell!.id!, year: year!, on: access.db) else {
            throw InvalidInput([ValidationFailure(field: "template",
                message: "Mẫu kế hoạch: \(cell!.name) chưa có mẫu kế hoạch năm \(year!); hãy soạn mẫu trước.")])
        }
        struct Row: Decodable { let person_id: Int; let full_name: String }
        let people = try await (access.db as! any SQLDatabase).raw("""
            SELECT DISTINCT p.id AS person_id, p.full_name AS full_name FROM (\(Expected.planMembersSQL(year: year!))) e \
            JOIN people p ON p.id = e.person_id WHERE e.unit_id = \(bind: cell!.id!) AND p.current_unit_id = \(bind: cell!.id!) \
            AND NOT EXISTS (SELECT 1 FROM personal_plans pp WHERE pp.person_id = p.id AND pp.year = \(bind: year!))
            """).all(decoding: Row.self)
        guard !people.isEmpty else { return 0 }
        let items = templateItems(template)
        try await unique(year: year!) {
            try await access.db.transaction { tx in
                for person in people {
                    let plan = PersonalPlan()
                    plan.personID = person.person_id
                    plan.unitID = cell!.id!
                    plan.year = year!
                    plan.status = .draft
                    plan.commitment = template.commitment
                    plan.exemplaryCommitment = ""
                    plan.selfAssessment = ""
                    plan.assessmentComment = ""
                    try await plan.create(on: tx)
                    try await writeItems(items, of: plan, on: tx)
                    try await Audit.record(
                        on: tx, by: access.user, .create, .personalPlan, id: plan.id, unit: plan.unitID,
                        summary: "Tạo kế hoạch cá nhân năm \(year!) của \(person.full_name) từ mẫu của chi bộ",
                        after: PersonalPlanSnapshot(plan, items: items))
                }
            }
        }
        return people.count
    }
}
