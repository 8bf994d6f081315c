import Domain
import Fluent
import SQLKit
import Vapor

/// One row of a grading sheet: a member of the cell or a unit directly below, with its grade.
struct GradingRow: Sendable {
    /// The person's id (members' sheet) or the unit's id (organisations' sheet).
    let key: Int
    let name: String
    /// The cell's assessment of the member's personal plan for the year, one of the criteria.
    let planAssessment: String?
    let evaluation: Evaluation?
}

/// A sheet with its unit, regime, rows and the cap check.
struct GradingSheetDetail: Sendable {
    let sheet: GradingSheet
    let unit: OrgUnit
    let regime: GradingRegime
    let rows: [GradingRow]

    var rules: GradingRules { regime.rules }
    var counts: [GradingLevel: Int] {
        Dictionary(grouping: rows.compactMap(\.evaluation?.level), by: { $0 }).mapValues(\.count)
    }
    var cap: GradingCap? {
        rules.cap(excellent: counts[.excellent] ?? 0, good: counts[.good] ?? 0, outstanding: sheet.outstanding)
    }
    var ungraded: [GradingRow] { rows.filter { $0.evaluation == nil } }
}

/// Yearly grading (xếp loại chất lượng, DESIGN.md §4): a cell grades its members, a committee the
/// organisations directly below it, under the regime of the year the sheet was opened in.
enum GradingService {
    static let noteLimit = 500
    static let yearRange = 2000...2100

    /// Members and leaders read; writers grade; member accounts have no sheets.
    static func requireReader(_ access: Access) throws {
        guard access.user.role.seesUnits else { throw Abort(.forbidden, reason: Access.readOnlyMessage) }
    }

    static func regime(forYear year: Int, on db: any Database) async throws -> GradingRegime? {
        guard let row = try await GradingYear.query(on: db).filter(\.$year == year).first() else { return nil }
        return try await GradingRegime.find(row.regimeID, on: db)
    }

    static func noRegimeMessage(_ year: Int) -> String {
        "Năm \(year) chưa có quy định xếp loại; quản trị hệ thống chọn quy định cho năm ở trang “Quy định xếp loại”."
    }

    /// What a unit grades in a year: its members (a cell, or any unit with members of its own) and
    /// the organisations directly below it.
    static func subjects(of unit: OrgUnit, year: Int, on db: any Database) async throws -> [GradingSubject] {
        var subjects: [GradingSubject] = []
        let isCell = try await CellMeetingService.isCell(unit, on: db)
        let members = try await memberIDs(unit: unit.id!, year: year, on: db)
        if isCell || !members.isEmpty { subjects.append(.member) }
        let children = try await childIDs(unit: unit.id!, year: year, on: db)
        if !children.isEmpty { subjects.append(.organisation) }
        return subjects
    }

    /// The members expected in the unit for the year (Expected's one definition).
    static func memberIDs(unit: Int, year: Int, on db: any Database) async throws -> [Int] {
        struct Row: Decodable { let person_id: Int }
        return try await (db as! any SQLDatabase).raw(
            "SELECT DISTINCT e.person_id FROM (\(Expected.planMembersSQL(year: year))) e WHERE e.unit_id = \(bind: unit)")
            .all(decoding: Row.self).map(\.person_id)
    }

    /// The units directly below `unit` on at least one day of the year, while they existed.
    static func childIDs(unit: Int, year: Int, on db: any Database) async throws -> [Int] {
        struct Row: Decodable { let unit_id: Int }
        let first = LocalDate.firstOf(year: year), last = LocalDate.lastOf(year: year)
        return try await (db as! any SQLDatabase).raw("""
            SELECT DISTINCT l.unit_id FROM unit_parent_links l JOIN org_units u ON u.id = l.unit_id \
            WHERE l.parent_id = \(bind: unit) AND l.valid_from <= \(bind: last.iso) \
            AND (l.valid_to IS NULL OR l.valid_to > \(bind: first.iso)) AND \(Expected.aliveSQL("u", first, last))
            """).all(decoding: Row.self).map(\.unit_id)
    }

    static func readable(_ id: Int?, access: Access) async throws -> GradingSheet {
        try requireReader(access)
        guard let id, let sheet = try await GradingSheet.find(id, on: access.db) else { throw Abort(.notFound) }
        try await access.requireRead(unit: sheet.unitID)
        return sheet
    }

    static func writable(_ id: Int?, access: Access) async throws -> GradingSheet {
        let sheet = try await readable(id, access: access)
        try await access.requireWrite(unit: sheet.unitID)
        return sheet
    }

