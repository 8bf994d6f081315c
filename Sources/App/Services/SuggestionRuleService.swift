import Domain
import Fluent
import Vapor

/// A suggestion rule as an administrator enters it (all text, as typed).
struct SuggestionRuleInput: Sendable {
    var name: String?
    var subject: String?
    var level: String?
    var years: String?
    var formId: String?
    var issuerId: String?
    /// "on" / "true" / "1" when the rule applies.
    var active: String?
    var sortOrder: String?

    var isActive: Bool { ["on", "true", "1"].contains(active ?? "") }

    init(name: String? = nil, subject: String? = nil, level: String? = nil, years: String? = nil, formId: String? = nil,
         issuerId: String? = nil, active: String? = "on", sortOrder: String? = nil) {
        (self.name, self.subject, self.level, self.years) = (name, subject, level, years)
        (self.formId, self.issuerId, self.active, self.sortOrder) = (formId, issuerId, active, sortOrder)
    }

    init(_ rule: SuggestionRule) {
        self.init(name: rule.name, subject: rule.subject.rawValue, level: rule.level.rawValue, years: String(rule.years),
                  formId: String(rule.formID), issuerId: String(rule.issuerID), active: rule.active ? "on" : nil,
                  sortOrder: String(rule.sortOrder))
    }
}

/// What the audit log keeps of a rule.
struct SuggestionRuleSnapshot: Codable, Sendable {
    let name: String
    let subject: String
    let level: String
    let years: Int
    let formId: Int
    let issuerId: Int
    let active: Bool
    let sortOrder: Int

    init(_ r: SuggestionRule) {
        (name, subject, level, years) = (r.name, r.subject.rawValue, r.level.rawValue, r.years)
        (formId, issuerId, active, sortOrder) = (r.formID, r.issuerID, r.active, r.sortOrder)
    }
}

/// The suggestion rules (DESIGN.md §4): data an administrator adds, edits and stops applying,
/// so a change of the commendation pattern is an edit, not a release.
enum SuggestionRuleService {
    static let nameLimit = 200

    static func rules(on db: any Database) async throws -> [SuggestionRule] {
        try await SuggestionRule.query(on: db).sort(\.$sortOrder).sort(\.$id).all()
    }

    static func rule(_ id: Int?, access: Access) async throws -> SuggestionRule {
        try access.requireRole(.admin)
        guard let id, let rule = try await SuggestionRule.find(id, on: access.db) else { throw Abort(.notFound) }
        return rule
    }

    /// `rule` nil: a new one.
    @discardableResult
    static func save(_ rule: SuggestionRule?, _ input: SuggestionRuleInput, access: Access) async throws -> SuggestionRule {
        try access.requireRole(.admin)
        let target = rule ?? SuggestionRule()
        let before = rule.map(SuggestionRuleSnapshot.init)
        var problems = InvalidInput()
        let name = YearRecordFields.text(input.name, field: "name", label: "Tên quy tắc", limit: nameLimit, required: true, &problems)
        let taken = try await SuggestionRule.query(on: access.db).all().filter { $0.id != rule?.id }.map(\.name)
        if !name.isEmpty, taken.contains(where: { VietnameseText.fold($0) == VietnameseText.fold(name) }) {
            problems.add("name", "Tên quy tắc: đã có quy tắc trùng tên.")
        }
        let subject = GradingSubject(rawValue: input.subject ?? "")
        if subject == nil { problems.add("subject", "Đối tượng: chọn đảng viên hoặc tổ chức đảng.") }
        let level = GradingLevel(rawValue: input.level ?? "")
        if level == nil { problems.add("level", "Mức xếp loại: chưa chọn.") }
        let years = Int(VietnameseText.normalize(input.years ?? ""))
        if years == nil || !(1...10).contains(years!) { problems.add("years", "Số năm liên tục: phải là số nguyên từ 1 đến 10.") }
        let form = try await Int(input.formId ?? "").asyncFlatMap { try await CommendationForm.find($0, on: access.db) }
        if form == nil { problems.add("formId", "Hình thức khen thưởng: chưa chọn.") }
        let issuer = try await Int(input.issuerId ?? "").asyncFlatMap { try await CommendationIssuer.find($0, on: access.db) }
        if issuer == nil { problems.add("issuerId", "Cấp khen: chưa chọn.") }
        let orderText = VietnameseText.normalize(input.sortOrder ?? "")
        let order = orderText.isEmpty ? 100 : Int(orderText)
        if order == nil || !(0...10_000).contains(order!) { problems.add("sortOrder", "Thứ tự: phải là số nguyên từ 0 đến 10.000.") }
        try problems.check()
        target.name = name
        target.subject = subject!
        target.level = level!
        target.years = years!
        target.formID = try form!.requireID()
        target.issuerID = try issuer!.requireID()
        target.active = input.isActive
        target.sortOrder = order!
        try await access.db.transaction { tx in
            try await target.save(on: tx)
            try await Audit.record(
                on: tx, by: access.user, rule == nil ? .create : .update, .suggestionRule, id: target.id, unit: nil,
                summary: (rule == nil ? "Thêm" : "Sửa") + " quy tắc đề xuất khen thưởng “\(name)”", before: before,
                after: SuggestionRuleSnapshot(target))
        }
        return target
    }
}

extension Optional {
    /// The value transformed by an async lookup, or nil.
    fileprivate func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
