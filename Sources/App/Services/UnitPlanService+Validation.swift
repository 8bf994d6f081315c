import Domain
import Fluent
import SQLKit
import Vapor

extension UnitPlanService {
    struct Values {
        let unitID: Int
        let programmeID: Int
        let scope: PlanScope
        let year: Int
        let theme: String
        let content: String
        let documentNumber: String

        func apply(to p: UnitPlan) {
            p.unitID = unitID
            p.programmeID = programmeID
            p.scope = scope
            p.year = year
            p.theme = theme
            p.content = content
            p.documentNumber = documentNumber
        }
    }

    static func validated(_ input: UnitPlanInput, for existing: UnitPlan?, access: Access, today: LocalDate = .today()) async throws -> Values {
        let db = access.db
        var problems = InvalidInput()

        var unit = try await UnitLookup.resolve(input.unitCode, label: "Tổ chức đảng", access: access, &problems)
        if let found = unit, try await !makesPlans(found.id!, on: db) {
            problems.add("unit", "Tổ chức đảng: “\(found.name)” là chi bộ trực thuộc; kế hoạch của chi bộ trực thuộc là kế hoạch "
                         + "của đảng bộ cơ sở cấp trên.")
            unit = nil
        }

        var programme: Programme?
        let programmeText = VietnameseText.normalize(input.programmeID ?? "")
        if programmeText.isEmpty {
            problems.add("programmeId", "Chương trình: chưa chọn.")
        } else if let id = Int(programmeText), let found = try await Programme.find(id, on: db) {
            programme = found
        } else {
            problems.add("programmeId", "Chương trình: không tồn tại.")
        }

        let scope = PlanScope(rawValue: input.scope ?? "")
        if scope == nil { problems.add("scope", "Loại kế hoạch: chưa chọn (kế hoạch năm hoặc toàn khóa).") }

        let year = planYear(input.year, scope: scope, programme: programme, today: today, &problems)
        if let unit, let year, !alive(unit, in: year) {
            problems.add("year", "Năm: \(unit.name) không tồn tại trong năm \(year) (thành lập ngày "
                         + "\(VietnameseFormat.date(unit.foundedOn))\(unit.dissolvedOn.map { ", không còn từ ngày \(VietnameseFormat.date($0))" } ?? "")).")
        }
        if let unit, let programme, let scope, let year, !problems.hasFailure("year") {
            var query = UnitPlan.query(on: db).filter(\.$unitID == unit.id!).filter(\.$programmeID == programme.id!)
                .filter(\.$scope == scope).filter(\.$year == year)
            if let id = existing?.id { query = query.filter(\.$id != id) }
            if try await query.first() != nil {
                problems.add("year", duplicateMessage(unitName: unit.name, scope: scope, year: year, programme: programme.documentNumber))
            }
        }

        let theme = VietnameseText.normalize(input.theme ?? "")
        if theme.isEmpty {
            problems.add("theme", "Chủ đề năm: chưa nhập (với kế hoạch toàn khóa: tên kế hoạch).")
        } else if theme.count > themeLimit {
            problems.add("theme", "Chủ đề năm: dài quá \(themeLimit) ký tự.")
        }

        let content = VietnameseText.normalize(input.content ?? "")
        if content.count > contentLimit { problems.add("content", "Nội dung kế hoạch: dài quá \(VietnameseFormat.number(contentLimit)) ký tự.") }

        var number = ""
        let numberText = VietnameseText.normalize(input.documentNumber ?? "")
        if numberText.count > numberLimit {
            problems.add("documentNumber", "Số, ký hiệu kế hoạch: dài quá \(numberLimit) ký tự.")
        } else if !numberText.isEmpty {
            switch DocumentNumber.parse(numberText) {
            case .failure(let error): problems.add("documentNumber", InvalidInput.labelled("Số, ký hiệu kế hoạch", error.message))
            case .success(let parsed): number = parsed.raw
            }
        }

        try problems.check()
        return Values(unitID: unit!.id!, programmeID: programme!.id!, scope: scope!, year: year!, theme: theme,
                      content: content, documentNumber: number)
    }

    /// The plan's year: one of the programme's years, and not beyond next year (a plan is made at
    /// the end of the year before at the earliest). A whole-term plan takes the programme's first year.
    private static func planYear(
        _ text: String?, scope: PlanScope?, programme: Programme?, today: LocalDate, _ problems: inout InvalidInput
    ) -> Int? {
        let value = VietnameseText.normalize(text ?? "")
        if scope == .term {
            guard let programme else { return nil }
            let first = programme.startsOn.year
            if !value.isEmpty, Int(value) != first {
                problems.add("year", "Năm: kế hoạch toàn khóa theo \(programme.documentNumber) lấy năm đầu của chương trình (\(first)).")
                return nil
            }
            return first
        }
        guard !value.isEmpty else {
            problems.add("year", "Năm: chưa nhập.")
            return nil
        }
        guard let year = Int(value) else {
            problems.add("year", "Năm: phải là một số (ví dụ 2024).")
            return nil
        }
        if let programme, !programme.containsTopicYear(year) || year > today.year + 1 {
            let last = min(programme.endsOn?.year ?? today.year + 1, today.year + 1)
            problems.add("year", "Năm: \(programme.documentNumber) áp dụng cho các năm \(programme.startsOn.year)–\(last).")
            return nil
        }
        return year
    }

    /// Whether the unit's kind makes plans (Expected.planMakingKind: every kind but the chi bộ trực thuộc).
    static func makesPlans(_ unitID: Int, on db: any Database) async throws -> Bool {
        struct Row: Decodable { let id: Int }
        return try await (db as! any SQLDatabase).raw("""
            SELECT u.id AS id FROM org_units u JOIN unit_kinds k ON k.code = u.kind_code \
            WHERE u.id = \(bind: unitID) AND \(Expected.planMakingKind)
            """).first(decoding: Row.self) != nil
    }

    /// The unit existed on at least one day of `year`.
    static func alive(_ unit: OrgUnit, in year: Int) -> Bool {
        unit.foundedOn <= LocalDate.lastOf(year: year) && (unit.dissolvedOn.map { $0 > LocalDate.firstOf(year: year) } ?? true)
    }
}