    /// The sheet with its rows: everyone the unit grades that year, and anyone already graded on it.
    static func detail(_ sheet: GradingSheet, on db: any Database) async throws -> GradingSheetDetail {
        guard let unit = try await OrgUnit.find(sheet.unitID, on: db),
              let regime = try await GradingRegime.find(sheet.regimeID, on: db) else { throw Abort(.notFound) }
        let evaluations = try await Evaluation.query(on: db).filter(\.$sheetID == sheet.id!).all()
        var rows: [GradingRow] = []
        if sheet.subject == .member {
            let byPerson = Dictionary(evaluations.compactMap { e in e.personID.map { ($0, e) } }, uniquingKeysWith: { a, _ in a })
            let ids = Set(try await memberIDs(unit: unit.id!, year: sheet.year, on: db)).union(byPerson.keys)
            let people = ids.isEmpty ? [] : try await Person.query(on: db).filter(\.$id ~~ Array(ids)).all()
                .sorted { ($0.sortKey, $0.id!) < ($1.sortKey, $1.id!) }
            let plans = ids.isEmpty ? [] : try await PersonalPlan.query(on: db).filter(\.$personID ~~ Array(ids))
                .filter(\.$year == sheet.year).all()
            let planByPerson = Dictionary(plans.map { ($0.personID, $0) }, uniquingKeysWith: { a, b in a.unitID == unit.id ? a : b })
            rows = people.map { person in
                let plan = planByPerson[person.id!]
                let label = plan.map { $0.assessment?.label ?? "Chưa đánh giá" } ?? "Không có kế hoạch"
                return GradingRow(key: person.id!, name: person.fullName, planAssessment: label, evaluation: byPerson[person.id!])
            }
        } else {
            let byUnit = Dictionary(evaluations.compactMap { e in e.subjectUnitID.map { ($0, e) } }, uniquingKeysWith: { a, _ in a })
            let ids = Set(try await childIDs(unit: unit.id!, year: sheet.year, on: db)).union(byUnit.keys)
            let units = ids.isEmpty ? [] : try await OrgUnit.query(on: db).filter(\.$id ~~ Array(ids)).sort(\.$code).all()
            rows = units.map { GradingRow(key: $0.id!, name: "\($0.code) — \($0.name)", planAssessment: nil, evaluation: byUnit[$0.id!]) }
        }
        return GradingSheetDetail(sheet: sheet, unit: unit, regime: regime, rows: rows)
    }

    /// Opens the unit's sheet for the year under the year's regime (kept by the sheet afterwards).
    static func open(unitCode: String?, year yearText: String?, subject subjectText: String?, access: Access) async throws -> GradingSheet {
        try requireReader(access)
        var problems = InvalidInput()
        let unit = try await UnitLookup.resolve(unitCode, label: "Tổ chức đảng", access: access, &problems)
        let year = Int(VietnameseText.normalize(yearText ?? "")).flatMap { yearRange.contains($0) ? $0 : nil }
        if year == nil { problems.add("year", "Năm: phải là một năm từ \(yearRange.lowerBound) đến \(yearRange.upperBound).") }
        let subject = GradingSubject(rawValue: VietnameseText.normalize(subjectText ?? ""))
        if subject == nil { problems.add("subject", "Đối tượng: phải là \(GradingSubject.member.rawValue) hoặc \(GradingSubject.organisation.rawValue).") }
        try problems.check()
        guard let unit, let year, let subject else { throw problems }
        guard let regime = try await regime(forYear: year, on: access.db) else {
            throw ValidationFailure(field: "year", message: noRegimeMessage(year))
        }
        guard try await subjects(of: unit, year: year, on: access.db).contains(subject) else {
            throw ValidationFailure(field: "subject", message: subject == .member
                ? "Đối tượng: \(unit.name) không có đảng viên năm \(year)."
                : "Đối tượng: \(unit.name) không có tổ chức đảng trực thuộc năm \(year).")
        }
        if try await GradingSheet.query(on: access.db).filter(\.$unitID == unit.id!).filter(\.$year == year)
            .filter(\.$subject == subject).first() != nil {
            throw Abort(.conflict, reason: "Bảng xếp loại \(subject.label.lowercased()) năm \(year) của \(unit.name) đã được mở.")
        }
        let sheet = GradingSheet()
        sheet.unitID = unit.id!
        sheet.regimeID = regime.id!
        sheet.year = year
        sheet.subject = subject
        sheet.status = .draft
        sheet.outstanding = false
        try await access.db.transaction { tx in
            try await sheet.create(on: tx)
            try await Audit.record(on: tx, by: access.user, .create, .gradingSheet, id: sheet.id, unit: unit.id,
                                   summary: "Mở bảng xếp loại \(subject.label.lowercased()) năm \(year) của \(unit.name) (\(regime.name))",
                                   after: GradingSheetSnapshot(sheet, evaluations: []))
        }
        return sheet
    }
}

/// A sheet as the audit log keeps it: its state and every grade.
struct GradingSheetSnapshot: Encodable {
    let status: String
    let outstanding: Bool
    let grades: [String: String]

    init(_ sheet: GradingSheet, evaluations: [Evaluation]) {
        status = sheet.status.rawValue
        outstanding = sheet.outstanding
        var grades: [String: String] = [:]
        for e in evaluations {
            let key = e.personID.map { "person \($0)" } ?? e.subjectUnitID.map { "unit \($0)" } ?? "?"
            grades[key] = [e.level.abbreviation, e.score.map(GradingScore.format), e.note.isEmpty ? nil : e.note]
                .compactMap { $0 }.joined(separator: " · ")
        }
        self.grades = grades
    }
}
